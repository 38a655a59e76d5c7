package org.flowpat.controller.multivariate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.flowpat.config.Plants;
import org.flowpat.config.model.Line;
import org.flowpat.config.scenario.Scenarios;
import org.flowpat.controller.api.Addresses;
import org.flowpat.controller.api.MultivariateResult;
import org.flowpat.controller.api.PatAddresses;
import org.flowpat.controller.api.SampleBatch;
import org.flowpat.controller.api.SpcPhase;
import org.flowpat.controller.api.codec.ControllerCodecs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The verticle on a local event bus: 30 simulated minutes of samples in, one result per analyzer scan out. */
class MultivariateVerticleTest {
    private Vertx vertx;
    private final List<MultivariateResult> results = new CopyOnWriteArrayList<>();

    @BeforeEach
    void deploy() throws Exception {
        vertx = Vertx.vertx();
        ControllerCodecs.register(vertx.eventBus());
        vertx.eventBus().<MultivariateResult>consumer(PatAddresses.MULTIVARIATE, m -> results.add(m.body()));
        await(vertx.deployVerticle(new MultivariateVerticle(Plants.bundled().lines().get(0))));
    }

    @AfterEach
    void close() throws Exception {
        await(vertx.close());
    }

    private static <T> T await(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void samplesOnTheBusBecomeResultsAndTheModelIsFittedAfterSteadyState() throws Exception {
        Line line = Plants.bundled().lines().get(0);
        SimulatedRun sim = new SimulatedRun(Plants.bundled(), Scenarios.bundled("nominal"), 1,
                line.quality().multivariate().variables());
        int scans = 0;
        while (sim.timeS() < 1800) {
            var samples = sim.step();
            scans += (int) samples.stream().filter(s -> s.signal().equals("AT1.impurity")).count();
            vertx.eventBus().publish(Addresses.SAMPLES, new SampleBatch(samples));
        }
        // the last scan of a steady line is complete: its result counts every scan as an observation or a skip
        int total = scans;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (results.stream().noneMatch(r -> r.observations() + r.skipped() == total) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        MultivariateResult last = results.get(results.size() - 1);
        assertEquals(scans, last.observations() + last.skipped(), "every scan is an observation or a skip");
        assertEquals(last.observations(), results.size(), "one result per complete observation");
        assertEquals(SpcPhase.MONITORING, last.phase(), "fitted within 30 min");
        assertEquals(7, last.contributions().size());
        assertTrue(Double.isFinite(last.t2()) && last.t2Limit() > 0 && last.speLimit() > 0);
    }
}
