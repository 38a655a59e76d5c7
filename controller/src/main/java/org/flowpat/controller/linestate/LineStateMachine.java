package org.flowpat.controller.linestate;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.flowpat.controller.api.LineCommand;
import org.flowpat.controller.api.LineState;
import org.flowpat.controller.api.LineStateChange;

/**
 * A line's PackML state machine (ISA-TR88.00.02, without Suspend and Complete). Commands move a wait state into an
 * acting state; an acting state moves on to its wait state when its work is done ({@link #complete}). Stop is
 * accepted from every state between Idle and Held, abort from every state but Aborting and Aborted. Every
 * change is attributed (a user, {@code interlock:<id>}, or {@code system} for completions) and goes to the sink.
 * Not thread-safe.
 */
public final class LineStateMachine {
    public static final String SYSTEM = "system";

    private static final Map<LineState, Map<LineCommand, LineState>> COMMANDS = new EnumMap<>(LineState.class);
    private static final Map<LineState, LineState> COMPLETIONS = new EnumMap<>(LineState.class);

    static {
        for (LineState s : LineState.values()) {
            COMMANDS.put(s, new EnumMap<>(LineCommand.class));
        }
        on(LineState.STOPPED, LineCommand.RESET, LineState.RESETTING);
        on(LineState.IDLE, LineCommand.START, LineState.STARTING);
        on(LineState.EXECUTE, LineCommand.HOLD, LineState.HOLDING);
        on(LineState.HELD, LineCommand.UNHOLD, LineState.UNHOLDING);
        on(LineState.ABORTED, LineCommand.CLEAR, LineState.CLEARING);
        for (LineState s : EnumSet.of(LineState.RESETTING, LineState.IDLE, LineState.STARTING, LineState.EXECUTE,
                LineState.HOLDING, LineState.HELD, LineState.UNHOLDING)) {
            on(s, LineCommand.STOP, LineState.STOPPING);
        }
        for (LineState s : LineState.values()) {
            if (s != LineState.ABORTING && s != LineState.ABORTED) {
                on(s, LineCommand.ABORT, LineState.ABORTING);
            }
        }
        COMPLETIONS.put(LineState.RESETTING, LineState.IDLE);
        COMPLETIONS.put(LineState.STARTING, LineState.EXECUTE);
        COMPLETIONS.put(LineState.HOLDING, LineState.HELD);
        COMPLETIONS.put(LineState.UNHOLDING, LineState.EXECUTE);
        COMPLETIONS.put(LineState.STOPPING, LineState.STOPPED);
        COMPLETIONS.put(LineState.ABORTING, LineState.ABORTED);
        COMPLETIONS.put(LineState.CLEARING, LineState.STOPPED);
    }

    private static void on(LineState from, LineCommand command, LineState to) {
        COMMANDS.get(from).put(command, to);
    }

    private final String line;
    private final Consumer<LineStateChange> sink;
    private LineState state;

    public LineStateMachine(String line, LineState initial, Consumer<LineStateChange> sink) {
        this.line = line;
        this.state = initial;
        this.sink = sink;
    }

    public LineState state() {
        return state;
    }

    /** The commands the current state accepts. */
    public Set<LineCommand> allowedCommands() {
        return Set.copyOf(COMMANDS.get(state).keySet());
    }

    /** A user's command; an illegal one is refused with a message naming the state and the allowed commands. */
    public LineStateChange command(LineCommand command, String user, long now) {
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("line " + line + ": a command must be attributed to a user");
        }
        LineState to = COMMANDS.get(state).get(command);
        if (to == null) {
            String allowed = COMMANDS.get(state).keySet().stream().map(Enum::name).sorted().collect(Collectors.joining(", "));
            throw new IllegalLineCommandException("line " + line + " is " + state + ": command " + command
                    + " is not allowed (allowed: " + (allowed.isEmpty() ? "none until the state completes" : allowed) + ")");
        }
        return move(to, command.name(), user, "", now);
    }

    /**
     * An interlock forces {@code command}; ignored (empty) when the state does not accept it, e.g. a hold while
     * the line is already held or stopped.
     */
    public Optional<LineStateChange> interlock(String interlockId, LineCommand command, String reason, long now) {
        LineState to = COMMANDS.get(state).get(command);
        if (to == null) {
            return Optional.empty();
        }
        return Optional.of(move(to, command.name(), "interlock:" + interlockId, reason, now));
    }

    /** The acting state's work is done: move on to its wait state. Ignored in a wait state. */
    public Optional<LineStateChange> complete(long now) {
        LineState to = COMPLETIONS.get(state);
        return to == null ? Optional.empty() : Optional.of(move(to, "STATE_COMPLETE", SYSTEM, "", now));
    }

    private LineStateChange move(LineState to, String command, String by, String reason, long now) {
        LineStateChange change = new LineStateChange(line, state, to, command, by, now, reason);
        state = to;
        sink.accept(change);
        return change;
    }
}
