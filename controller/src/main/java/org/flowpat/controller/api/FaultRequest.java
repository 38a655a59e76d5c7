package org.flowpat.controller.api;

import io.vertx.core.json.JsonObject;

/**
 * Demo mode only: inject a fault into the simulated line.
 *
 * @param type      a simulator fault type name, e.g. {@code TEMPERATURE_EXCURSION}
 * @param target    a unit id or signal reference ({@code P1}, {@code R1.temperature}), or null where the type implies it
 * @param magnitude strength in the type's own unit
 * @param durationS simulated seconds; infinite = until cleared
 * @param user      login id of the requester
 */
public record FaultRequest(String type, String target, double magnitude, double durationS, String user) {

    public JsonObject toJson() {
        // JSON has no infinity: null stands for "until cleared".
        return new JsonObject().put("type", type).put("target", target).put("magnitude", magnitude)
                .put("durationS", Double.isFinite(durationS) ? durationS : null).put("user", user);
    }

    public static FaultRequest fromJson(JsonObject json) {
        Double duration = json.getDouble("durationS");
        return new FaultRequest(json.getString("type"), json.getString("target"), json.getDouble("magnitude", 0.0),
                duration == null ? Double.POSITIVE_INFINITY : duration, json.getString("user"));
    }
}
