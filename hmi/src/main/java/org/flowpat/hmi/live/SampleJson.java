package org.flowpat.hmi.live;

import io.vertx.core.json.JsonObject;
import org.flowpat.controller.api.Sample;

/** The JSON form of a live sample, shared by {@code /api/lines} and the WebSocket. */
public final class SampleJson {
    private SampleJson() {
    }

    /** {@code {value, quality, statusCode, time (epoch ms, source time)}}; a non-finite value is null. */
    public static JsonObject of(Sample s) {
        return new JsonObject()
                .put("value", Double.isFinite(s.value()) ? s.value() : null)
                .put("quality", s.quality().name())
                .put("statusCode", s.statusCode())
                .put("time", s.sourceTimeNanos() / 1_000_000);
    }
}
