package org.flowpat.controller.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import org.junit.jupiter.api.Test;

/** The PID loop against a first-order-plus-dead-time plant: settles, does not wind up, transfers bumplessly. */
class PidControllerTest {
    private static final double DT = 1.0;
    // plant: gain 2, time constant 60 s, dead time 10 s; SIMC tuning with τc = θ gives Kp 1.5, Ti 60 s
    private static final double GAIN = 2;
    private static final double TAU = 60;
    private static final int DEAD_STEPS = 10;

    /** y' = (K·u(t-θ) - y)/τ, integrated exactly per step for piecewise-constant u. */
    private static final class Fopdt {
        private final ArrayDeque<Double> delay = new ArrayDeque<>();
        private double y;

        Fopdt(double initialInput, double initialOutput) {
            for (int i = 0; i < DEAD_STEPS; i++) {
                delay.add(initialInput);
            }
            y = initialOutput;
        }

        double step(double u) {
            delay.add(u);
            double delayed = delay.poll();
            double a = Math.exp(-DT / TAU);
            y = a * y + (1 - a) * GAIN * delayed;
            return y;
        }
    }

    private static PidController tuned(double outMin, double outMax) {
        return new PidController(1.5, 60, 0, outMin, outMax, false);
    }

    @Test
    void aSetpointStepSettlesWithoutMuchOvershoot() {
        PidController pid = tuned(0, 100);
        pid.automatic();
        Fopdt plant = new Fopdt(0, 0);
        double pv = 0;
        double peak = 0;
        int settledAt = -1;
        for (int k = 0; k < 600; k++) {
            pv = plant.step(pid.update(10, pv, DT));
            peak = Math.max(peak, pv);
            boolean inBand = Math.abs(pv - 10) < 0.2;
            if (inBand && settledAt < 0) {
                settledAt = k;
            } else if (!inBand) {
                settledAt = -1;
            }
        }
        assertTrue(settledAt >= 0 && settledAt < 300, "within 2 % of the setpoint by 300 s, settled at " + settledAt);
        assertTrue(peak < 11.5, "overshoot below 15 %: peak " + peak);
        assertEquals(10, pv, 0.01);
        assertEquals(5, pid.output(), 0.01, "steady output = setpoint / plant gain");
    }

    @Test
    void afterSaturationTheIntegralHasNotWoundUp() {
        PidController pid = tuned(0, 6);
        pid.automatic();
        Fopdt plant = new Fopdt(0, 0);
        double pv = 0;
        for (int k = 0; k < 600; k++) {
            pv = plant.step(pid.update(20, pv, DT));   // needs u = 10: unreachable, output pinned at 6
        }
        assertEquals(6, pid.output(), 1e-9);
        assertTrue(pid.integral() < 6 + 1e-6 + 1.5 * (20 - pv), "integral tracks the clamp: " + pid.integral());
        int leftSaturation = -1;
        double peak = 0;
        for (int k = 0; k < 600; k++) {
            pv = plant.step(pid.update(5, pv, DT));
            if (leftSaturation < 0 && pid.output() < 6) {
                leftSaturation = k;
            }
            if (k > 100) {
                peak = Math.max(peak, Math.abs(pv - 5));
            }
        }
        assertEquals(0, leftSaturation, "the output leaves the limit on the first sample after the setpoint drops");
        assertEquals(5, pv, 0.05);
        assertTrue(peak < 1.0, "no windup undershoot/overshoot after 100 s: " + peak);
    }

    @Test
    void switchingFromManualToAutoDoesNotBumpTheOutput() {
        PidController pid = tuned(0, 100);
        pid.manual(3);
        Fopdt plant = new Fopdt(3, 6);
        double pv = 6;
        for (int k = 0; k < 100; k++) {
            pv = plant.step(pid.update(8, pv, DT));   // manual: the setpoint differs, the output must not move
            assertEquals(3, pid.output(), 1e-12);
        }
        pid.automatic();
        double first = pid.update(8, pv, DT);
        assertEquals(3, first, 1e-9, "auto starts exactly where manual left off");
        double previous = first;
        for (int k = 0; k < 600; k++) {
            pv = plant.step(pid.update(8, pv, DT));
            assertTrue(Math.abs(pid.output() - previous) < 0.5, "no jump at step " + k);
            previous = pid.output();
        }
        assertEquals(8, pv, 0.05);
        pid.manual();
        assertEquals(previous, pid.update(8, pv + 5, DT), 1e-12, "to manual: the output is held");
    }

    @Test
    void derivativeActsOnTheMeasurementSoASetpointStepDoesNotKick() {
        PidController pid = new PidController(1.0, 0, 20, -100, 100, false);
        pid.automatic();
        pid.update(0, 0, DT);
        double kickless = pid.update(10, 0, DT);
        assertEquals(10, kickless, 1e-9, "only the proportional term reacts to a setpoint step");
        double withPvMove = pid.update(10, 1, DT);
        assertTrue(withPvMove < 9, "a rising measurement is braked by the derivative: " + withPvMove);
    }

    @Test
    void directActingRaisesTheOutputWhenTheMeasurementIsHigh() {
        PidController direct = new PidController(2, 0, 0, -10, 10, true);
        direct.automatic();
        assertEquals(2, direct.update(5, 6, DT), 1e-12);
        PidController heating = new PidController(2, 0, 0, -10, 10, false);
        heating.automatic();
        assertEquals(-2, heating.update(5, 6, DT), 1e-12);
    }

    @Test
    void badParametersAreRefusedWithTheirNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PidController(0, 1, 0, 0, 1, false));
        assertTrue(e.getMessage().contains("gain"));
        e = assertThrows(IllegalArgumentException.class, () -> new PidController(1, 1, 0, 1, 1, false));
        assertTrue(e.getMessage().contains("output max"));
    }
}
