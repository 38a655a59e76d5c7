package org.flowpat.controller.api;

/**
 * One change of an alarm's state, to be journaled. {@code user} is who caused it ({@code system} for process
 * changes, the user name for acknowledge and shelve, {@code linestate:<STATE>} or {@code root:<alarm>} for
 * suppression); {@code firstOut} is the id of the first alarm of the group this activation belongs to (its own
 * id when it is the first out), empty otherwise.
 *
 * @param value the value that caused the change (NaN if none)
 */
public record AlarmTransition(String line, String alarmId, String name, String type, String priority,
                              AlarmState from, AlarmState to, long timeNanos, double value, String user,
                              String reason, String firstOut) {
    public AlarmTransition {
        name = name == null ? "" : name;
        reason = reason == null ? "" : reason;
        firstOut = firstOut == null ? "" : firstOut;
    }
}
