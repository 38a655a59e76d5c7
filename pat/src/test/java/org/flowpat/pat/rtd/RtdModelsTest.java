package org.flowpat.pat.rtd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.util.CombinatoricsUtils;
import org.junit.jupiter.api.Test;

class RtdModelsTest {

    /** Composite Simpson rule over [0, b] with n (even) intervals: an independent check of the models. */
    static double simpson(DoubleUnaryOperator f, double b, int n) {
        double h = b / n;
        double s = f.applyAsDouble(0) + f.applyAsDouble(b);
        for (int i = 1; i < n; i++) {
            s += (i % 2 == 1 ? 4 : 2) * f.applyAsDouble(i * h);
        }
        return s * h / 3;
    }

    @Test
    void tanksInSeriesHasMeanTauAndVarianceTauSquaredOverN() {
        for (int n : new int[] {1, 2, 5, 20}) {
            double tau = 7.5;
            TanksInSeries rtd = new TanksInSeries(tau, n);
            double upper = 20 * tau;
            double area = simpson(rtd::density, upper, 40_000);
            double mean = simpson(t -> t * rtd.density(t), upper, 40_000);
            double variance = simpson(t -> (t - tau) * (t - tau) * rtd.density(t), upper, 40_000);
            assertEquals(1, area, 1e-6, "N = " + n);
            assertEquals(tau, mean, 1e-5 * tau, "N = " + n);
            assertEquals(tau * tau / n, variance, 1e-4 * tau * tau / n, "N = " + n);
            assertEquals(1, rtd.cumulative(100 * tau), 1e-12);
            assertEquals(tau * tau / n, rtd.variance(), 1e-12);
        }
    }

    @Test
    void tanksInSeriesDensityIsTheTextbookFormula() {
        double tau = 3;
        int n = 4;
        double ti = tau / n;
        TanksInSeries rtd = new TanksInSeries(tau, n);
        for (double t : new double[] {0.1, 1, 2.5, 6}) {
            double expected = Math.pow(t, n - 1) * Math.exp(-t / ti) / (CombinatoricsUtils.factorialDouble(n - 1) * Math.pow(ti, n));
            assertEquals(expected, rtd.density(t), 1e-12 * expected);
        }
        assertEquals(0, rtd.density(-1));
        assertEquals(0, rtd.cumulative(0));
    }

    @Test
    void quantileInvertsCumulative() {
        List<ResidenceTimeDistribution> models = List.of(new TanksInSeries(2, 3), new TanksInSeries(10, 0.7),
                new AxialDispersion(4, 8), new AxialDispersion(4, 400), new AxialDispersion(1, 5000));
        for (ResidenceTimeDistribution rtd : models) {
            for (double p : new double[] {1e-4, 0.0005, 0.1, 0.5, 0.9, 0.9995}) {
                assertEquals(p, rtd.cumulative(rtd.quantile(p)), 1e-9, rtd + " p = " + p);
            }
        }
    }

    @Test
    void axialDispersionClosedFormCdfMatchesIntegratedDensity() {
        for (double pe : new double[] {0.5, 5, 60, 800, 5000}) {
            AxialDispersion rtd = new AxialDispersion(2, pe);
            for (double t : new double[] {0.5, 1.6, 1.9, 2.0, 2.1, 2.6, 5}) {
                double integrated = simpson(rtd::density, t, 40_000);
                assertEquals(integrated, rtd.cumulative(t), 2e-7, "Pe = " + pe + ", t = " + t);
            }
            assertEquals(1, rtd.cumulative(1e4), 1e-12);
        }
    }

    @Test
    void axialDispersionIntegratedCdfMatchesNumericalIntegration() {
        for (double pe : new double[] {0.5, 5, 60, 800, 5000}) {
            AxialDispersion rtd = new AxialDispersion(2, pe);
            for (double t : new double[] {0.3, 1.9, 2.0, 2.2, 3, 8}) {
                double numeric = simpson(rtd::cumulative, t, 40_000);
                assertEquals(numeric, rtd.integratedCumulative(t), 1e-7, "Pe = " + pe + ", t = " + t);
            }
            // long after the disturbance everything has left: ∫₀ᵗ F = t - mean
            assertEquals(1e4 - rtd.mean(), rtd.integratedCumulative(1e4), 1e-9);
        }
    }

    @Test
    void axialDispersionOpenOpenMomentsAndFormula() {
        double tau = 5;
        for (double pe : new double[] {2, 20, 200}) {
            AxialDispersion rtd = new AxialDispersion(tau, pe);
            double upper = tau * 60;
            double mean = simpson(t -> t * rtd.density(t), upper, 400_000);
            double variance = simpson(t -> (t - mean) * (t - mean) * rtd.density(t), upper, 400_000);
            assertEquals(tau * (1 + 2 / pe), mean, 1e-5 * tau, "Pe = " + pe);
            assertEquals(tau * tau * (2 / pe + 8 / (pe * pe)), variance, 1e-4 * variance, "Pe = " + pe);
            assertEquals(rtd.mean(), mean, 1e-5 * tau);
            double theta = 0.8;
            double expected = Math.sqrt(pe / (4 * Math.PI * theta)) * Math.exp(-pe * (1 - theta) * (1 - theta) / (4 * theta)) / tau;
            assertEquals(expected, rtd.density(theta * tau), 1e-14);
        }
    }

    @Test
    void scaledComplementaryErrorFunctionIsContinuousBetweenItsBranches() {
        double below = AxialDispersion.erfcx(Math.nextDown(5.0));
        double above = AxialDispersion.erfcx(5.0);
        assertEquals(below, above, 1e-13);
        // asymptotically erfcx(x) ≈ 1/(x√π)·(1 - 1/(2x²))
        double x = 1e3;
        assertEquals(1 / (x * Math.sqrt(Math.PI)) * (1 - 1 / (2 * x * x)), AxialDispersion.erfcx(x), 1e-15);
    }

    @Test
    void residenceTimeFollowsTheFlow() {
        RtdUnit coil = RtdUnit.tanksInSeries(10, 12); // 10 mL
        ResidenceTimeDistribution slow = coil.atFlow(1); // 1 mL/min -> tau 10 min
        ResidenceTimeDistribution fast = coil.atFlow(4);
        assertEquals(10, slow.mean(), 1e-12);
        assertEquals(2.5, fast.mean(), 1e-12);
        assertEquals(slow.quantile(0.99) / 4, fast.quantile(0.99), 1e-9);
        RtdUnit tube = RtdUnit.axialDispersion(2, 100);
        assertEquals(2 / 0.5 * (1 + 2 / 100.0), tube.atFlow(0.5).mean(), 1e-12);
        var e = assertThrows(IllegalArgumentException.class, () -> coil.atFlow(0));
        assertTrue(e.getMessage().contains("flow"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RtdUnit.tanksInSeries(-1, 3));
        var n = assertThrows(IllegalArgumentException.class, () -> new TanksInSeries(1, 0));
        assertTrue(n.getMessage().contains("N"), n.getMessage());
    }
}
