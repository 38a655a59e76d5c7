package org.flowpat.app.bench;

import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.flowpat.pat.spc.ChartConstants;

/**
 * The straightforward way to run I-MR, the eight Nelson tests, EWMA and CUSUM on a stream: keep
 * the last 15 values in a Commons Math {@link DescriptiveStatistics} window and, for every new
 * sample, copy the window out and re-scan it for each rule. Same limits and same rule
 * definitions as the streaming charts (Nelson 8 requires both sides), so the benchmark compares
 * like with like (EWMA with asymptotic limits, CUSUM without reset); {@link SpcBenchmark} checks that both flag the same samples.
 */
final class WindowBaseline {
    private static final int WINDOW = 15;

    private final double center;
    private final double sigma;
    private final DescriptiveStatistics window = new DescriptiveStatistics(WINDOW);
    private final double lambda;
    private final double ewmaHalfWidth;
    private final double mrUcl;
    private final double k;
    private final double h;
    private double ewma;
    private double upper;
    private double lower;
    private double previous = Double.NaN;

    WindowBaseline(double center, double sigma, double lambda, double limitWidth, double k, double h) {
        this.center = center;
        this.sigma = sigma;
        this.lambda = lambda;
        this.ewmaHalfWidth = limitWidth * sigma * Math.sqrt(lambda / (2 - lambda));
        this.mrUcl = (ChartConstants.EXACT.d2(2) + 3 * ChartConstants.EXACT.d3(2)) * sigma;
        this.k = k * sigma;
        this.h = h * sigma;
        this.ewma = center;
    }

    /** Returns a nonzero value when any chart or rule signals at this sample. */
    int update(double x) {
        if (Double.isNaN(x)) {
            return 0;
        }
        window.addValue(x);
        double[] w = window.getValues();
        int n = w.length;
        double mr = Double.isNaN(previous) ? 0 : Math.abs(x - previous);
        previous = x;
        int s = 0;
        double z = (x - center) / sigma;
        if (Math.abs(z) > 3) {
            s |= 1;
        }
        if (allSameSide(w, n, 9)) {
            s |= 2;
        }
        if (monotone(w, n, 6)) {
            s |= 4;
        }
        if (alternating(w, n, 14)) {
            s |= 8;
        }
        if (kOfM(w, n, 2, 3, 2.0)) {
            s |= 16;
        }
        if (kOfM(w, n, 4, 5, 1.0)) {
            s |= 32;
        }
        if (within(w, n, 15)) {
            s |= 64;
        }
        if (outsideBothSides(w, n, 8)) {
            s |= 128;
        }
        if (mr > mrUcl) {
            s |= 256;
        }
        ewma = lambda * x + (1 - lambda) * ewma;
        if (Math.abs(ewma - center) > ewmaHalfWidth) {
            s |= 512;
        }
        upper = Math.max(0, x - center - k + upper);
        lower = Math.max(0, center - k - x + lower);
        if (upper > h || lower > h) {
            s |= 1024;
        }
        return s;
    }

    private double z(double v) {
        return (v - center) / sigma;
    }

    private boolean allSameSide(double[] w, int n, int run) {
        if (n < run) {
            return false;
        }
        boolean above = true;
        boolean below = true;
        for (int i = n - run; i < n; i++) {
            above &= w[i] > center;
            below &= w[i] < center;
        }
        return above || below;
    }

    private static boolean monotone(double[] w, int n, int run) {
        if (n < run) {
            return false;
        }
        boolean up = true;
        boolean down = true;
        for (int i = n - run + 1; i < n; i++) {
            up &= w[i] > w[i - 1];
            down &= w[i] < w[i - 1];
        }
        return up || down;
    }

    private static boolean alternating(double[] w, int n, int run) {
        if (n < run) {
            return false;
        }
        for (int i = n - run + 2; i < n; i++) {
            double d1 = w[i - 1] - w[i - 2];
            double d2 = w[i] - w[i - 1];
            if (!(d1 * d2 < 0)) {
                return false;
            }
        }
        return true;
    }

    private boolean kOfM(double[] w, int n, int k, int m, double beyond) {
        double last = z(w[n - 1]);
        if (Math.abs(last) <= beyond) {
            return false;
        }
        int count = 0;
        for (int i = Math.max(0, n - m); i < n; i++) {
            double zi = z(w[i]);
            if (last > 0 ? zi > beyond : zi < -beyond) {
                count++;
            }
        }
        return count >= k;
    }

    private boolean within(double[] w, int n, int run) {
        if (n < run) {
            return false;
        }
        for (int i = n - run; i < n; i++) {
            if (Math.abs(z(w[i])) > 1) {
                return false;
            }
        }
        return true;
    }

    private boolean outsideBothSides(double[] w, int n, int run) {
        if (n < run) {
            return false;
        }
        boolean up = false;
        boolean down = false;
        for (int i = n - run; i < n; i++) {
            double zi = z(w[i]);
            if (Math.abs(zi) <= 1) {
                return false;
            }
            up |= zi > 1;
            down |= zi < -1;
        }
        return up && down;
    }
}
