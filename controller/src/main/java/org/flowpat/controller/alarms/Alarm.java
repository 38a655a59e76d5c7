package org.flowpat.controller.alarms;

import java.util.function.Consumer;
import org.flowpat.config.model.AlarmDefinition;
import org.flowpat.controller.api.AlarmState;
import org.flowpat.controller.api.AlarmTransition;

/**
 * The ISA-18.2 life cycle of one alarm, as a pure state machine driven by its (already deadbanded) condition
 * and a clock in nanoseconds. On- and off-delays filter the condition; acknowledge, shelve and suppression act
 * on the annunciated state. Every state change goes to the sink as an {@link AlarmTransition}.
 *
 * <p>While shelved or suppressed the condition is still tracked (so the alarm comes back right), but nothing is
 * annunciated. A timed shelve that expires returns the alarm unacknowledged if its condition is active; a manual
 * unshelve returns it acknowledged (the engineer has seen it). Not thread-safe.
 */
public final class Alarm {
    static final String SYSTEM = "system";

    private final String line;
    private final AlarmDefinition definition;
    private final long onDelayNanos;
    private final long offDelayNanos;
    private final Consumer<AlarmTransition> sink;
    private final FirstOut firstOut;

    private AlarmState state = AlarmState.NORMAL;
    private boolean condition;          // raw condition, after the deadband
    private long conditionSince;        // when the raw condition last changed
    private boolean active;             // condition after the on/off delays
    private boolean acknowledged = true;
    private long shelvedUntil = Long.MIN_VALUE;
    private String suppressedBy = "";
    private double lastValue = Double.NaN;
    private long suppressedActivations;

    public Alarm(String line, AlarmDefinition definition, FirstOut firstOut, Consumer<AlarmTransition> sink) {
        this.firstOut = firstOut;
        this.line = line;
        this.definition = definition;
        this.onDelayNanos = Math.round(definition.onDelayS() * 1e9);
        this.offDelayNanos = Math.round(definition.offDelayS() * 1e9);
        this.sink = sink;
    }

    public String id() {
        return definition.id();
    }

    public AlarmDefinition definition() {
        return definition;
    }

    public AlarmState state() {
        return state;
    }

    /** The raw condition (after the deadband, before the delays). */
    public boolean condition() {
        return condition;
    }

    /** The condition after on/off delays, whether annunciated or not. */
    public boolean active() {
        return active;
    }

    public boolean shelved() {
        return state == AlarmState.SHELVED;
    }

    /** Why the alarm is suppressed ({@code linestate:<STATE>} or {@code root:<alarm>}), empty if it is not. */
    public String suppressedBy() {
        return suppressedBy;
    }

    /** Activations that happened while the alarm was suppressed (consequential alarms of a root cause). */
    public long suppressedActivations() {
        return suppressedActivations;
    }

    /** Reports the raw condition at {@code now}; {@code value} is what caused it (for the journal). */
    public void condition(boolean raw, double value, long now) {
        lastValue = value;
        if (raw != condition) {
            condition = raw;
            conditionSince = now;
        }
        tick(now);
    }

    /** Advances the clock: on/off delays and shelve expiry. */
    public void tick(long now) {
        if (state == AlarmState.SHELVED && now >= shelvedUntil) {
            shelvedUntil = Long.MIN_VALUE;
            move(visibleState(false), now, SYSTEM, "shelve expired", "");
        }
        if (condition != active) {
            long delay = condition ? onDelayNanos : offDelayNanos;
            if (now - conditionSince >= delay) {
                setActive(condition, now);
            }
        }
    }

    private void setActive(boolean on, long now) {
        active = on;
        if (state == AlarmState.SHELVED || state == AlarmState.SUPPRESSED) {
            if (on) {
                suppressedActivations += state == AlarmState.SUPPRESSED ? 1 : 0;
                acknowledged = false;
            }
            return;
        }
        if (on) {
            acknowledged = false;
            move(AlarmState.ACTIVE_UNACKED, now, SYSTEM, "condition active", firstOut.groupOf(id(), now));
        } else {
            move(acknowledged ? AlarmState.NORMAL : AlarmState.RETURNED_UNACKED, now, SYSTEM, "returned to normal", "");
        }
    }

    /** Acknowledges; returns false (and changes nothing) when there is nothing to acknowledge. */
    public boolean acknowledge(String user, long now) {
        if (state == AlarmState.ACTIVE_UNACKED) {
            acknowledged = true;
            move(AlarmState.ACTIVE_ACKED, now, user, "acknowledged", "");
            return true;
        }
        if (state == AlarmState.RETURNED_UNACKED) {
            acknowledged = true;
            move(AlarmState.NORMAL, now, user, "acknowledged", "");
            return true;
        }
        return false;
    }

    /** Shelves until {@code untilNanos}; permission is the manager's concern. */
    public void shelve(String user, long untilNanos, String reason, long now) {
        if (untilNanos <= now) {
            throw new IllegalArgumentException("alarm " + id() + ": shelve expiry must lie in the future");
        }
        shelvedUntil = untilNanos;
        if (state != AlarmState.SHELVED) {
            move(AlarmState.SHELVED, now, user, reason, "");
        }
    }

    /** Manual unshelve: an active alarm comes back acknowledged. Returns false if it was not shelved. */
    public boolean unshelve(String user, long now) {
        if (state != AlarmState.SHELVED) {
            return false;
        }
        shelvedUntil = Long.MIN_VALUE;
        move(visibleState(true), now, user, "unshelved", "");
        return true;
    }

    /** Suppresses (reason non-empty) or releases (empty) the alarm. A shelved alarm stays shelved. */
    public void suppress(String reason, long now) {
        String before = suppressedBy;
        suppressedBy = reason == null ? "" : reason;
        if (before.equals(suppressedBy) || state == AlarmState.SHELVED) {
            return;
        }
        if (!suppressedBy.isEmpty() && state != AlarmState.SUPPRESSED) {
            move(AlarmState.SUPPRESSED, now, suppressedBy, "suppressed", "");
        } else if (suppressedBy.isEmpty() && state == AlarmState.SUPPRESSED) {
            move(visibleState(false), now, before, "suppression ended", "");
        }
    }

    /** The state to show when shelving or suppression ends. */
    private AlarmState visibleState(boolean acknowledgedByUser) {
        if (!suppressedBy.isEmpty()) {
            return AlarmState.SUPPRESSED;
        }
        if (active) {
            acknowledged = acknowledgedByUser;
            return acknowledgedByUser ? AlarmState.ACTIVE_ACKED : AlarmState.ACTIVE_UNACKED;
        }
        acknowledged = true;
        return AlarmState.NORMAL;
    }

    private void move(AlarmState to, long now, String user, String reason, String firstOut) {
        AlarmState from = state;
        if (from == to) {
            return;
        }
        state = to;
        sink.accept(new AlarmTransition(line, id(), definition.name(), definition.type().name(),
                definition.priority().name(), from, to, now, lastValue, user, reason, firstOut));
    }
}
