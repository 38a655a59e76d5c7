package org.flowpat.controller.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The step-response figures the control benchmark prints, and the jacket loop's tuning they show. */
class ControlBenchmarkTest {

    @Test
    void analyseMeasuresOvershootSettlingAndPeak() {
        int at = ControlBenchmark.STEP_AT_S;
        double[] pv = new double[at + 10];
        java.util.Arrays.fill(pv, 80);
        // step to 85: 83, 86 (overshoot 1 = 20 %), 85.5, then within ±0.25 from at+3 on
        pv[at] = 80;
        pv[at + 1] = 83;
        pv[at + 2] = 86;
        pv[at + 3] = 85.5;
        for (int k = at + 4; k < pv.length; k++) {
            pv[k] = 85.1;
        }
        ControlBenchmark.StepResponse r = ControlBenchmark.analyse("t", 5, 0.25, 85, pv, at, 0, 1);
        assertEquals(20, r.overshootPct(), 1e-9);
        assertEquals(4, r.settlingS(), 1e-9, "last outside the band at +3 s");
        assertEquals(5, r.peakDeviation(), 1e-9);
    }

    @Test
    void theJacketLoopFollowsASetpointStepWithLittleOvershoot() throws Exception {
        ControlBenchmark.StepResponse up = ControlBenchmark.setpointStep(5, 0.25);
        assertTrue(up.overshootPct() < 30, "overshoot " + up.overshootPct() + " %");
        assertTrue(up.settlingS() > 0 && up.settlingS() < 300, "settles within 5 min: " + up.settlingS() + " s");
    }

    @Test
    void theJacketLoopHoldsTheUtilityDisturbanceToAFifthOfItsSize() throws Exception {
        ControlBenchmark.StepResponse r = ControlBenchmark.utilityDisturbance(0.25);
        assertTrue(r.peakDeviation() < 4.0, "peak |T - SP| " + r.peakDeviation() + " °C for a 20 °C disturbance");
    }
}
