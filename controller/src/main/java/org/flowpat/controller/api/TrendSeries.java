package org.flowpat.controller.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** The answer to a {@link TrendQuery}: its points in time order; {@code truncated} when raw rows were cut at maxPoints. */
public record TrendSeries(TrendQuery query, List<TrendPoint> points, boolean truncated) {
    public TrendSeries {
        points = List.copyOf(points);
    }

    public JsonObject toJson() {
        JsonArray array = new JsonArray();
        points.forEach(p -> array.add(p.toJson()));
        return new JsonObject().put("query", query.toJson()).put("points", array).put("truncated", truncated);
    }

    public static TrendSeries fromJson(JsonObject json) {
        JsonArray array = json.getJsonArray("points");
        List<TrendPoint> points = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            points.add(TrendPoint.fromJson(array.getJsonArray(i)));
        }
        return new TrendSeries(TrendQuery.fromJson(json.getJsonObject("query")), points, json.getBoolean("truncated", false));
    }
}
