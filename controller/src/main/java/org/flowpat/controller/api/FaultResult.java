package org.flowpat.controller.api;

import io.vertx.core.json.JsonObject;

/** The simulator's answer to a {@link FaultRequest}: the id of the injected fault and a line for the operator. */
public record FaultResult(String faultId, String message) {

    public JsonObject toJson() {
        return new JsonObject().put("faultId", faultId).put("message", message);
    }

    public static FaultResult fromJson(JsonObject json) {
        return new FaultResult(json.getString("faultId"), json.getString("message", ""));
    }
}
