package org.flowpat.controller.api;

import io.vertx.core.json.JsonArray;

/**
 * One point of a trend: a raw sample ({@code min == max == value}, {@code count} 1, its status code) or a bucket
 * ({@code value} the mean of its usable samples, {@code statusCode} 0 = Good). NaN travels as JSON null.
 *
 * @param timeNanos sample source time, or bucket start, epoch nanoseconds
 */
public record TrendPoint(long timeNanos, double value, double min, double max, long count, long statusCode) {

    /** Compact wire form {@code [timeNanos, value, min, max, count, statusCode]}: trends can hold thousands of points. */
    public JsonArray toJson() {
        return new JsonArray().add(timeNanos).add(finite(value)).add(finite(min)).add(finite(max)).add(count)
                .add(statusCode);
    }

    public static TrendPoint fromJson(JsonArray a) {
        return new TrendPoint(a.getLong(0), number(a, 1), number(a, 2), number(a, 3), a.getLong(4), a.getLong(5));
    }

    private static Double finite(double x) {
        return Double.isFinite(x) ? x : null;
    }

    private static double number(JsonArray a, int i) {
        Number n = (Number) a.getValue(i);
        return n == null ? Double.NaN : n.doubleValue();
    }
}
