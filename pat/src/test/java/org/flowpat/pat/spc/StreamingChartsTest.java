package org.flowpat.pat.spc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/** Behaviour of the streaming charts beyond the published examples. */
class StreamingChartsTest {

    @Test
    void cusumFastInitialResponseDetectsAnInitialShiftSooner() {
        Well19937c random = new Well19937c(7);
        long plain = 0;
        long fir = 0;
        for (int run = 0; run < 500; run++) {
            CusumChart a = new CusumChart(0, 1, 0.5, 5);
            CusumChart b = new CusumChart(0, 1, 0.5, 5, 2.5, false);
            double[] x = new double[200];
            for (int i = 0; i < x.length; i++) {
                x[i] = random.nextGaussian() + 1.0;
            }
            plain += firstSignal(a, x);
            fir += firstSignal(b, x);
        }
        assertTrue(fir < 0.8 * plain, "FIR mean run length " + fir / 500.0 + " vs plain " + plain / 500.0);
    }

    private static int firstSignal(CusumChart chart, double[] x) {
        for (int i = 0; i < x.length; i++) {
            if (chart.update(x[i]) != 0) {
                return i + 1;
            }
        }
        return x.length;
    }

    @Test
    void cusumResetRestartsTheSumsAtTheHeadstartAfterASignal() {
        CusumChart chart = new CusumChart(10, 2, 0.5, 4, 1, true);
        assertEquals(2.0, chart.upper(), 1e-12, "headstart 1 sigma = 2 data units");
        int s = chart.update(10 + 2 * 5);           // C+ = 2 + 10 - 1 = 11 > H = 8
        assertEquals(Signals.ABOVE_UCL, s);
        assertEquals(11.0, chart.upper(), 1e-12, "the signalling value is reported");
        chart.update(10);                          // restarted at 2: 2 + 0 - 1
        assertEquals(1.0, chart.upper(), 1e-12);
        assertEquals(0, chart.signals());
    }

    @Test
    void cusumLowerSideMirrorsTheUpperSide() {
        CusumChart chart = new CusumChart(0, 1, 0.5, 5);
        int s = 0;
        for (int i = 0; i < 3 && s == 0; i++) {
            s = chart.update(-3);
        }
        assertEquals(Signals.BELOW_LCL, s);
        assertEquals(7.5, chart.lower(), 1e-12);
        assertEquals(-0.5 - 7.5 / 3, chart.shiftedMeanEstimate(), 1e-12);
    }

    @Test
    void ewmaStartValueAndLimitsConvergeToTheAsymptote() {
        EwmaChart chart = new EwmaChart(0, 1, 0.25, 3, 1.0, true);
        chart.update(0);
        assertEquals(0.75, chart.value(), 1e-15, "z1 = λ·0 + (1-λ)·start");
        EwmaChart asymptotic = new EwmaChart(0, 1, 0.25, 3, 0, false);
        asymptotic.update(0);
        double previousWidth = chart.ucl();
        for (int i = 0; i < 200; i++) {
            chart.update(0);
            assertTrue(chart.ucl() >= previousWidth);
            previousWidth = chart.ucl();
        }
        assertEquals(asymptotic.ucl(), chart.ucl(), 1e-15);
    }

    @Test
    void individualsChartSkipsMissingValuesAndBridgesTheMovingRange() {
        IndividualsChart chart = new IndividualsChart(10, 1, Signals.NELSON, ChartConstants.EXACT);
        chart.update(10.5);
        assertTrue(Double.isNaN(chart.movingRange()));
        assertEquals(0, chart.update(Double.NaN));
        assertEquals(1, chart.count());
        chart.update(9.0);
        assertEquals(1.5, chart.movingRange(), 1e-15);
    }

    @Test
    void subgroupLimitsFollowTheSizeAndSingletonsHaveNoDispersion() {
        SubgroupChart chart = new SubgroupChart(5, 2, Dispersion.RANGE, 0, 9, ChartConstants.EXACT);
        for (int n = 1; n <= 9; n++) {
            assertEquals(3 * 2 / Math.sqrt(n), chart.ucl(n) - 5, 1e-12);
        }
        chart.update(new double[] {5.5, Double.NaN, Double.NaN}, 0, 3);
        assertEquals(1, chart.size());
        assertTrue(Double.isNaN(chart.dispersionValue()));
        assertEquals(5 + 6, chart.ucl(), 1e-12);
        assertEquals(0, chart.update(new double[] {Double.NaN}, 0, 1), "all-missing subgroup");
        assertEquals(1, chart.count());
    }

    @Test
    void pooledAndSBarAgreeOnAverageForEqualSizes() {
        Well19937c random = new Well19937c(9);
        double[][] groups = new double[400][5];
        for (double[] g : groups) {
            for (int i = 0; i < g.length; i++) {
                g[i] = 3 * random.nextGaussian();
            }
        }
        for (SigmaMethod m : new SigmaMethod[] {SigmaMethod.R_BAR, SigmaMethod.S_BAR, SigmaMethod.POOLED}) {
            double sigma = PhaseOne.subgroups(groups, m, ChartConstants.EXACT, false).sigma();
            assertEquals(3.0, sigma, 0.1, m.name());
        }
    }

    @Test
    void badParametersAreNamedInTheError() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new IndividualsChart(0, 0, 0, ChartConstants.EXACT))
                .getMessage().contains("sigma"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new EwmaChart(0, 1, 1.5, 3))
                .getMessage().contains("lambda"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new CusumChart(0, 1, 0.5, 5, 6, false))
                .getMessage().contains("headstart"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PhaseOne.individuals(new double[] {1, Double.NaN}, ChartConstants.EXACT, false))
                .getMessage().contains("too few points"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PhaseOne.individuals(new double[] {2, 2, 2}, ChartConstants.EXACT, false))
                .getMessage().contains("sigma estimate is 0"));
        assertThrows(IllegalArgumentException.class, () -> new RunRules(Signals.ABOVE_UCL));
    }
}
