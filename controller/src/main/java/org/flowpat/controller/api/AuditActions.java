package org.flowpat.controller.api;

/** The {@link AuditEntry#action()} names. */
public final class AuditActions {
    public static final String SETPOINT_CHANGE = "setpoint.change";
    public static final String LOOP_MODE = "loop.mode";
    public static final String LINE_COMMAND = "line.command";
    public static final String ALARM_ACKNOWLEDGE = "alarm.acknowledge";
    public static final String ALARM_SHELVE = "alarm.shelve";
    public static final String ALARM_UNSHELVE = "alarm.unshelve";
    public static final String CONFIGURATION_LOAD = "configuration.load";
    public static final String LOT_DECISION = "lot.decision";
    public static final String LOT_SIGNATURE = "lot.signature";
    public static final String LOGIN = "user.login";
    public static final String LOGIN_FAILED = "user.login-failed";
    public static final String SIMULATOR_FAULT = "simulator.fault";
    /** The trail itself recorded a torn line left by an append a crash interrupted (see controller.audit). */
    public static final String AUDIT_RECOVERY = "audit.recovery";

    private AuditActions() {
    }
}
