package org.flowpat.controller.lots;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.flowpat.controller.api.DiversionCommand;
import org.flowpat.controller.api.DiverterPosition;

/**
 * Where the diverter sent the material when, from the planner's {@link DiversionCommand}s. The planner starts at
 * waste (start-up) without a command, so the history starts at waste until the first PRODUCT command.
 */
final class DiverterHistory {
    /** Intervals kept for samples still in transit; far more than a transfer line's delay. */
    private static final int KEPT = 256;

    private final Deque<long[]> waste = new ArrayDeque<>();
    private final Deque<DiversionCommand> commands = new ArrayDeque<>();
    private long wasteSince = Long.MIN_VALUE;   // start of the open waste interval
    private boolean wasting = true;
    private DiversionCommand openCommand;       // the WASTE command of the open interval, if one was sent

    void accept(DiversionCommand c) {
        if (c.position() == DiverterPosition.WASTE) {
            if (!wasting) {
                wasting = true;
                wasteSince = c.fromNanos();
            }
            openCommand = c;
        } else {
            if (wasting) {
                waste.addLast(new long[]{Math.min(wasteSince, c.fromNanos()), c.untilNanos()});
            }
            wasting = false;
            openCommand = null;
            commands.addLast(c);
        }
        while (waste.size() > KEPT) {
            waste.removeFirst();
        }
        while (commands.size() > KEPT) {
            commands.removeFirst();
        }
    }

    /** Whether material reaching the diverter at {@code timeNanos} went to waste, as far as is known now. */
    boolean wasteAt(long timeNanos) {
        if (wasting && timeNanos >= wasteSince) {
            return true;
        }
        for (long[] w : waste) {
            if (timeNanos >= w[0] && timeNanos < w[1]) {
                return true;
            }
        }
        return false;
    }

    boolean wasting() {
        return wasting;
    }

    /**
     * The diversions overlapping {@code [from, to)}: the completed intervals (PRODUCT commands, with their mass),
     * and the interval still open, as its WASTE command (made up with trigger {@code startup} when none was sent).
     */
    List<DiversionCommand> overlapping(String line, long from, long to) {
        List<DiversionCommand> out = new ArrayList<>();
        for (DiversionCommand c : commands) {
            if (c.fromNanos() < to && c.untilNanos() > from) {
                out.add(c);
            }
        }
        if (wasting && wasteSince < to) {
            out.add(openCommand != null ? openCommand
                    : new DiversionCommand(line, DiverterPosition.WASTE, "startup", Math.max(wasteSince, from),
                            Long.MAX_VALUE, 0, 0));
        }
        return out;
    }
}
