package org.flowpat.controller.api;

import io.vertx.core.json.JsonObject;
import java.util.Locale;

/**
 * A person's change to one PID loop, with the reason the audit trail keeps. Any of mode, setpoint and output may be
 * given (null = unchanged); they apply in that order, so {@code {mode: MANUAL, output: 60}} first takes the loop to
 * manual, then writes 60. An output is only accepted in (or together with a switch to) MANUAL.
 *
 * @param loop     loop id from the plant file, e.g. {@code jacket-tic}
 * @param setpoint in the measurement's unit
 * @param output   in the output signal's unit
 * @param user     login id of the requester (the HMI sets it from the session, never from the client)
 */
public record LoopCommand(String line, String loop, LoopMode mode, Double setpoint, Double output, String user,
                          String reason) {

    public JsonObject toJson() {
        return new JsonObject().put("line", line).put("loop", loop).put("mode", mode == null ? null : mode.name())
                .put("setpoint", setpoint).put("output", output).put("user", user).put("reason", reason);
    }

    /** @throws IllegalArgumentException naming the field when the mode is not AUTO or MANUAL or a number is not one */
    public static LoopCommand fromJson(JsonObject json) {
        String mode = json.getString("mode");
        LoopMode parsed;
        try {
            parsed = mode == null ? null : LoopMode.valueOf(mode.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("mode: '" + mode + "' is neither AUTO nor MANUAL");
        }
        return new LoopCommand(json.getString("line"), json.getString("loop"), parsed, number(json, "setpoint"),
                number(json, "output"), json.getString("user"), json.getString("reason"));
    }

    private static Double number(JsonObject json, String field) {
        Object v = json.getValue(field);
        if (v == null || v instanceof Number) {
            return v == null ? null : ((Number) v).doubleValue();
        }
        throw new IllegalArgumentException(field + ": must be a number, got '" + v + "'");
    }
}
