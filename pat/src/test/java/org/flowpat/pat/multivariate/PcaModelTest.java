package org.flowpat.pat.multivariate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;

class PcaModelTest {
    private static final int P = 6;

    /** Two latent factors drive six variables with different units, plus small noise. */
    private static double[] sample(Random random, double f1, double f2) {
        double[] x = new double[P];
        double[][] weights = {{1, 0.2}, {0.8, -0.5}, {0.3, 1}, {-0.6, 0.7}, {0.9, 0.9}, {0.1, -1}};
        for (int j = 0; j < P; j++) {
            x[j] = (j + 1) * 10 + (j + 1) * (weights[j][0] * f1 + weights[j][1] * f2 + 0.1 * random.nextGaussian());
        }
        return x;
    }

    private static double[][] reference(Random random, int m) {
        double[][] rows = new double[m][];
        for (int i = 0; i < m; i++) {
            rows[i] = sample(random, random.nextGaussian(), random.nextGaussian());
        }
        return rows;
    }

    @Test
    void contributionsSumToTheirStatistics() {
        Random random = new Random(1);
        PcaModel model = PcaModel.fit(reference(random, 300), null, 2, true, 0.01);
        PcaMonitor monitor = model.monitor();
        double[] c = new double[P];
        for (int i = 0; i < 20; i++) {
            monitor.evaluate(sample(random, 2 * random.nextGaussian(), random.nextGaussian()));
            monitor.t2Contributions(c);
            assertEquals(monitor.t2(), sum(c), 1e-9 * (1 + monitor.t2()));
            monitor.speContributions(c);
            assertEquals(monitor.spe(), sum(c), 1e-12 * (1 + monitor.spe()));
        }
    }

    @Test
    void brokenCorrelationRaisesSpeAndPointsAtTheVariable() {
        Random random = new Random(2);
        PcaModel model = PcaModel.fit(reference(random, 300), null, 2, true, 0.01);
        PcaMonitor monitor = model.monitor();
        double[] x = sample(random, 0.3, -0.2);
        x[3] += 4 * 0.1 * 4 * 3; // variable 4 moves off the correlation structure (12 noise sigmas, < 1 process sigma)
        monitor.evaluate(x);

        assertTrue(monitor.speAlarm(), "SPE " + monitor.spe() + " limit " + model.speLimit());
        assertFalse(monitor.t2Alarm());
        double[] c = new double[P];
        monitor.speContributions(c);
        assertEquals(3, argMax(c));
    }

    @Test
    void largeMoveAlongTheModelRaisesT2NotSpe() {
        Random random = new Random(3);
        PcaModel model = PcaModel.fit(reference(random, 300), List.of("a", "b", "c", "d", "e", "f"), 2, true, 0.01);
        PcaMonitor monitor = model.monitor();
        monitor.evaluate(sample(random, 5, 0));
        assertTrue(monitor.t2Alarm(), "T² " + monitor.t2() + " limit " + model.t2Limit());
        assertFalse(monitor.speAlarm());
        assertTrue(model.explainedVariance() > 0.95);
    }

    @Test
    void withAllComponentsT2EqualsHotellingAndSpeVanishes() {
        Random random = new Random(4);
        double[][] rows = reference(random, 80);
        PcaModel model = PcaModel.fit(rows, null, P, false, 0.05);
        HotellingModel hotelling = HotellingT2.individuals(rows, null, 0.05).model();
        PcaMonitor monitor = model.monitor();
        double[] x = sample(random, 1, -1);
        x[2] += 1;
        monitor.evaluate(x);
        assertEquals(hotelling.t2(x), monitor.t2(), 1e-8 * hotelling.t2(x));
        assertEquals(0, monitor.spe(), 1e-9);
        assertEquals(0, model.speLimit());
    }

    @Test
    void inControlFalseAlarmRatesAreNearAlpha() {
        Random random = new Random(5);
        double alpha = 0.05;
        PcaModel model = PcaModel.fit(reference(random, 2000), null, 2, true, alpha);
        PcaMonitor monitor = model.monitor();
        int t2Alarms = 0;
        int speAlarms = 0;
        int n = 20000;
        for (int i = 0; i < n; i++) {
            monitor.evaluate(sample(random, random.nextGaussian(), random.nextGaussian()));
            t2Alarms += monitor.t2Alarm() ? 1 : 0;
            speAlarms += monitor.speAlarm() ? 1 : 0;
        }
        assertEquals(alpha, (double) t2Alarms / n, 0.01);
        assertEquals(alpha, (double) speAlarms / n, 0.015);
    }

    @Test
    void twoLatentFactorsNeedTwoComponents() {
        Random random = new Random(9);
        double[][] rows = reference(random, 400);
        assertEquals(2, PcaModel.componentsExplaining(rows, true, 0.95));
        assertEquals(1, PcaModel.componentsExplaining(rows, true, 0.3));
        assertEquals(6, PcaModel.componentsExplaining(rows, true, 1.0));
    }

    @Test
    void jacksonMudholkarMatchesChiSquareForEqualResidualEigenvalues() {
        // Q/λ is exactly chi-square with q degrees of freedom when all q residual eigenvalues equal λ
        for (int q : new int[] {3, 5, 20}) {
            double[] residual = new double[q];
            java.util.Arrays.fill(residual, 2.5);
            double exact = 2.5 * new ChiSquaredDistribution(q).inverseCumulativeProbability(0.99);
            assertEquals(exact, JacksonMudholkar.limit(residual, 0.01), 0.01 * exact);
        }
    }

    @Test
    void badComponentCountsAndConstantVariablesAreRejected() {
        Random random = new Random(6);
        double[][] rows = reference(random, 50);
        var e = assertThrows(IllegalArgumentException.class, () -> PcaModel.fit(rows, null, 7, true, 0.01));
        assertTrue(e.getMessage().contains("between 1 and"), e.getMessage());
        PcaMonitor monitor = PcaModel.fit(rows, null, 2, true, 0.01).monitor();
        var d = assertThrows(IllegalArgumentException.class, () -> monitor.evaluate(new double[3]));
        assertTrue(d.getMessage().contains("6 variables"), d.getMessage());
        for (double[] row : rows) {
            row[4] = 3;
        }
        var c = assertThrows(SingularCovarianceException.class, () -> PcaModel.fit(rows, null, 2, true, 0.01));
        assertEquals(List.of("x5"), c.variables());
    }

    private static int argMax(double[] v) {
        int best = 0;
        for (int j = 1; j < v.length; j++) {
            if (v[j] > v[best]) {
                best = j;
            }
        }
        return best;
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }
}
