package org.flowpat.controller.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.flowpat.config.Plants;
import org.flowpat.controller.api.Addresses;
import org.flowpat.controller.api.HmiAddresses;
import org.flowpat.controller.api.LineState;
import org.flowpat.controller.api.LineStateChange;
import org.flowpat.controller.api.Quality;
import org.flowpat.controller.api.QualityAddresses;
import org.flowpat.controller.api.Sample;
import org.flowpat.controller.api.SampleBatch;
import org.flowpat.controller.api.SetpointRequest;
import org.flowpat.controller.api.SetpointResult;
import org.flowpat.controller.api.codec.ControllerCodecs;
import org.flowpat.controller.quality.QualityCodecs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bundled plant's supervisory loop on a local event bus, with a stand-in setpoint service. */
class SupervisoryVerticleTest {
    private static final long S = 1_000_000_000L;
    private Vertx vertx;
    private final List<SetpointRequest> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void deploy() throws Exception {
        vertx = Vertx.vertx();
        ControllerCodecs.register(vertx.eventBus());
        QualityCodecs.register(vertx.eventBus());
        vertx.eventBus().<JsonObject>consumer(HmiAddresses.SETPOINTS, m -> {
            requests.add(SetpointRequest.fromJson(m.body()));
            m.reply(new SetpointResult(true, "written", 1).toJson());
        });
        await(vertx.deployVerticle(new SupervisoryVerticle(Plants.bundled().lines().get(0))));
    }

    @AfterEach
    void close() throws Exception {
        await(vertx.close());
    }

    private static <T> T await(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** Conversion at 95 % (target 99.5 %) every 5 s for {@code seconds} from {@code fromS}. */
    private void lowConversion(long fromS, long seconds) {
        List<Sample> batch = new ArrayList<>();
        batch.add(new Sample("L1", "P2.flowSetpoint", 1.5, fromS * S, fromS * S, Quality.GOOD_CODE));
        for (long t = fromS; t <= fromS + seconds; t += 5) {
            batch.add(new Sample("L1", "AT1.conversion", 95.0, t * S, t * S, Quality.GOOD_CODE));
        }
        vertx.eventBus().publish(Addresses.SAMPLES, new SampleBatch(batch));
    }

    @Test
    void aMoveIsRequestedOnlyInExecuteAttributedToTheLoopWithItsReason() throws Exception {
        lowConversion(0, 130); // the line has not reported Execute: no move
        Thread.sleep(200);
        assertEquals(List.of(), requests);
        vertx.eventBus().publish(QualityAddresses.LINE_STATE,
                new LineStateChange("L1", LineState.STARTING, LineState.EXECUTE, null, "system", 131 * S, ""));
        lowConversion(135, 65);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (requests.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(1, requests.size(), "one interval closed in Execute");
        SetpointRequest r = requests.get(0);
        assertEquals("L1", r.line());
        assertEquals("P2.flowSetpoint", r.signal());
        assertEquals(1.6, r.value(), 1e-12, "+0.1 mL/min, the largest step");
        assertEquals("system:supervisory:conversion-b-feed", r.user());
        // the interval 120-180 s closes at 180 s with the 9 samples taken in Execute (135-175 s)
        assertTrue(r.reason().startsWith("conversion mean 95 % over 60 s (9 samples), target 99.5 %"), r.reason());
        assertTrue(r.reason().endsWith("P2.flowSetpoint 1.5 → 1.6 mL/min"), r.reason());
    }
}
