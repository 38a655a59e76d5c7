package org.flowpat.controller.api;

import io.vertx.core.json.JsonObject;

/**
 * The controller's answer to a {@link LoopCommand}: accepted with the loop's new status, or refused naming the field
 * at fault ({@code line} or {@code loop} when there is no such loop; {@code mode}, {@code setpoint}, {@code output},
 * {@code reason} or {@code user} for bad values; null when the refusal is not about the request, e.g. the audit trail
 * could not record the change).
 *
 * @param status the loop's status after the command; null when there is no such loop
 */
public record LoopCommandResult(boolean accepted, String field, String message, LoopStatus status) {

    public static LoopCommandResult refused(String field, String message, LoopStatus status) {
        return new LoopCommandResult(false, field, message, status);
    }

    public JsonObject toJson() {
        return new JsonObject().put("accepted", accepted).put("field", field).put("message", message)
                .put("status", status == null ? null : status.toJson());
    }

    public static LoopCommandResult fromJson(JsonObject json) {
        JsonObject status = json.getJsonObject("status");
        return new LoopCommandResult(json.getBoolean("accepted", false), json.getString("field"),
                json.getString("message", ""), status == null ? null : LoopStatus.fromJson(status));
    }
}
