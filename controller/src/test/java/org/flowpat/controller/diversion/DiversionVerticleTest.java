package org.flowpat.controller.diversion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The planner on the bus: SPC verdicts and flows in, diverter writes and diversion records out. The data's time
 * comes from the samples' source times only (the wall clock stands still), and the tick is a minute long, so
 * every decision here is one the verticle made when data arrived.
 */
class DiversionVerticleTest {
    private static final long S = 1_000_000_000L;
    private static final long NO_TICK_MS = 60_000;
    private final Vertx vertx = Vertx.vertx();
    private final List<Double> writes = new CopyOnWriteArrayList<>();
    private final List<DiversionCommand> published = new CopyOnWriteArrayList<>();
    private long sourceTime;

    @BeforeEach
    void deploy() throws Exception {
        Line line = QualityFixtures.bundledLine();
        QualityCodecs.register(vertx.eventBus());
        vertx.eventBus().<DiversionCommand>consumer(QualityAddresses.DIVERSION, m -> published.add(m.body()));
        DiversionVerticle verticle = new DiversionVerticle(line, (signal, value) -> {
            assertEquals("DV1.command", signal);
            writes.add(value);
            return Future.succeededFuture();
        }, new SourceClock(() -> 0L), NO_TICK_MS);
        vertx.deployVerticle(verticle).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static SpcResult verdict(String cqa, boolean good, long timeNanos) {
        return new SpcResult("L1", cqa, "AT1." + cqa, timeNanos, 1, Quality.GOOD, true, SpcPhase.MONITORING, 1, 1, 0,
                0, 0, 0, 0, 0, 0, 0, 0, 0, good, good);
    }

    private void allGood() {
        for (String cqa : List.of("conversion", "purity", "impurity")) {
            vertx.eventBus().publish(QualityAddresses.SPC, verdict(cqa, true, sourceTime));
        }
    }

    /** {@code seconds} of pump flows (3 mL/min in all), one batch per 5 s of source time. */
    private void flows(int seconds) {
        for (int i = 0; i < seconds / 5; i++) {
            sourceTime += 5 * S;
            vertx.eventBus().publish(Addresses.SAMPLES, new SampleBatch(List.of(
                    QualityFixtures.good("P1.flow", 1.5, sourceTime), QualityFixtures.good("P2.flow", 1.5, sourceTime))));
        }
    }

    private DiversionCommand awaitCommand(Predicate<DiversionCommand> which) throws InterruptedException {
        long deadline = System.nanoTime() + 10 * S;
        while (System.nanoTime() < deadline) {
            for (DiversionCommand c : published) {
                if (which.test(c)) {
                    return c;
                }
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no such diversion command within 10 s; published: " + published);
    }

    @Test
    void startUpMaterialGoesToWasteUntilTheCqasHaveBeenGoodForAReactorVolume() throws Exception {
        flows(5);
        allGood();
        flows(400);
        DiversionCommand open = awaitCommand(c -> c.position() == DiverterPosition.PRODUCT);
        assertEquals("startup", open.trigger());
        long deadline = System.nanoTime() + 10 * S;
        while (writes.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(List.of(1.0, 0.0), writes.subList(0, 2), "first commanded to waste, then to product");
        double minutes = (open.untilNanos() - open.fromNanos()) / 60e9;
        // one batch of 5 s either side: the first flow sets the start, the CQAs turn good with the next batch
        assertEquals(5.0, minutes, 0.2, "one reactor volume (15 mL) at 3 mL/min after the CQAs were good");
    }

    @Test
    void aBadVerdictFollowedAtOnceByAGoodOneStillDivertsItsMaterial() throws Exception {
        flows(5);
        allGood();
        flows(400);
        awaitCommand(c -> c.position() == DiverterPosition.PRODUCT);
        // two analyzer samples of one publishing interval, delivered back to back with no batch between them
        vertx.eventBus().publish(QualityAddresses.SPC, verdict("purity", false, sourceTime - 5 * S));
        vertx.eventBus().publish(QualityAddresses.SPC, verdict("purity", true, sourceTime));
        DiversionCommand waste = awaitCommand(c -> c.position() == DiverterPosition.WASTE);
        assertEquals("cqa:purity", waste.trigger());
        flows(120);
        DiversionCommand back = awaitCommand(c -> c.position() == DiverterPosition.PRODUCT && c.trigger().equals("cqa:purity"));
        assertTrue(back.divertedMassG() > 0, "the interval's material is recorded: " + back);
    }
}
