package org.flowpat.controller.diversion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.flowpat.config.model.Line;
import org.flowpat.controller.api.Addresses;
import org.flowpat.controller.api.DiversionCommand;
import org.flowpat.controller.api.DiverterPosition;
import org.flowpat.controller.api.Quality;
import org.flowpat.controller.api.QualityAddresses;
import org.flowpat.controller.api.SampleBatch;
import org.flowpat.controller.api.SpcPhase;
import org.flowpat.controller.api.SpcResult;
import org.flowpat.controller.quality.QualityCodecs;
import org.flowpat.controller.quality.QualityFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The planner on the bus: SPC verdicts and flows in, diverter writes and diversion records out. */
class DiversionVerticleTest {
    private static final long S = 1_000_000_000L;
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static SpcResult verdict(String cqa, boolean good) {
        return new SpcResult("L1", cqa, "AT1." + cqa, 0, 1, Quality.GOOD, true, SpcPhase.MONITORING, 1, 1, 0, 0, 0, 0,
                0, 0, 0, 0, 0, 0, good, good);
    }

    @Test
    void startUpMaterialGoesToWasteUntilTheCqasHaveBeenGoodForAReactorVolume() throws Exception {
        Line line = QualityFixtures.bundledLine();
        List<Double> writes = new CopyOnWriteArrayList<>();
        List<DiversionCommand> published = new CopyOnWriteArrayList<>();
        AtomicLong clock = new AtomicLong();
        java.util.concurrent.atomic.AtomicBoolean inputsSent = new java.util.concurrent.atomic.AtomicBoolean();
        QualityCodecs.register(vertx.eventBus());
        vertx.eventBus().<DiversionCommand>consumer(QualityAddresses.DIVERSION, m -> published.add(m.body()));
        // each 5 ms tick is 5 simulated seconds, once the inputs are on their way
        DiversionVerticle verticle = new DiversionVerticle(line, (signal, value) -> {
            assertEquals("DV1.command", signal);
            writes.add(value);
            return Future.succeededFuture();
        }, () -> inputsSent.get() ? clock.addAndGet(5 * S) : clock.get(), 5);
        vertx.deployVerticle(verticle).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        vertx.eventBus().publish(Addresses.SAMPLES, new SampleBatch(List.of(
                QualityFixtures.good("P1.flow", 1.5, 0), QualityFixtures.good("P2.flow", 1.5, 0))));
        for (String cqa : List.of("conversion", "purity", "impurity")) {
            vertx.eventBus().publish(QualityAddresses.SPC, verdict(cqa, true));
        }
        inputsSent.set(true);
        long deadline = System.nanoTime() + 10 * S;
        // the record is published and the valve written on the verticle's thread; wait for both
        while ((published.isEmpty() || writes.size() < 2) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(DiverterPosition.PRODUCT, published.get(0).position(), "opens after start-up");
        assertEquals("startup", published.get(0).trigger());
        assertEquals(List.of(1.0, 0.0), writes.subList(0, 2), "first commanded to waste, then to product");
        double minutes = (published.get(0).untilNanos() - published.get(0).fromNanos()) / 60e9;
        // a tick or two may pass before the inputs are delivered: 6 min allows for 12 of them
        assertTrue(minutes >= 5 && minutes <= 6, "one reactor volume (15 mL) at 3 mL/min after the CQAs were good: " + minutes);
    }
}
