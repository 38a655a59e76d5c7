package org.flowpat.pat.multivariate;

import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.FDistribution;

/**
 * Upper control limits of Hotelling T² charts (the lower limit is 0).
 * Individuals: Tracy, Young and Mason (1992); subgroups: Montgomery, as in qcc's {@code mqcc}.
 * m = number of reference observations or subgroups, n = subgroup size, p = variables.
 */
public final class HotellingLimits {
    /** Quantile accuracy: well below the printed precision of published limits. */
    private static final double QUANTILE_ACCURACY = 1e-13;

    private HotellingLimits() {
    }

    /** Phase I (retrospective) individuals: ((m-1)²/m)·Beta(1-α; p/2, (m-p-1)/2). */
    public static double individualsPhase1(int m, int p, double alpha) {
        check(alpha, p);
        if (m - p - 1 <= 0) {
            throw new IllegalArgumentException("phase I T² for individuals needs m > p + 1 observations; m = " + m + ", p = " + p);
        }
        double q = new BetaDistribution(null, p / 2.0, (m - p - 1) / 2.0, QUANTILE_ACCURACY).inverseCumulativeProbability(1 - alpha);
        return (m - 1.0) * (m - 1.0) / m * q;
    }

    /** Phase II (future individuals): p(m+1)(m-1)/(m²-mp)·F(1-α; p, m-p). */
    public static double individualsPhase2(int m, int p, double alpha) {
        check(alpha, p);
        if (m - p <= 0) {
            throw new IllegalArgumentException("phase II T² for individuals needs m > p observations; m = " + m + ", p = " + p);
        }
        double f = fQuantile(p, m - p, alpha);
        return p * (m + 1.0) * (m - 1.0) / ((double) m * m - (double) m * p) * f;
    }

    /** Phase I subgroups of size n: p(m-1)(n-1)/(mn-m-p+1)·F(1-α; p, mn-m-p+1). */
    public static double subgroupsPhase1(int m, int n, int p, double alpha) {
        return subgroupFactor(m, n, p, alpha) * (m - 1.0);
    }

    /** Phase II subgroups of size n: p(m+1)(n-1)/(mn-m-p+1)·F(1-α; p, mn-m-p+1). */
    public static double subgroupsPhase2(int m, int n, int p, double alpha) {
        return subgroupFactor(m, n, p, alpha) * (m + 1.0);
    }

    private static double subgroupFactor(int m, int n, int p, double alpha) {
        check(alpha, p);
        if (n < 2) {
            throw new IllegalArgumentException("T² for subgroups needs subgroups of at least 2; n = " + n);
        }
        int dof = m * n - m - p + 1;
        if (dof <= 0) {
            throw new IllegalArgumentException("T² for subgroups needs mn - m - p + 1 > 0; m = " + m + ", n = " + n + ", p = " + p);
        }
        return p * (n - 1.0) / dof * fQuantile(p, dof, alpha);
    }

    static double fQuantile(int numeratorDof, int denominatorDof, double alpha) {
        return new FDistribution(null, numeratorDof, denominatorDof, QUANTILE_ACCURACY).inverseCumulativeProbability(1 - alpha);
    }

    static void check(double alpha, int p) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
        }
        if (p < 1) {
            throw new IllegalArgumentException("need at least one variable, got p = " + p);
        }
    }
}
