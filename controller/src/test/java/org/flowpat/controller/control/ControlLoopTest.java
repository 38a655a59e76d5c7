package org.flowpat.controller.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;
import org.flowpat.config.ConfigException;
import org.flowpat.config.Plants;
import org.flowpat.config.model.Line;
import org.flowpat.config.model.LoopSettings;
import org.flowpat.config.scenario.Scenarios;
import org.flowpat.controller.api.Quality;
import org.flowpat.controller.api.Sample;
import org.flowpat.simulator.engine.EngineSettings;
import org.flowpat.simulator.engine.SimulationEngine;
import org.flowpat.simulator.model.LineSimulation;
import org.flowpat.simulator.model.SetpointRejectedException;
import org.junit.jupiter.api.Test;

/** The bundled plant's jacket temperature loop, closed around the simulator. */
class ControlLoopTest {
    private static final String PV = "R1.temperature";

    /** Largest |T - 80 °C| during the temperature-excursion scenario, with or without the loop. */
    private static double worstDeviation(boolean withLoop) throws ConfigException, SetpointRejectedException {
        SimulationEngine engine = new SimulationEngine(Plants.bundled(), Scenarios.bundled("temperature-excursion"),
                EngineSettings.defaults().withTimeScale(0));
        LineSimulation sim = engine.line("L1");
        Line line = sim.config();
        LoopSettings settings = line.quality().loops().get(0);
        ControlLoop loop = new ControlLoop(settings, sim.value(settings.output()));
        double worst = 0;
        for (int k = 1; k <= 2700; k++) {
            engine.runFor(1);
            if (k == 600) {
                loop.automatic();
            }
            long now = k * 1_000_000_000L;
            OptionalDouble out = loop.onSample(new Sample("L1", PV, sim.value(PV), now, now, Quality.GOOD_CODE));
            if (withLoop && out.isPresent() && loop.isAuto()) {
                sim.write(loop.outputSignal(), out.getAsDouble());
            }
            if (k > 600) {
                worst = Math.max(worst, Math.abs(sim.value(PV) - loop.setpoint()));
            }
        }
        return worst;
    }

    @Test
    void theJacketLoopRejectsTheTemperatureExcursion() throws Exception {
        double open = worstDeviation(false);
        double closed = worstDeviation(true);
        System.out.printf("temperature excursion: worst |T - 80| open loop %.2f °C, closed loop %.2f °C%n", open, closed);
        assertTrue(open > 15, "the scenario's +20 °C excursion reaches the reactor: " + open);
        assertTrue(closed < open / 3, "the loop keeps the reactor within a third of it: " + closed);
    }

    @Test
    void aBadMeasurementWritesNothing() {
        LoopSettings s = new LoopSettings("tic", PV, 80.0, "R1.jacketSetpoint", 1.0, 120.0, null, 20.0, 120.0, null);
        ControlLoop loop = new ControlLoop(s, 80);
        loop.automatic();
        assertTrue(loop.onSample(new Sample("L1", PV, 79, 0, 0, Quality.GOOD_CODE)).isPresent());
        assertEquals(OptionalDouble.empty(), loop.onSample(new Sample("L1", PV, 79, 1, 1, Quality.BAD_CODE)));
        assertEquals(OptionalDouble.empty(), loop.onSample(new Sample("L1", "R1.pressure", 7, 2, 2, Quality.GOOD_CODE)));
        double out = loop.onSample(new Sample("L1", PV, 79, 1_000_000_000L, 0, Quality.GOOD_CODE)).getAsDouble();
        assertTrue(out > 80, "below setpoint, the heating loop raises the jacket: " + out);
    }
}
