package org.flowpat.controller.api;

import io.vertx.core.json.JsonObject;

/**
 * A request to append to the audit trail, sent to {@link AuditAddresses#APPEND}; the reply is the
 * {@link AuditEntry} as written (with its sequence number and hash), or a failure when it could not be made durable.
 * Only the audit service numbers, times and chains entries, so that there is one chain.
 */
public record AuditRequest(String user, String action, String line, String target, String oldValue, String newValue,
                           String reason) {

    public JsonObject toJson() {
        return new JsonObject().put("user", user).put("action", action).put("line", line).put("target", target)
                .put("oldValue", oldValue).put("newValue", newValue).put("reason", reason);
    }

    public static AuditRequest fromJson(JsonObject json) {
        return new AuditRequest(json.getString("user"), json.getString("action"), json.getString("line"),
                json.getString("target"), json.getString("oldValue"), json.getString("newValue"), json.getString("reason"));
    }
}
