package org.flowpat.controller.api;

/**
 * A user's action on an alarm, sent as a request to {@link QualityAddresses#alarmActions(String)}; the reply is the
 * alarm's new state name, or a failure (403 for a role that may not shelve, 400 for a bad request).
 *
 * @param action    {@code ACKNOWLEDGE}, {@code SHELVE} or {@code UNSHELVE}
 * @param durationS shelving time, s (SHELVE only)
 */
public record AlarmAction(String line, String alarmId, String action, String user, String role, double durationS,
                          String reason) {
}
