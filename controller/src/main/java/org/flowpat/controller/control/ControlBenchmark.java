package org.flowpat.controller.control;

import java.util.Locale;
import java.util.OptionalDouble;
import org.flowpat.config.ConfigException;
import org.flowpat.config.Plants;
import org.flowpat.config.model.LoopSettings;
import org.flowpat.config.scenario.Scenarios;
import org.flowpat.controller.api.Quality;
import org.flowpat.controller.api.Sample;
import org.flowpat.simulator.engine.EngineSettings;
import org.flowpat.simulator.engine.SimulationEngine;
import org.flowpat.simulator.model.LineSimulation;
import org.flowpat.simulator.model.SetpointRejectedException;

/**
 * The bundled plant's PID loop closed around the simulated line, in-process and faster than real time: settling
 * time and overshoot after a setpoint step, and the largest deviation and recovery time after a feed disturbance
 * (a step in pump B's flow setpoint, which changes the reactor's heat release and residence time). The loop is
 * switched to automatic once the line has started up, and the step comes when the loop has held steady state.
 * Run {@code main} (or {@code flowpat bench control}) for the figures.
 */
public final class ControlBenchmark {
    /** Loop in automatic from here, simulated seconds. */
    static final int AUTO_AT_S = 600;
    /** The step (setpoint or disturbance) comes here. */
    static final int STEP_AT_S = 1800;
    static final int RUN_S = 3600;

    /**
     * One step response. Times in simulated seconds after the step; {@code overshootPct} is the largest excursion
     * beyond the new setpoint as a percentage of the step (0 when it never crosses); {@code settlingS} is the time
     * after which the process value stays within {@code bandAbs} of the setpoint for the rest of the run (NaN when it
     * never does, 0 when it never left the band); {@code peakDeviation} the largest |PV − SP| after the step.
     */
    public record StepResponse(String name, double step, double bandAbs, double overshootPct, double settlingS,
                               double peakDeviation, double outputMin, double outputMax) {
        String line() {
            return String.format(Locale.ROOT,
                    "%-28s step %+6.2f | overshoot %5.1f %% | settling (±%.2f) %6.0f s | peak |PV-SP| %5.2f | output %.1f..%.1f",
                    name, step, overshootPct, bandAbs, settlingS, peakDeviation, outputMin, outputMax);
        }
    }

    private ControlBenchmark() {
    }

    /** Setpoint step of {@code stepC} on the jacket temperature loop (the bundled plant's first loop). */
    public static StepResponse setpointStep(double stepC, double bandAbs) throws ConfigException, SetpointRejectedException {
        return setpointRun("setpoint step", stepC, bandAbs);
    }

    /** The loop's setpoint stays; pump B's flow setpoint changes by {@code relative} (e.g. 0.2 = +20 %). */
    public static StepResponse feedDisturbance(double relative, double bandAbs) throws ConfigException, SetpointRejectedException {
        return run("feed disturbance (P2 " + String.format(Locale.ROOT, "%+.0f %%", relative * 100) + ")", "nominal", 0,
                bandAbs, "P2.flowSetpoint", relative);
    }

    /**
     * The temperature-excursion scenario's utility disturbance (the jacket supply heats by 20 °C from minute 25 for
     * 10 minutes), measured from its onset; the loop's setpoint stays.
     */
    public static StepResponse utilityDisturbance(double bandAbs) throws ConfigException, SetpointRejectedException {
        return run("utility disturbance (+20 °C)", "temperature-excursion", 0, bandAbs, null, 0);
    }

    private static StepResponse setpointRun(String name, double setpointStep, double bandAbs)
            throws ConfigException, SetpointRejectedException {
        return run(name, "nominal", setpointStep, bandAbs, null, 0);
    }

    private static StepResponse run(String name, String scenario, double setpointStep, double bandAbs, String disturbed,
                                    double relative) throws ConfigException, SetpointRejectedException {
        var sc = Scenarios.bundled(scenario);
        int stepAt = sc.faults().isEmpty() ? STEP_AT_S : (int) Math.round(sc.faults().get(0).startMin() * 60);
        try (SimulationEngine engine = new SimulationEngine(Plants.bundled(), sc,
                EngineSettings.defaults().withTimeScale(0))) {
            LineSimulation sim = engine.line("L1");
            LoopSettings settings = sim.config().quality().loops().get(0);
            ControlLoop loop = new ControlLoop(settings, sim.value(settings.output()));
            double initialSp = loop.setpoint();
            double[] pv = new double[RUN_S + 1];
            double outMin = Double.POSITIVE_INFINITY;
            double outMax = Double.NEGATIVE_INFINITY;
            for (int k = 1; k <= RUN_S; k++) {
                engine.runFor(1);
                if (k == AUTO_AT_S) {
                    loop.automatic();
                }
                if (k == stepAt && (disturbed != null || setpointStep != 0)) {
                    if (disturbed != null) {
                        sim.write(disturbed, sim.value(disturbed) * (1 + relative));
                    } else {
                        loop.setpoint(initialSp + setpointStep);
                    }
                }
                long now = k * 1_000_000_000L;
                OptionalDouble out = loop.onSample(new Sample("L1", settings.pv(), sim.value(settings.pv()), now, now,
                        Quality.GOOD_CODE));
                if (out.isPresent() && loop.isAuto()) {
                    sim.write(loop.outputSignal(), out.getAsDouble());
                    if (k >= stepAt) {
                        outMin = Math.min(outMin, out.getAsDouble());
                        outMax = Math.max(outMax, out.getAsDouble());
                    }
                }
                pv[k] = sim.value(settings.pv());
            }
            return analyse(name, setpointStep, bandAbs, initialSp + setpointStep, pv, stepAt, outMin, outMax);
        }
    }

    /** Overshoot, settling time and peak deviation of {@code pv[STEP_AT_S..]} against {@code setpoint}. */
    static StepResponse analyse(String name, double step, double bandAbs, double setpoint, double[] pv, int stepAt,
                                double outMin, double outMax) {
        double overshoot = 0;
        double peak = 0;
        int lastOutside = -1;
        for (int k = stepAt; k < pv.length; k++) {
            double dev = pv[k] - setpoint;
            peak = Math.max(peak, Math.abs(dev));
            if (step != 0) {
                overshoot = Math.max(overshoot, Math.signum(step) * dev);
            }
            if (Math.abs(dev) > bandAbs) {
                lastOutside = k;
            }
        }
        // -1: never left the band; NaN: never settled within the run.
        double settling = lastOutside < 0 ? 0 : lastOutside == pv.length - 1 ? Double.NaN : lastOutside + 1 - stepAt;
        double overshootPct = step == 0 ? 0 : 100 * overshoot / Math.abs(step);
        return new StepResponse(name, step, bandAbs, overshootPct, settling, peak, outMin, outMax);
    }

    public static void main(String[] args) throws Exception {
        System.out.println("Jacket temperature loop (R1.temperature -> R1.jacketSetpoint) on the simulated line; "
                + "loop in auto from " + AUTO_AT_S + " s, step at " + STEP_AT_S + " s (the utility disturbance at its scenario's "
                + "fault onset), simulated seconds:");
        long t0 = System.nanoTime();
        System.out.println(setpointStep(5, 0.25).line());
        System.out.println(setpointStep(-5, 0.25).line());
        System.out.println(feedDisturbance(0.2, 0.25).line());
        System.out.println(feedDisturbance(-0.2, 0.25).line());
        System.out.println(utilityDisturbance(0.25).line());
        System.out.printf(Locale.ROOT, "[%.1f s wall]%n", (System.nanoTime() - t0) / 1e9);
    }
}
