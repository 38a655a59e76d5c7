package org.flowpat.hmi.auth;

import io.vertx.core.json.JsonObject;

/** A logged-in person as the server sees them: login id, printed name, role. Never carries the password hash. */
public record HmiUser(String id, String name, Role role) {
    public JsonObject toJson() {
        return new JsonObject().put("id", id).put("name", name).put("role", role.id());
    }
}
