package org.flowpat.pat.spc;

import org.apache.commons.math3.special.Gamma;

/**
 * Control chart constants for subgroups of size n (2..{@value #MAX_N}).
 *
 * <p>{@link #EXACT} computes d2 and d3 by numerical integration of the range distribution and
 * c4 exactly from the gamma function; this is the engine's default. {@link #TABLE} and
 * {@link #QCC} round them to the precision other sources use, for reproducing published figures
 * that were computed with table values (e.g. d2(2) = 1.128, d2(5) = 2.326). The derived factors
 * (A2, A3, B3, B4, D3, D4) are always computed from d2, d3 and c4.
 *
 * <p>Values are computed once per n and cached (d3 takes about 0.1 s per n the first time); build
 * charts, not per-sample code, with them.
 */
public final class ChartConstants {
    public static final int MAX_N = 100;

    /** Full double precision. */
    public static final ChartConstants EXACT = new ChartConstants(-1, -1, -1);
    /** Montgomery's Appendix VI precision: d2 and d3 to 3 decimals, c4 to 4. */
    public static final ChartConstants TABLE = new ChartConstants(3, 3, 4);
    /** R package qcc's convention: d2 from a 3-decimal table, d3 and c4 to full precision. */
    public static final ChartConstants QCC = new ChartConstants(3, -1, -1);

    private static final double[] D2 = new double[MAX_N + 1];
    private static final double[] D3 = new double[MAX_N + 1];

    private final int d2Decimals;
    private final int d3Decimals;
    private final int c4Decimals;

    private ChartConstants(int d2Decimals, int d3Decimals, int c4Decimals) {
        this.d2Decimals = d2Decimals;
        this.d3Decimals = d3Decimals;
        this.c4Decimals = c4Decimals;
    }

    /**
     * Constants rounded half-up to the given numbers of decimals (negative = full precision), to
     * reproduce figures computed with some other table's precision.
     */
    public static ChartConstants rounded(int d2Decimals, int d3Decimals, int c4Decimals) {
        return new ChartConstants(d2Decimals, d3Decimals, c4Decimals);
    }

    /** Mean of the relative range, E[R/σ]. */
    public double d2(int n) {
        check(n);
        double v;
        synchronized (D2) {
            if (D2[n] == 0) {
                D2[n] = RangeDistribution.meanRange(n);
            }
            v = D2[n];
        }
        return round(v, d2Decimals);
    }

    /** Standard deviation of the relative range, sd(R/σ). */
    public double d3(int n) {
        check(n);
        double v;
        synchronized (D3) {
            if (D3[n] == 0) {
                D3[n] = RangeDistribution.sdRange(n);
            }
            v = D3[n];
        }
        return round(v, d3Decimals);
    }

    /** E[s/σ] for the sample standard deviation with n-1 divisor: sqrt(2/(n-1))·Γ(n/2)/Γ((n-1)/2). */
    public double c4(int n) {
        check(n);
        double v = Math.sqrt(2.0 / (n - 1)) * Math.exp(Gamma.logGamma(n / 2.0) - Gamma.logGamma((n - 1) / 2.0));
        return round(v, c4Decimals);
    }

    /** X-bar limits from R-bar: X-bar ± A2·R-bar. */
    public double factorA2(int n) {
        return 3.0 / (d2(n) * Math.sqrt(n));
    }

    /** X-bar limits from S-bar: X-bar ± A3·S-bar. */
    public double factorA3(int n) {
        return 3.0 / (c4(n) * Math.sqrt(n));
    }

    /** S chart LCL factor: B3·S-bar (0 when negative). */
    public double factorB3(int n) {
        double c4 = c4(n);
        return Math.max(0.0, 1.0 - 3.0 * Math.sqrt(1.0 - c4 * c4) / c4);
    }

    /** S chart UCL factor: B4·S-bar. */
    public double factorB4(int n) {
        double c4 = c4(n);
        return 1.0 + 3.0 * Math.sqrt(1.0 - c4 * c4) / c4;
    }

    /** R chart LCL factor: D3·R-bar (0 when negative). */
    public double factorD3(int n) {
        return Math.max(0.0, 1.0 - 3.0 * d3(n) / d2(n));
    }

    /** R chart UCL factor: D4·R-bar. */
    public double factorD4(int n) {
        return 1.0 + 3.0 * d3(n) / d2(n);
    }

    @Override
    public String toString() {
        return "ChartConstants[d2 " + describe(d2Decimals) + ", d3 " + describe(d3Decimals) + ", c4 " + describe(c4Decimals) + "]";
    }

    private static String describe(int decimals) {
        return decimals < 0 ? "exact" : decimals + " decimals";
    }

    private static void check(int n) {
        if (n < 2 || n > MAX_N) {
            throw new IllegalArgumentException("chart constants need a subgroup size in 2.." + MAX_N + ", got " + n);
        }
    }

    private static double round(double v, int decimals) {
        if (decimals < 0) {
            return v;
        }
        return new java.math.BigDecimal(v).setScale(decimals, java.math.RoundingMode.HALF_UP).doubleValue();
    }
}
