package org.flowpat.simulator.engine;

import java.util.Locale;
import org.flowpat.config.ConfigException;
import org.flowpat.config.Plants;
import org.flowpat.config.model.Plant;
import org.flowpat.simulator.physics.SimulatedLine;

/**
 * How many times faster than real time one line simulates at 1 s steps on one core: runs 24 h of plant time (after
 * a short warm-up for the JIT) and prints the wall time and the ratio. Arguments: [hours] [step seconds].
 */
public final class SpeedBenchmark {
    /** The requirement: one line at 1 s steps at least this many times faster than real time. */
    public static final double REQUIRED_MULTIPLE = 1000;

    private SpeedBenchmark() {
    }

    /** Result of one measurement. */
    public record Result(double simulatedS, double wallS, double stepS) {
        public double multipleOfRealTime() {
            return simulatedS / wallS;
        }
    }

    public static Result measure(Plant plant, double simulatedHours, double stepS) {
        SimulatedLine warmUp = new SimulatedLine(plant.lines().get(0), 42);
        for (int k = 0; k < 20_000; k++) {
            warmUp.step(stepS);
        }
        SimulatedLine line = new SimulatedLine(plant.lines().get(0), 1);
        long steps = Math.round(simulatedHours * 3600 / stepS);
        long t0 = System.nanoTime();
        for (long k = 0; k < steps; k++) {
            line.step(stepS);
        }
        double wallS = (System.nanoTime() - t0) / 1e9;
        return new Result(steps * stepS, wallS, stepS);
    }

    public static void main(String[] args) throws ConfigException {
        double hours = args.length > 0 ? Double.parseDouble(args[0]) : 24;
        double stepS = args.length > 1 ? Double.parseDouble(args[1]) : 1.0;
        Result r = measure(Plants.bundled(), hours, stepS);
        System.out.printf(Locale.ROOT, "simulated %.1f h of one line at %.2f s steps in %.3f s wall time: %.0fx real time"
                        + " (required %.0fx)%n", r.simulatedS() / 3600, r.stepS(), r.wallS(), r.multipleOfRealTime(),
                REQUIRED_MULTIPLE);
    }
}
