package org.flowpat.pat.spc;

import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.apache.commons.math3.special.Erf;

/**
 * Moments of the range of n independent standard normal variables, by numerical integration
 * (composite Gauss-Legendre), so that d2 and d3 are known to double precision rather than
 * copied from a 3-decimal table.
 *
 * <pre>
 *   E[R]   = ∫ 1 - Φ(x)^n - (1-Φ(x))^n dx
 *   E[R²]  = 2 ∫∫_{w>0} 1 - Φ(x+w)^n - (1-Φ(x))^n + (Φ(x+w)-Φ(x))^n dw dx
 * </pre>
 */
final class RangeDistribution {
    /** Beyond ±10 the integrands are below 1e-21 for any n up to ChartConstants.MAX_N. */
    private static final double HALF_WIDTH = 10.0;
    private static final int PANELS = 20;
    private static final int POINTS_PER_PANEL = 16;

    private static final double[] NODES;
    private static final double[] WEIGHTS;

    static {
        // One reference panel [0, 1]; every panel is a shifted copy.
        GaussIntegrator unit = new GaussIntegratorFactory().legendreHighPrecision(POINTS_PER_PANEL, 0.0, 1.0);
        double panelWidth = 2 * HALF_WIDTH / PANELS;
        NODES = new double[PANELS * POINTS_PER_PANEL];
        WEIGHTS = new double[NODES.length];
        for (int p = 0; p < PANELS; p++) {
            for (int i = 0; i < POINTS_PER_PANEL; i++) {
                NODES[p * POINTS_PER_PANEL + i] = p * panelWidth + unit.getPoint(i) * panelWidth;
                WEIGHTS[p * POINTS_PER_PANEL + i] = unit.getWeight(i) * panelWidth;
            }
        }
    }

    private RangeDistribution() {
    }

    /** Standard normal CDF; erfc keeps full relative precision in the lower tail. */
    static double phi(double x) {
        return 0.5 * Erf.erfc(-x / Math.sqrt(2.0));
    }

    /** E[R] for a sample of n standard normals (the constant d2). */
    static double meanRange(int n) {
        double sum = 0;
        for (int i = 0; i < NODES.length; i++) {
            double x = NODES[i] - HALF_WIDTH;
            double f = phi(x);
            sum += WEIGHTS[i] * (1.0 - Math.pow(f, n) - Math.pow(1.0 - f, n));
        }
        return sum;
    }

    /** Standard deviation of R (the constant d3). */
    static double sdRange(int n) {
        double[] xs = new double[NODES.length];
        double[] fx = new double[NODES.length];
        for (int i = 0; i < NODES.length; i++) {
            xs[i] = NODES[i] - HALF_WIDTH;
            fx[i] = phi(xs[i]);
        }
        double outer = 0;
        for (int i = 0; i < NODES.length; i++) {
            double lowTail = Math.pow(1.0 - fx[i], n);
            double inner = 0;
            for (int j = 0; j < NODES.length; j++) {
                double fy = phi(xs[i] + NODES[j]);
                inner += WEIGHTS[j] * (1.0 - Math.pow(fy, n) - lowTail + Math.pow(fy - fx[i], n));
            }
            outer += WEIGHTS[i] * inner;
        }
        double mean = meanRange(n);
        return Math.sqrt(2.0 * outer - mean * mean);
    }
}
