package org.flowpat.controller.api;

import io.vertx.core.json.JsonObject;

/**
 * A person's request to write a setpoint or command signal, with the reason the audit trail keeps.
 *
 * @param signal {@code UNIT.signal}, e.g. {@code R1.jacketSetpoint}
 * @param user   login id of the requester (the HMI sets it from the session, never from the client)
 */
public record SetpointRequest(String line, String signal, double value, String reason, String user) {

    public JsonObject toJson() {
        return new JsonObject().put("line", line).put("signal", signal).put("value", value).put("reason", reason)
                .put("user", user);
    }

    public static SetpointRequest fromJson(JsonObject json) {
        return new SetpointRequest(json.getString("line"), json.getString("signal"), json.getDouble("value"),
                json.getString("reason"), json.getString("user"));
    }
}
