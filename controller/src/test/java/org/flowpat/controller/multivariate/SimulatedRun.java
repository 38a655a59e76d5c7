package org.flowpat.controller.multivariate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flowpat.config.model.Plant;
import org.flowpat.config.scenario.Scenario;
import org.flowpat.controller.api.Quality;
import org.flowpat.controller.api.Sample;
import org.flowpat.controller.api.SpectrumSample;
import org.flowpat.simulator.engine.EngineSettings;
import org.flowpat.simulator.engine.SimulationEngine;
import org.flowpat.simulator.model.LineSimulation;
import org.flowpat.simulator.physics.SimulatedLine;

/**
 * The simulator in-process and synchronous, as the controller would see line L1: one simulated second per
 * {@link #step()}, then the samples it would have received (process signals once a second, analyzer values once
 * per scan or status change, as OPC UA data changes) and the new spectrum if the analyzer scanned. Source times are
 * the simulated time in nanoseconds.
 */
public final class SimulatedRun {
    private final SimulationEngine engine;
    private final LineSimulation line;
    private final List<String> signals;
    private final Map<String, Double> lastSource = new HashMap<>();
    private final Map<String, Quality> lastQuality = new HashMap<>();
    private double lastSpectrumS = -1;
    private SpectrumSample spectrum;

    /** @param signals the signals to report ({@code UNIT.signal}) */
    public SimulatedRun(Plant plant, Scenario scenario, long seed, List<String> signals) {
        this.engine = new SimulationEngine(plant, scenario, EngineSettings.defaults().withTimeScale(0).withSeed(seed));
        this.line = engine.line("L1");
        this.signals = List.copyOf(signals);
    }

    /** Advances one simulated second; returns the samples whose value or status changed. */
    public List<Sample> step() {
        engine.runFor(1);
        long now = nanos(line.timeSeconds());
        List<Sample> out = new ArrayList<>();
        for (String s : signals) {
            double source = line.sourceTimeSeconds(s);
            Quality q = quality(s);
            Double previous = lastSource.put(s, source);
            Quality before = lastQuality.put(s, q);
            if (previous == null || previous != source || before != q) {
                long t = previous != null && previous == source ? now : nanos(source);
                out.add(new Sample("L1", s, line.value(s), t, t, code(q)));
            }
        }
        double scanS = line.sourceTimeSeconds("AT1.spectrum");
        spectrum = null;
        if (scanS != lastSpectrumS) {
            lastSpectrumS = scanS;
            long t = nanos(scanS);
            spectrum = new SpectrumSample("L1", "AT1.spectrum", line.spectrum(), t, t, code(quality("AT1.spectrum")));
        }
        return out;
    }

    /** The spectrum the analyzer took in the last step, or null. */
    public SpectrumSample spectrum() {
        return spectrum;
    }

    public LineSimulation line() {
        return line;
    }

    /** The simulator's own line, for its ground truth (e.g. the analyzer cell's true composition). */
    public SimulatedLine truth() {
        return (SimulatedLine) line;
    }

    public double timeS() {
        return line.timeSeconds();
    }

    public void write(String signal, double value) {
        try {
            line.write(signal, value);
        } catch (org.flowpat.simulator.model.SetpointRejectedException e) {
            throw new IllegalStateException(e);
        }
    }

    private Quality quality(String s) {
        return switch (line.quality(s)) {
            case GOOD -> Quality.GOOD;
            case UNCERTAIN -> Quality.UNCERTAIN;
            case BAD -> Quality.BAD;
        };
    }

    private static long code(Quality q) {
        return switch (q) {
            case GOOD -> Quality.GOOD_CODE;
            case UNCERTAIN -> Quality.UNCERTAIN_CODE;
            case BAD -> Quality.BAD_CODE;
        };
    }

    private static long nanos(double seconds) {
        return Math.round(seconds * 1e9);
    }
}
