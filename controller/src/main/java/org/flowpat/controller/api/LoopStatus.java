package org.flowpat.controller.api;

import io.vertx.core.json.JsonObject;

/**
 * Where one PID loop stands.
 *
 * @param pv        the last measurement, null before the first one
 * @param output    the output the loop holds (MANUAL) or last computed (AUTO), null until the output signal was read
 * @param pvQuality the last measurement's quality (GOOD, UNCERTAIN, BAD), null before the first one
 * @param timeNanos the last measurement's source time (epoch ns), 0 before the first one
 */
public record LoopStatus(String line, String loop, LoopMode mode, double setpoint, Double pv, Double output,
                         String pvQuality, long timeNanos) {

    public JsonObject toJson() {
        return new JsonObject().put("line", line).put("loop", loop).put("mode", mode.name()).put("setpoint", setpoint)
                .put("pv", pv).put("output", output).put("pvQuality", pvQuality).put("timeNanos", timeNanos);
    }

    public static LoopStatus fromJson(JsonObject json) {
        return new LoopStatus(json.getString("line"), json.getString("loop"), LoopMode.valueOf(json.getString("mode")),
                json.getDouble("setpoint"), json.getDouble("pv"), json.getDouble("output"), json.getString("pvQuality"),
                json.getLong("timeNanos", 0L));
    }
}
