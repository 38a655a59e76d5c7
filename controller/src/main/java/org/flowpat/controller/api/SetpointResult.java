package org.flowpat.controller.api;

import io.vertx.core.json.JsonObject;

/**
 * The controller's answer to a {@link SetpointRequest}: written (with the time) or refused with the reason
 * (signal not writable, value outside its range, line in a state that forbids it, ...).
 */
public record SetpointResult(boolean written, String message, long writtenAtNanos) {

    public JsonObject toJson() {
        return new JsonObject().put("written", written).put("message", message).put("writtenAtNanos", writtenAtNanos);
    }

    public static SetpointResult fromJson(JsonObject json) {
        return new SetpointResult(json.getBoolean("written", false), json.getString("message", ""),
                json.getLong("writtenAtNanos", 0L));
    }
}
