package org.flowpat.pat.spc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.DoubleToIntFunction;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/**
 * Average run lengths by simulation with a fixed seed. With R runs the standard error of the
 * mean run length is about ARL/√R (run lengths are roughly geometric); 4000 runs give 1.6 %, so
 * a 5 % tolerance is three standard errors. Each run is capped at 100 000 samples.
 */
class ArlSimulationTest {
    private static final int RUNS = 4000;
    private static final int CAP = 100_000;
    private static final double TOLERANCE = 0.05;

    private static double averageRunLength(long seed, double shift, DoubleToIntFunction chart, Runnable reset) {
        RandomGenerator random = new Well19937c(seed);
        long total = 0;
        for (int r = 0; r < RUNS; r++) {
            reset.run();
            int length = 0;
            while (length < CAP) {
                length++;
                if (chart.applyAsInt(random.nextGaussian() + shift) != 0) {
                    break;
                }
            }
            total += length;
        }
        return (double) total / RUNS;
    }

    @Test
    void shewhartInControlArlIs370() {
        IndividualsChart chart = new IndividualsChart(0, 1, 0, ChartConstants.EXACT);
        double arl = averageRunLength(1, 0, x -> chart.update(x) & Signals.LIMIT, chart::reset);
        assertEquals(370.4, arl, 370.4 * TOLERANCE);
    }

    @Test
    void cusumK05H5InControlArlIs465() {
        CusumChart chart = new CusumChart(0, 1, 0.5, 5);
        double arl = averageRunLength(2, 0, chart::update, chart::reset);
        assertEquals(465, arl, 465 * TOLERANCE);
    }

    @Test
    void cusumK05H5DetectsAOneSigmaShiftInAbout10Samples() {
        CusumChart chart = new CusumChart(0, 1, 0.5, 5);
        double arl = averageRunLength(3, 1.0, chart::update, chart::reset);
        assertEquals(10.4, arl, 10.4 * TOLERANCE);
    }

    /**
     * λ 0.1 with L 2.814 is the design with ARL0 = 500 (Lucas and Saccucci 1990; Montgomery
     * Table 9.11, asymptotic limits).
     */
    @Test
    void ewmaLambda01L2814InControlArlIs500() {
        EwmaChart chart = new EwmaChart(0, 1, 0.1, 2.814, 0, false);
        double arl = averageRunLength(4, 0, chart::update, chart::reset);
        assertEquals(500, arl, 500 * TOLERANCE);
    }

    /**
     * λ 0.1 with L 2.7 (Montgomery's Example 9.2 design) is often quoted as ARL0 ≈ 500, but its
     * in-control ARL is about 369: a Brook-Evans Markov chain with 301 states gives 368.9 for
     * asymptotic limits. This test pins the figure our chart actually achieves.
     */
    @Test
    void ewmaLambda01L27InControlArlIsAbout369NotFiveHundred() {
        EwmaChart chart = new EwmaChart(0, 1, 0.1, 2.7, 0, false);
        double arl = averageRunLength(5, 0, chart::update, chart::reset);
        assertEquals(368.9, arl, 368.9 * TOLERANCE);
    }
}
