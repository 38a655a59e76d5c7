package org.flowpat.pat.capability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CapabilityTest {

    @Test
    void oneSidedSpecsDefineOnlyTheirOwnSide() {
        CapabilityIndices upper = Capability.compute(10, 0.5, 0.6, 30, SpecLimits.upperOnly(12), 0.95);
        assertTrue(Double.isNaN(upper.cp()) && Double.isNaN(upper.cpl()) && Double.isNaN(upper.pp()) && Double.isNaN(upper.cpm()));
        assertFalse(upper.cpInterval().defined());
        assertEquals((12 - 10) / (3 * 0.5), upper.cpu(), 1e-12);
        assertEquals(upper.cpu(), upper.cpk(), 0);
        assertEquals((12 - 10) / (3 * 0.6), upper.ppk(), 1e-12);
        assertTrue(upper.cpkInterval().low() < upper.cpk() && upper.cpk() < upper.cpkInterval().high());

        CapabilityIndices lower = Capability.compute(10, 0.5, 0.6, 30, SpecLimits.lowerOnly(9), 0.95);
        assertEquals((10 - 9) / (3 * 0.5), lower.cpk(), 1e-12);
        assertTrue(Double.isNaN(lower.cpu()));
    }

    @Test
    void centeredProcessHasCpkEqualToCpAndCpmEqualToCp() {
        CapabilityIndices c = Capability.compute(5, 0.1, 0.12, 50, SpecLimits.twoSided(4.4, 5.6), 0.95);
        assertEquals(c.cp(), c.cpk(), 1e-12);
        assertEquals(c.cp(), c.cpm(), 1e-12);
        assertEquals(c.pp(), c.ppk(), 1e-12);
        assertTrue(c.pp() < c.cp(), "overall sigma larger than within");
    }

    @Test
    void intervalsNarrowWithMoreDataAndWidenWithConfidence() {
        SpecLimits spec = SpecLimits.twoSided(0, 6);
        CapabilityIndices small = Capability.compute(3.2, 1, 1, 20, spec, 0.95);
        CapabilityIndices large = Capability.compute(3.2, 1, 1, 2000, spec, 0.95);
        CapabilityIndices confident = Capability.compute(3.2, 1, 1, 20, spec, 0.99);
        assertTrue(width(large.cpInterval()) < width(small.cpInterval()));
        assertTrue(width(large.ppkInterval()) < width(small.ppkInterval()));
        assertTrue(width(confident.cpkInterval()) > width(small.cpkInterval()));
    }

    /**
     * Coverage by simulation (fixed seed, 4000 samples of n observations from N(0, 1) with specs
     * -3 / +3.5, so true Cp = 1.0833 and Cpk = 1): the chi-square interval is exact, Bissell's
     * approximate. Binomial standard error of a 95 % coverage over 4000 samples is 0.34 %.
     */
    @Test
    void confidenceIntervalsCoverTheTrueIndexAboutNinetyFivePercentOfTheTime() {
        org.apache.commons.math3.random.Well19937c random = new org.apache.commons.math3.random.Well19937c(21);
        SpecLimits spec = SpecLimits.twoSided(-3, 3.5);
        double trueCp = 6.5 / 6;
        double trueCpk = 1.0;
        int samples = 4000;
        int n = 50;
        int cpCovered = 0;
        int cpkCovered = 0;
        double[] x = new double[n];
        for (int s = 0; s < samples; s++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                x[i] = random.nextGaussian();
                sum += x[i];
            }
            double mean = sum / n;
            double ss = 0;
            for (double v : x) {
                ss += (v - mean) * (v - mean);
            }
            double sd = Math.sqrt(ss / (n - 1));
            CapabilityIndices c = Capability.compute(mean, sd, sd, n, spec, 0.95);
            if (c.cpInterval().low() <= trueCp && trueCp <= c.cpInterval().high()) {
                cpCovered++;
            }
            if (c.cpkInterval().low() <= trueCpk && trueCpk <= c.cpkInterval().high()) {
                cpkCovered++;
            }
        }
        assertEquals(0.95, (double) cpCovered / samples, 0.012);
        assertEquals(0.95, (double) cpkCovered / samples, 0.02);
    }

    private static double width(Interval i) {
        return i.high() - i.low();
    }

    @Test
    void undefinedCasesAreClearErrors() {
        SpecLimits spec = SpecLimits.twoSided(0, 1);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Capability.compute(0.5, 0, 0.1, 10, spec, 0.95))
                .getMessage().contains("within sigma"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Capability.compute(0.5, 0.1, 0, 10, spec, 0.95))
                .getMessage().contains("overall sigma"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Capability.compute(0.5, 0.1, 0.1, 1, spec, 0.95))
                .getMessage().contains("too few points"));
        assertThrows(IllegalArgumentException.class, () -> SpecLimits.twoSided(2, 1));
        assertThrows(IllegalArgumentException.class, () -> new SpecLimits(Double.NaN, Double.NaN, 1));
    }
}
