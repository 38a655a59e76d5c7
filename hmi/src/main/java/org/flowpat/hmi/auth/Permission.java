package org.flowpat.hmi.auth;

/** The actions the server checks before it acts. */
public enum Permission {
    /** See the plant, live values and trends. */
    VIEW,
    /** Write setpoints and commands to the line. */
    WRITE_SETPOINTS,
    /** Give the line PackML commands (start, hold, stop, ...). */
    COMMAND_LINE,
    /** Acknowledge alarms (ISA-18.2: the operator confirms having seen them). */
    ACKNOWLEDGE_ALARMS,
    /** Shelve and unshelve alarms: hiding a nuisance alarm for a while is an engineering decision. */
    SHELVE_ALARMS,
    /** Demo mode: inject simulator faults. */
    INJECT_FAULTS,
    /** Change monitoring and control configuration. */
    CONFIGURE,
    /** Review and release lots, sign lot records electronically. */
    REVIEW
}
