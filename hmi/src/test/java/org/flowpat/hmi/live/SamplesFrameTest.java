package org.flowpat.hmi.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.flowpat.controller.api.Quality;
import org.flowpat.controller.api.Sample;
import org.junit.jupiter.api.Test;

/** The samples frame a live socket sends, assembled from encodings shared by all sockets. */
class SamplesFrameTest {
    private static final long T = 1_763_000_000_123_000_000L;

    @Test
    void theFrameIsTheJsonOfEverySampleWithItsSignalInOrder() {
        LiveSample temperature = new LiveSample("L1/R1.temperature", new Sample("L1", "R1.temperature", 80.25, T, T, Quality.GOOD_CODE));
        LiveSample dropout = new LiveSample("L2/AT1.purity", new Sample("L2", "AT1.purity", Double.NaN, T + 1_000_000, T, 0x80000000L));

        JsonObject frame = new JsonObject(LiveSocket.samplesFrame(List.of(temperature, dropout)));

        assertEquals("samples", frame.getString("type"));
        JsonArray samples = frame.getJsonArray("samples");
        assertEquals(2, samples.size());
        assertEquals(new JsonObject().put("value", 80.25).put("quality", "GOOD").put("statusCode", 0L)
                .put("time", T / 1_000_000).put("signal", "L1/R1.temperature"), samples.getJsonObject(0));
        JsonObject bad = samples.getJsonObject(1);
        assertEquals("L2/AT1.purity", bad.getString("signal"));
        assertNull(bad.getValue("value"), "a NaN travels as null");
        assertEquals("BAD", bad.getString("quality"));
        assertEquals(0x80000000L, bad.getLong("statusCode"));
        assertEquals(T / 1_000_000 + 1, bad.getLong("time"));
    }

    @Test
    void aSampleIsEncodedOnceForEverySocket() {
        LiveSample s = new LiveSample("L1/P1.flow", new Sample("L1", "P1.flow", 1.5, T, T, Quality.GOOD_CODE));
        assertSame(s.json(), s.json());
    }

    @Test
    void anEmptyFrameIsStillValidJson() {
        assertEquals(new JsonArray(), new JsonObject(LiveSocket.samplesFrame(List.of())).getJsonArray("samples"));
    }
}
