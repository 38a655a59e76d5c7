package org.flowpat.hmi.alarms;

import io.vertx.core.json.JsonObject;
import org.flowpat.controller.api.AlarmState;
import org.flowpat.controller.api.AlarmTransition;

/**
 * The current state of one alarm as the board knows it.
 *
 * @param sinceNanos      when it entered its current state
 * @param activeSinceNanos when its condition last became active (0 if it never did while the board listened)
 * @param value           the value of the last transition that carried one (NaN if none)
 * @param firstOut        the first alarm of the group of its latest activation (its own id when first out), or empty
 */
public record AlarmEntry(String line, String alarmId, String name, String type, String priority, AlarmState state,
                         long sinceNanos, long activeSinceNanos, double value, String firstOut, String user,
                         String reason) {

    /** The entry after {@code t}; {@code previous} may be null for an alarm seen for the first time. */
    static AlarmEntry after(AlarmEntry previous, AlarmTransition t) {
        boolean activation = t.from() == AlarmState.NORMAL || previous == null;
        long activeSince = activation ? t.timeNanos() : previous.activeSinceNanos();
        double value = Double.isNaN(t.value()) && previous != null ? previous.value() : t.value();
        String firstOut = !t.firstOut().isEmpty() || previous == null || activation ? t.firstOut() : previous.firstOut();
        return new AlarmEntry(t.line(), t.alarmId(), t.name(), t.type(), t.priority(), t.to(), t.timeNanos(),
                activeSince, value, firstOut, t.user(), t.reason());
    }

    /** Needs the operator: active or returned, and not yet acknowledged. */
    public boolean unacknowledged() {
        return state == AlarmState.ACTIVE_UNACKED || state == AlarmState.RETURNED_UNACKED;
    }

    /** The first out of its group (an alarm that came on alone is its own first out). */
    public boolean isFirstOutOfGroup() {
        return alarmId.equals(firstOut);
    }

    public JsonObject toJson() {
        return new JsonObject().put("line", line).put("id", alarmId).put("name", name).put("type", type)
                .put("priority", priority).put("state", state.name()).put("annunciated", state.annunciated())
                .put("unacknowledged", unacknowledged()).put("since", sinceNanos / 1_000_000)
                .put("activeSince", activeSinceNanos == 0 ? null : activeSinceNanos / 1_000_000)
                .put("value", Double.isFinite(value) ? value : null)
                .put("firstOut", firstOut.isEmpty() ? null : firstOut)
                .put("isFirstOut", isFirstOutOfGroup()).put("user", user).put("reason", reason);
    }

    /** One journal row of a transition. */
    static JsonObject row(AlarmTransition t) {
        return new JsonObject().put("line", t.line()).put("id", t.alarmId()).put("name", t.name()).put("type", t.type())
                .put("priority", t.priority()).put("from", t.from().name()).put("to", t.to().name())
                .put("time", t.timeNanos() / 1_000_000).put("value", Double.isFinite(t.value()) ? t.value() : null)
                .put("user", t.user()).put("reason", t.reason())
                .put("firstOut", t.firstOut().isEmpty() ? null : t.firstOut());
    }
}
