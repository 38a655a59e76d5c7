package org.flowpat.controller.lots;

import org.flowpat.controller.acquisition.LineSamples;
import static org.flowpat.controller.lots.LineFeed.S;
import static org.flowpat.controller.lots.LineFeed.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.flowpat.config.model.Line;
import org.flowpat.config.model.ReleaseRules;
import org.flowpat.controller.api.LineState;
import org.flowpat.controller.api.LineStateChange;
import org.flowpat.controller.api.LotAddresses;
import org.flowpat.controller.api.LotRecord;
import org.flowpat.controller.api.LotStatus;
import org.flowpat.controller.api.Quality;
import org.flowpat.controller.api.QualityAddresses;
import org.flowpat.controller.api.Sample;
import org.flowpat.controller.api.SampleBatch;
import org.flowpat.controller.api.codec.ControllerCodecs;
import org.flowpat.controller.quality.QualityCodecs;
import org.junit.jupiter.api.Test;

/** One line's lots on the event bus: records published when lots open and close, lot ids to the analyzer context. */
class LotVerticleTest {
    private static <T> T await(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    @Test
    void lotsArePublishedWhenTheyOpenAndCloseAndTheirIdsGoToTheAnalyzer() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            ControllerCodecs.register(vertx.eventBus());
            QualityCodecs.register(vertx.eventBus());
            Line line = LineFeed.line(LineFeed.timeLots(1), ReleaseRules.defaults());
            List<LotRecord> lots = new CopyOnWriteArrayList<>();
            List<String> context = new CopyOnWriteArrayList<>();
            vertx.eventBus().<LotRecord>consumer(LotAddresses.LOTS, m -> lots.add(m.body()));
            await(vertx.deployVerticle(new LotVerticle(line, id -> {
                context.add(id);
                return Future.succeededFuture();
            }, 2 * S, 60_000)));
            vertx.eventBus().publish(QualityAddresses.LINE_STATE, new LineStateChange("L1", LineState.STARTING,
                    LineState.EXECUTE, "START", "anna", T0, ""));
            for (int k = 0; k <= 150; k++) {
                long t = T0 + k * S;
                // the line's own sample address, as the router delivers them: published from this one thread, the
                // samples then arrive in order with the SPC results (which the controller derives from them)
                vertx.eventBus().publish(LineSamples.address("L1"), new SampleBatch(List.of(
                        new Sample("L1", "PV.mass", 100 + k * LineFeed.OUT_G_PER_S, t, t, Quality.GOOD_CODE),
                        new Sample("L1", "FA.mass", 8000 - k * LineFeed.FEED_G_PER_S, t, t, Quality.GOOD_CODE))));
                if (k % LineFeed.SCAN_S == 0) {
                    vertx.eventBus().publish(QualityAddresses.SPC, LineFeed.spc("purity", "AT1.purity", t, 98.8, Quality.GOOD, 0));
                }
            }
            for (int i = 0; i < 200 && lots.stream().filter(l -> l.status() == LotStatus.CLOSED).count() < 2; i++) {
                Thread.sleep(10);
            }
            List<LotRecord> closed = lots.stream().filter(l -> l.status() == LotStatus.CLOSED).toList();
            assertEquals(2, closed.size(), "two one-minute lots in 150 s of data: " + lots);
            assertEquals(T0 + 60 * S, closed.get(0).endNanos());
            assertEquals(60 * LineFeed.OUT_G_PER_S, closed.get(0).productMassG(), 1e-6);
            assertTrue(closed.stream().allMatch(LotHashes::verify));
            List<String> opened = lots.stream().filter(l -> l.status() == LotStatus.OPEN).map(LotRecord::id).toList();
            assertEquals(3, opened.size());
            assertEquals(opened, context, "each lot's id written to the analyzer context as it opens");
        } finally {
            await(vertx.close());
        }
    }
}
