package org.flowpat.controller.chemometrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.flowpat.config.Plants;
import org.flowpat.config.model.AnalyzerParameters;
import org.flowpat.controller.api.Addresses;
import org.flowpat.controller.api.PatAddresses;
import org.flowpat.controller.api.PatPrediction;
import org.flowpat.controller.api.Quality;
import org.flowpat.controller.api.SpectrumSample;
import org.flowpat.controller.api.codec.SpectrumSampleCodec;
import org.flowpat.simulator.physics.Composition;
import org.flowpat.simulator.physics.Spectrometer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The verticle on a local event bus with the bundled plant: spectra in, predictions out. */
class ChemometricsVerticleTest {
    private Vertx vertx;
    private final List<PatPrediction> predictions = new CopyOnWriteArrayList<>();

    @BeforeEach
    void deploy() throws Exception {
        vertx = Vertx.vertx();
        SpectrumSampleCodec.register(vertx.eventBus());
        vertx.eventBus().<PatPrediction>consumer(PatAddresses.PREDICTIONS, m -> predictions.add(m.body()));
        await(vertx.deployVerticle(new ChemometricsVerticle(Plants.bundled().lines().get(0))));
    }

    @AfterEach
    void close() throws Exception {
        await(vertx.close());
    }

    private static <T> T await(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void eachGoodSpectrumIsPredictedAndBadOnesAreCounted() throws Exception {
        AnalyzerParameters a = Plants.bundled().lines().get(0).process().analyzer();
        Spectrometer spectrometer = new Spectrometer(a.wavelengthStartNm(), a.wavelengthEndNm(), a.points(), a.noiseAbsorbance());
        Composition steady = new Composition(0.002, 0.1, 0.494, 0.004);
        double[] spectrum = spectrometer.scan(steady, 0, new SplittableRandom(5)).spectrum();
        var bus = vertx.eventBus();
        bus.publish(Addresses.SPECTRA, new SpectrumSample("L1", "AT1.spectrum", new double[0], 1, 1, Quality.BAD_CODE));
        bus.publish(Addresses.SPECTRA, new SpectrumSample("L1", "AT1.spectrum", spectrum, 2, 2, Quality.GOOD_CODE));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (predictions.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(1, predictions.size(), "one prediction, for the Good spectrum");
        PatPrediction p = predictions.get(0);
        assertEquals(List.of("A", "B", "P", "I"), List.copyOf(p.concentrations().keySet()));
        assertEquals(steady.p(), p.concentrations().get("P"), 0.003);
        assertEquals(steady.impurityPct(), p.cqas().get("impurity"), 0.5);
        assertEquals(steady.conversionPct(), p.cqas().get("conversion"), 0.5);
        assertFalse(p.outsideModel(), "T² " + p.t2() + ", Q " + p.q());
        assertEquals(1, p.excludedBad());
        assertEquals(2, p.sourceTimeNanos());
        assertTrue(p.qLimit() > 0 && p.t2Limit() > 0);
    }
}
