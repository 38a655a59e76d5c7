package org.flowpat.simulator.physics;

import org.flowpat.config.ConfigException;
import org.flowpat.config.Plants;
import org.flowpat.config.model.Line;
import org.flowpat.config.model.Plant;

/** The bundled example plant, as the simulator tests use it. */
public final class TestPlants {
    private static Plant plant;

    private TestPlants() {
    }

    public static synchronized Plant plant() {
        if (plant == null) {
            try {
                plant = Plants.bundled();
            } catch (ConfigException e) {
                throw new IllegalStateException("the bundled plant does not load:\n" + e.getMessage(), e);
            }
        }
        return plant;
    }

    public static Line line() {
        return plant().line("L1");
    }

    /** A fresh line of the example plant after {@code minutes} of simulated time at 1 s steps. */
    public static SimulatedLine runLine(long seed, double minutes) {
        SimulatedLine line = new SimulatedLine(line(), seed);
        for (int k = 0; k < minutes * 60; k++) {
            line.step(1);
        }
        return line;
    }
}
