package org.flowpat.controller.linestate;

import java.util.LinkedHashSet;
import java.util.Set;
import org.flowpat.config.model.InterlockSettings;
import org.flowpat.controller.api.LineCommand;
import org.flowpat.controller.api.Sample;

/**
 * Applies a line's interlocks to its state machine: a tripped HOLD, STOP or ABORT interlock commands the line as
 * {@code interlock:<id>}; a tripped DIVERT interlock asks the diversion planner to send material to waste for as
 * long as it stays tripped ({@link #divertingInterlocks()}). Not thread-safe.
 */
public final class LineSupervisor {
    private final LineStateMachine machine;
    private final Interlocks interlocks;
    private final Set<String> diverting = new LinkedHashSet<>();

    public LineSupervisor(LineStateMachine machine, Interlocks interlocks) {
        this.machine = machine;
        this.interlocks = interlocks;
    }

    public void onSample(Sample s) {
        for (Interlocks.Trip trip : interlocks.onSample(s)) {
            InterlockSettings i = trip.interlock();
            if ("DIVERT".equals(i.action())) {
                if (trip.tripped()) {
                    diverting.add(i.id());
                } else {
                    diverting.remove(i.id());
                }
            } else if (trip.tripped()) {
                machine.interlock(i.id(), LineCommand.valueOf(i.action()), trip.reason(), trip.timeNanos());
            }
        }
    }

    /** Ids of the DIVERT interlocks now tripped (empty: none asks for diversion). */
    public Set<String> divertingInterlocks() {
        return Set.copyOf(diverting);
    }

    public LineStateMachine machine() {
        return machine;
    }
}
