package org.flowpat.pat.spc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/** Shifting data by a and scaling by b shifts and scales the limits the same way; signals do not change. */
class EquivarianceTest {
    private static final double A = -250.0;
    private static final double B = 7.5;

    private static double[] sample(long seed, int n) {
        Well19937c random = new Well19937c(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 10 + random.nextGaussian() + (i > n / 2 ? 1.5 : 0);
        }
        return x;
    }

    @Test
    void individualsLimitsAndSignals() {
        double[] x = sample(11, 200);
        double[] y = Arrays.stream(x).map(v -> A + B * v).toArray();
        Estimate ex = PhaseOne.individuals(Arrays.copyOf(x, 50), ChartConstants.EXACT, true);
        Estimate ey = PhaseOne.individuals(Arrays.copyOf(y, 50), ChartConstants.EXACT, true);
        assertEquals(A + B * ex.center(), ey.center(), 1e-9);
        assertEquals(B * ex.sigma(), ey.sigma(), 1e-12);
        assertEquals(ex.excluded(), ey.excluded());
        IndividualsChart cx = new IndividualsChart(ex.center(), ex.sigma(), Signals.NELSON, ChartConstants.EXACT);
        IndividualsChart cy = new IndividualsChart(ey.center(), ey.sigma(), Signals.NELSON, ChartConstants.EXACT);
        int fired = 0;
        for (int i = 0; i < x.length; i++) {
            int sx = cx.update(x[i]);
            assertEquals(sx, cy.update(y[i]), "signals at point " + (i + 1));
            fired |= sx;
            assertEquals(A + B * cx.ucl(), cy.ucl(), 1e-9);
            assertEquals(B * cx.movingRangeUcl(), cy.movingRangeUcl(), 1e-9);
        }
        assertEquals(true, fired != 0, "the shifted half must signal, or the test proves little");
    }

    @Test
    void subgroupLimitsAndSignals() {
        double[] x = sample(12, 200);
        double[][] gx = new double[40][];
        double[][] gy = new double[40][];
        for (int g = 0; g < 40; g++) {
            gx[g] = Arrays.copyOfRange(x, g * 5, g * 5 + 5);
            gy[g] = Arrays.stream(gx[g]).map(v -> A + B * v).toArray();
        }
        for (SigmaMethod method : new SigmaMethod[] {SigmaMethod.R_BAR, SigmaMethod.S_BAR, SigmaMethod.POOLED}) {
            Estimate ex = PhaseOne.subgroups(Arrays.copyOf(gx, 15), method, ChartConstants.EXACT, false);
            Estimate ey = PhaseOne.subgroups(Arrays.copyOf(gy, 15), method, ChartConstants.EXACT, false);
            assertEquals(A + B * ex.center(), ey.center(), 1e-9, method.name());
            assertEquals(B * ex.sigma(), ey.sigma(), 1e-12, method.name());
            SubgroupChart cx = new SubgroupChart(ex.center(), ex.sigma(), Dispersion.STDDEV, Signals.WESTERN_ELECTRIC, 5, ChartConstants.EXACT);
            SubgroupChart cy = new SubgroupChart(ey.center(), ey.sigma(), Dispersion.STDDEV, Signals.WESTERN_ELECTRIC, 5, ChartConstants.EXACT);
            for (int g = 0; g < 40; g++) {
                assertEquals(cx.update(gx[g], 0, 5), cy.update(gy[g], 0, 5), method + " subgroup " + (g + 1));
                assertEquals(A + B * cx.lcl(), cy.lcl(), 1e-9);
                assertEquals(B * cx.dispersionUcl(), cy.dispersionUcl(), 1e-9);
            }
        }
    }
}
