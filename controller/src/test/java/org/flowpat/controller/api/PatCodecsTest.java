package org.flowpat.controller.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowpat.controller.api.MultivariateResult.Contribution;
import org.junit.jupiter.api.Test;

/** The PAT records survive the wire form (JSON, NaN included) and pass as they are within one JVM. */
class PatCodecsTest {
    @SuppressWarnings("unchecked")
    private static <T> T wire(T record) {
        MessageCodec<T, T> codec = PatCodecs.codec((Class<T>) record.getClass());
        assertSame(record, codec.transform(record));
        Buffer buffer = Buffer.buffer().appendString("header");
        codec.encodeToWire(buffer, record);
        return codec.decodeFromWire("header".length(), buffer);
    }

    @Test
    void aPredictionKeepsItsValuesAndTheirOrder() {
        Map<String, Double> c = new LinkedHashMap<>();
        c.put("A", 0.002);
        c.put("B", 0.1);
        c.put("P", 0.49);
        c.put("I", 0.004);
        PatPrediction p = new PatPrediction("L1", "AT1.spectrum", 42, Quality.UNCERTAIN, c,
                Map.of("impurity", 0.8), 3.1, 16.9, 0.002, 0.003, false, 7, 1);
        PatPrediction back = wire(p);
        assertEquals(p, back);
        assertEquals(List.of("A", "B", "P", "I"), List.copyOf(back.concentrations().keySet()));
    }

    @Test
    void aMultivariateResultKeepsNanAndItsContributions() {
        MultivariateResult settling = new MultivariateResult("L1", 1, SpcPhase.SETTLING, List.of(80.0, 0.7), Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, false, false, List.of(), 1, 0);
        MultivariateResult back = wire(settling);
        assertTrue(Double.isNaN(back.t2()));
        assertEquals(settling.values(), back.values());
        MultivariateResult scored = new MultivariateResult("L1", 2, SpcPhase.MONITORING, List.of(95.0, 3.0), 40, 12, 9, 4,
                true, true, List.of(new Contribution("R1.temperature", 30, 6, 4), new Contribution("AT1.impurity", 10, 3, 1.6)),
                200, 3);
        assertEquals(scored, wire(scored));
        assertEquals("R1.temperature", scored.topContributor());
        assertTrue(scored.signalled());
    }
}
