package org.flowpat.controller.api;

import io.vertx.core.json.JsonObject;

/**
 * A request for one signal's history in {@code [fromNanos, toNanos)}: raw samples when {@code stepMillis} is 0,
 * else min/mean/max buckets of that width. {@code maxPoints} bounds the reply (raw rows beyond it are cut and
 * the reply says so).
 */
public record TrendQuery(String line, String signal, long fromNanos, long toNanos, long stepMillis, int maxPoints) {
    public TrendQuery {
        if (line == null || line.isBlank() || signal == null || signal.isBlank()) {
            throw new IllegalArgumentException("a trend query needs a line and a signal, got line='" + line
                    + "' signal='" + signal + "'");
        }
        if (toNanos <= fromNanos) {
            throw new IllegalArgumentException("trend range is empty: to (" + toNanos + ") must be after from (" + fromNanos + ")");
        }
        if (stepMillis < 0) {
            throw new IllegalArgumentException("trend step must not be negative, got " + stepMillis + " ms");
        }
        if (maxPoints <= 0) {
            throw new IllegalArgumentException("maxPoints must be positive, got " + maxPoints);
        }
    }

    public boolean raw() {
        return stepMillis == 0;
    }

    public JsonObject toJson() {
        return new JsonObject().put("line", line).put("signal", signal).put("fromNanos", fromNanos)
                .put("toNanos", toNanos).put("stepMillis", stepMillis).put("maxPoints", maxPoints);
    }

    /** @throws IllegalArgumentException naming the missing or wrong field */
    public static TrendQuery fromJson(JsonObject json) {
        try {
            return new TrendQuery(json.getString("line"), json.getString("signal"), json.getLong("fromNanos"),
                    json.getLong("toNanos"), json.getLong("stepMillis", 0L), json.getInteger("maxPoints", 10_000));
        } catch (ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException("malformed trend query " + json.encode() + ": " + e.getMessage(), e);
        }
    }
}
