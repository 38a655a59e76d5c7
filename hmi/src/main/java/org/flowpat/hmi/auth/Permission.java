package org.flowpat.hmi.auth;

/** The actions the server checks before it acts; later pages (alarms, lots, signatures) add theirs here. */
public enum Permission {
    /** See the plant, live values and trends. */
    VIEW,
    /** Write setpoints and commands to the line. */
    WRITE_SETPOINTS,
    /** Demo mode: inject simulator faults. */
    INJECT_FAULTS,
    /** Change monitoring and control configuration. */
    CONFIGURE,
    /** Review and release lots, sign records. */
    REVIEW
}
