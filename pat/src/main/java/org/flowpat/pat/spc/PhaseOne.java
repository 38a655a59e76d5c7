package org.flowpat.pat.spc;

import java.util.ArrayList;
import java.util.List;

/**
 * Phase I: estimates center and within sigma from a reference period, optionally excluding
 * out-of-control points and re-estimating until none remain (at most once per point).
 * Missing values (NaN) are ignored throughout.
 */
public final class PhaseOne {
    private PhaseOne() {
    }

    /**
     * Individuals: center = mean, sigma = MR-bar / d2(2), the moving ranges taken between consecutive
     * values that are present and not excluded. Exclusion looks at the individuals chart only (a
     * large moving range does not say which of its two points is the cause).
     */
    public static Estimate individuals(double[] x, ChartConstants constants, boolean excludeOutOfControl) {
        boolean[] out = new boolean[x.length];
        List<Integer> excluded = new ArrayList<>();
        for (int round = 0; round <= x.length; round++) {
            double[] est = individualsOnce(x, out, constants);
            if (!excludeOutOfControl) {
                return new Estimate(est[0], est[1], excluded);
            }
            boolean changed = false;
            for (int i = 0; i < x.length; i++) {
                if (!out[i] && !Double.isNaN(x[i]) && Math.abs(x[i] - est[0]) > 3 * est[1]) {
                    out[i] = true;
                    excluded.add(i);
                    changed = true;
                }
            }
            if (!changed) {
                excluded.sort(null);
                return new Estimate(est[0], est[1], excluded);
            }
        }
        throw new IllegalStateException("exclusion did not settle"); // unreachable: each round excludes a point
    }

    private static double[] individualsOnce(double[] x, boolean[] out, ChartConstants constants) {
        int n = 0;
        double sum = 0;
        double mrSum = 0;
        int mrCount = 0;
        double prev = Double.NaN;
        for (int i = 0; i < x.length; i++) {
            if (out[i] || Double.isNaN(x[i])) {
                continue;
            }
            n++;
            sum += x[i];
            if (!Double.isNaN(prev)) {
                mrSum += Math.abs(x[i] - prev);
                mrCount++;
            }
            prev = x[i];
        }
        if (n < 2) {
            throw new IllegalArgumentException("too few points: phase I needs at least 2 observations, has " + n);
        }
        double sigma = mrSum / mrCount / constants.d2(2);
        if (!(sigma > 0)) {
            throw new IllegalArgumentException("sigma estimate is 0: all phase I observations are equal");
        }
        return new double[] {sum / n, sigma};
    }

    /**
     * Subgroups (rows of {@code groups}, NaN = missing): center = grand mean of all observations
     * (the size-weighted mean of subgroup means), sigma by {@code method}. Exclusion removes
     * subgroups whose mean or dispersion (range for R_BAR, standard deviation otherwise) is beyond
     * its limits.
     */
    public static Estimate subgroups(double[][] groups, SigmaMethod method, ChartConstants constants,
                                     boolean excludeOutOfControl) {
        if (method == SigmaMethod.MOVING_RANGE) {
            throw new IllegalArgumentException("MOVING_RANGE is for individuals; subgroups use R_BAR, S_BAR or POOLED");
        }
        boolean[] out = new boolean[groups.length];
        List<Integer> excluded = new ArrayList<>();
        Dispersion dispersion = method == SigmaMethod.R_BAR ? Dispersion.RANGE : Dispersion.STDDEV;
        for (int round = 0; round <= groups.length; round++) {
            double[] est = subgroupsOnce(groups, out, method, constants);
            if (!excludeOutOfControl) {
                return new Estimate(est[0], est[1], excluded);
            }
            int maxSize = 1;
            for (double[] g : groups) {
                maxSize = Math.max(maxSize, g.length);
            }
            SubgroupChart chart = new SubgroupChart(est[0], est[1], dispersion, 0, maxSize, constants);
            boolean changed = false;
            for (int i = 0; i < groups.length; i++) {
                if (out[i]) {
                    continue;
                }
                int s = chart.update(groups[i], 0, groups[i].length);
                if (present(groups[i]) > 0 && (s != 0 || chart.dispersionSignals() != 0)) {
                    out[i] = true;
                    excluded.add(i);
                    changed = true;
                }
            }
            if (!changed) {
                excluded.sort(null);
                return new Estimate(est[0], est[1], excluded);
            }
        }
        throw new IllegalStateException("exclusion did not settle");
    }

    private static double[] subgroupsOnce(double[][] groups, boolean[] out, SigmaMethod method, ChartConstants constants) {
        double sum = 0;
        int total = 0;
        double sigmaSum = 0;
        int sigmaCount = 0;
        double pooledSs = 0;
        int pooledDf = 0;
        int subgroups = 0;
        for (int i = 0; i < groups.length; i++) {
            if (out[i]) {
                continue;
            }
            double[] g = groups[i];
            int n = 0;
            double s = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double x : g) {
                if (!Double.isNaN(x)) {
                    n++;
                    s += x;
                    min = Math.min(min, x);
                    max = Math.max(max, x);
                }
            }
            if (n == 0) {
                continue;
            }
            subgroups++;
            sum += s;
            total += n;
            if (n < 2) {
                continue;
            }
            double mean = s / n;
            double ss = 0;
            for (double x : g) {
                if (!Double.isNaN(x)) {
                    ss += (x - mean) * (x - mean);
                }
            }
            switch (method) {
                case R_BAR -> sigmaSum += (max - min) / constants.d2(n);
                case S_BAR -> sigmaSum += Math.sqrt(ss / (n - 1)) / constants.c4(n);
                default -> {
                    pooledSs += ss;
                    pooledDf += n - 1;
                }
            }
            sigmaCount++;
        }
        if (subgroups < 2 || sigmaCount < 1) {
            throw new IllegalArgumentException("too few points: phase I needs at least 2 subgroups, one of them with 2 or more"
                    + " observations; has " + subgroups + " subgroups, " + sigmaCount + " with 2 or more");
        }
        double sigma = method == SigmaMethod.POOLED ? Math.sqrt(pooledSs / pooledDf) : sigmaSum / sigmaCount;
        if (!(sigma > 0)) {
            throw new IllegalArgumentException("sigma estimate is 0: no variation within the phase I subgroups");
        }
        return new double[] {sum / total, sigma};
    }

    private static int present(double[] g) {
        int n = 0;
        for (double x : g) {
            if (!Double.isNaN(x)) {
                n++;
            }
        }
        return n;
    }

    /** Overall sample standard deviation (n-1 divisor) of all present values, for Pp/Ppk. */
    public static double overallSigma(double[] values) {
        int n = 0;
        double mean = 0;
        double m2 = 0;
        for (double x : values) {
            if (!Double.isNaN(x)) {
                n++;
                double d = x - mean;
                mean += d / n;
                m2 += d * (x - mean);
            }
        }
        if (n < 2) {
            throw new IllegalArgumentException("too few points: overall sigma needs at least 2 observations, has " + n);
        }
        return Math.sqrt(m2 / (n - 1));
    }
}
