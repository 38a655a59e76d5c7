package org.flowpat.pat.rtd;

import java.util.Arrays;
import java.util.List;

/**
 * An RTD sampled at a fixed step dt: weights[k] is the fraction of material whose residence time
 * rounds to k·dt (bin [(k-½)dt, (k+½)dt), the first bin [0, ½dt)). It is the kernel of the
 * discrete convolution outlet[n] = Σ weights[k]·inlet[n-k], and the result of putting units in
 * series (discrete convolution of their kernels). The weights sum to 1: the tail beyond the
 * truncation point is folded into the last bin. Mass is spread uniformly inside each bin.
 */
public record SampledRtd(double step, double[] weights) implements ResidenceTimeDistribution {
    /** Tail mass beyond which a kernel is truncated. */
    static final double TAIL = 1e-10;

    public SampledRtd {
        if (!(step > 0) || !Double.isFinite(step)) {
            throw new IllegalArgumentException("sampled RTD: step must be positive, got " + step);
        }
        if (weights.length == 0) {
            throw new IllegalArgumentException("sampled RTD: no weights");
        }
        weights = weights.clone();
        double sum = 0;
        for (int k = 0; k < weights.length; k++) {
            if (!(weights[k] >= 0)) {
                throw new IllegalArgumentException("sampled RTD: weight " + k + " is negative or NaN: " + weights[k]);
            }
            sum += weights[k];
        }
        if (Math.abs(sum - 1) > 1e-6) {
            throw new IllegalArgumentException("sampled RTD: weights must sum to 1, got " + sum);
        }
    }

    /** Samples a continuous RTD at step dt (mass of each bin from F at the bin edges). */
    public static SampledRtd of(ResidenceTimeDistribution rtd, double step) {
        if (!(step > 0)) {
            throw new IllegalArgumentException("sampled RTD: step must be positive, got " + step);
        }
        if (rtd instanceof SampledRtd sampled && sampled.step == step) {
            return sampled;
        }
        double end = rtd.quantile(1 - TAIL);
        int n = (int) Math.ceil(end / step + 0.5) + 1;
        double[] w = new double[n];
        double previous = 0;
        for (int k = 0; k < n; k++) {
            double edge = rtd.cumulative((k + 0.5) * step);
            w[k] = Math.max(0, edge - previous);
            previous = Math.max(previous, edge);
        }
        w[n - 1] += 1 - previous;
        return new SampledRtd(step, w);
    }

    /** Units in series: the convolution of their RTDs, each sampled at {@code step}. */
    public static SampledRtd series(double step, List<? extends ResidenceTimeDistribution> units) {
        if (units.isEmpty()) {
            throw new IllegalArgumentException("series of RTDs: no units");
        }
        double[] result = {1};
        for (ResidenceTimeDistribution unit : units) {
            double[] kernel = of(unit, step).weights;
            result = convolve(result, kernel);
        }
        return new SampledRtd(step, result);
    }

    /** Full discrete convolution, trimmed of a negligible tail. */
    static double[] convolve(double[] a, double[] b) {
        double[] c = new double[a.length + b.length - 1];
        for (int i = 0; i < a.length; i++) {
            if (a[i] == 0) {
                continue;
            }
            for (int j = 0; j < b.length; j++) {
                c[i + j] += a[i] * b[j];
            }
        }
        int n = c.length;
        double tail = 0;
        while (n > 1 && tail + c[n - 1] < TAIL) {
            tail += c[--n];
        }
        double[] trimmed = Arrays.copyOf(c, n);
        trimmed[n - 1] += tail;
        return trimmed;
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    /** Number of kernel taps. */
    public int length() {
        return weights.length;
    }

    /** Weight k without copying. */
    public double weight(int k) {
        return weights[k];
    }

    private double lowerEdge(int k) {
        return k == 0 ? 0 : (k - 0.5) * step;
    }

    private double upperEdge(int k) {
        return (k + 0.5) * step;
    }

    @Override
    public double density(double t) {
        if (t < 0) {
            return 0;
        }
        int k = (int) Math.floor(t / step + 0.5);
        return k >= weights.length ? 0 : weights[k] / (upperEdge(k) - lowerEdge(k));
    }

    @Override
    public double cumulative(double t) {
        if (t <= 0) {
            return 0;
        }
        double f = 0;
        for (int k = 0; k < weights.length; k++) {
            double hi = upperEdge(k);
            if (t >= hi) {
                f += weights[k];
            } else {
                double lo = lowerEdge(k);
                return f + weights[k] * (t - lo) / (hi - lo);
            }
        }
        return 1;
    }

    /** Exact ∫₀ᵗ F for the piecewise-linear F (trapezoids bin by bin). */
    @Override
    public double integratedCumulative(double t) {
        if (t <= 0) {
            return 0;
        }
        double area = 0;
        double f = 0;
        for (int k = 0; k < weights.length; k++) {
            double lo = lowerEdge(k);
            double hi = upperEdge(k);
            double next = f + weights[k];
            if (t < hi) {
                double ft = f + weights[k] * (t - lo) / (hi - lo);
                return area + 0.5 * (f + ft) * (t - lo);
            }
            area += 0.5 * (f + next) * (hi - lo);
            f = next;
        }
        return area + (t - upperEdge(weights.length - 1));
    }

    @Override
    public double quantile(double probability) {
        if (!(probability >= 0 && probability < 1)) {
            throw new IllegalArgumentException("quantile: probability must be in [0, 1), got " + probability);
        }
        double f = 0;
        for (int k = 0; k < weights.length; k++) {
            if (weights[k] > 0 && f + weights[k] >= probability) {
                double lo = lowerEdge(k);
                return lo + (upperEdge(k) - lo) * (probability - f) / weights[k];
            }
            f += weights[k];
        }
        return upperEdge(weights.length - 1);
    }

    @Override
    public double mean() {
        double m = 0;
        for (int k = 0; k < weights.length; k++) {
            m += weights[k] * 0.5 * (lowerEdge(k) + upperEdge(k));
        }
        return m;
    }

    @Override
    public double variance() {
        double m = mean();
        double v = 0;
        for (int k = 0; k < weights.length; k++) {
            double lo = lowerEdge(k);
            double hi = upperEdge(k);
            double c = 0.5 * (lo + hi) - m;
            v += weights[k] * (c * c + (hi - lo) * (hi - lo) / 12);
        }
        return v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SampledRtd s && s.step == step && Arrays.equals(s.weights, weights);
    }

    @Override
    public int hashCode() {
        return Double.hashCode(step) * 31 + Arrays.hashCode(weights);
    }

    @Override
    public String toString() {
        return "SampledRtd[step=" + step + ", taps=" + weights.length + ", mean=" + mean() + "]";
    }
}
