package org.flowpat.config.model;

/** What an alarm watches (ISA-18.2 alarm types as far as FlowPAT needs them). */
public enum AlarmType {
    /** The signal's value above {@code limit}. */
    HIGH,
    /** The signal's value below {@code limit}. */
    LOW,
    /** |value - setpoint| above {@code limit}; the setpoint is a signal ({@code setpointSignal}) or a number ({@code setpoint}). */
    DEVIATION,
    /** |d value / dt| above {@code limit} per minute. */
    RATE_OF_CHANGE,
    /** An SPC signal (limit or run rule) on the charts of CQA {@code cqa}. */
    SPC,
    /** The signal (or any signal of its unit) reports Bad status. */
    ANALYZER_FAULT,
    /** The line's data source stopped answering. */
    COMMUNICATION_LOSS,
    /** The historian's spool is filling (the database is slow or down). */
    SPOOL_FILLING;

    /** Types that compare a signal's value with a limit. */
    public boolean needsLimit() {
        return this == HIGH || this == LOW || this == DEVIATION || this == RATE_OF_CHANGE;
    }

    /** Types that watch one signal. */
    public boolean needsSignal() {
        return needsLimit() || this == ANALYZER_FAULT;
    }
}
