package org.flowpat.controller.api;

/** Event-bus addresses of real-time quality control (beside {@link Addresses}). */
public final class QualityAddresses {
    /** {@link SpcResult} messages, one per CQA sample. */
    public static final String SPC = "flowpat.spc";
    /** {@link AlarmTransition} messages, one per alarm state change (journal them). */
    public static final String ALARMS = "flowpat.alarms";
    /** Prefix of the per-line addresses of {@link AlarmAction} requests; see {@link #alarmActions(String)}. */
    public static final String ALARM_ACTIONS = "flowpat.alarms.actions";
    /** {@link LineStateChange} messages. */
    public static final String LINE_STATE = "flowpat.linestate";
    /** {@link DiversionCommand} messages: the planner's diverter commands and the intervals diverted. */
    public static final String DIVERSION = "flowpat.diversion";

    /**
     * Where {@link AlarmAction} requests for a line go (acknowledge, shelve, unshelve); the reply is the alarm's
     * new state. One address per line, because a request reaches only one consumer.
     */
    public static String alarmActions(String line) {
        return ALARM_ACTIONS + "." + line;
    }

    /** Where {@link LineCommandRequest}s for a line go; the reply is the line's new state. */
    public static String lineCommands(String line) {
        return LINE_STATE + ".commands." + line;
    }

    private QualityAddresses() {
    }
}
