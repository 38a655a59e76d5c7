package org.flowpat.pat.spc;

/**
 * Streaming X-bar/R or X-bar/S chart against frozen center and sigma (the process sigma of one
 * observation). Subgroup sizes may vary and missing values (NaN) are skipped; the limits of each
 * point follow its own size n: X-bar limits center ± 3σ/√n; R chart center d2(n)σ, limits
 * (d2 ± 3 d3)σ; S chart center c4(n)σ, limits (c4 ± 3√(1-c4²))σ; negative lower limits are 0.
 * Per-size factors are precomputed, so {@link #update} allocates nothing.
 */
public final class SubgroupChart {
    private final double center;
    private final double sigma;
    private final Dispersion dispersion;
    private final int maxSize;
    private final double[] halfWidth;      // 3σ/√n
    private final double[] dispCenter;
    private final double[] dispUcl;
    private final double[] dispLcl;
    private final RunRules rules;

    private int size;
    private double mean = Double.NaN;
    private double spread = Double.NaN;
    private int signals;
    private int dispSignals;
    private long count;

    /**
     * @param maxSize the largest subgroup size this chart will see (at most {@link ChartConstants#MAX_N})
     */
    public SubgroupChart(double center, double sigma, Dispersion dispersion, int rules, int maxSize,
                         ChartConstants constants) {
        this.center = Checks.finite("center", center);
        this.sigma = Checks.positive("sigma", sigma);
        this.dispersion = dispersion;
        if (maxSize < 1 || maxSize > ChartConstants.MAX_N) {
            throw new IllegalArgumentException("maxSize must be in 1.." + ChartConstants.MAX_N + ", got " + maxSize);
        }
        this.maxSize = maxSize;
        halfWidth = new double[maxSize + 1];
        dispCenter = new double[maxSize + 1];
        dispUcl = new double[maxSize + 1];
        dispLcl = new double[maxSize + 1];
        java.util.Arrays.fill(dispCenter, Double.NaN);
        java.util.Arrays.fill(dispUcl, Double.NaN);
        java.util.Arrays.fill(dispLcl, Double.NaN);
        for (int n = 1; n <= maxSize; n++) {
            halfWidth[n] = 3 * sigma / Math.sqrt(n);
            if (n >= 2) {
                double c;
                double sd;
                if (dispersion == Dispersion.RANGE) {
                    c = constants.d2(n);
                    sd = constants.d3(n);
                } else {
                    c = constants.c4(n);
                    sd = Math.sqrt(1 - c * c);
                }
                dispCenter[n] = c * sigma;
                dispUcl[n] = (c + 3 * sd) * sigma;
                dispLcl[n] = Math.max(0.0, (c - 3 * sd) * sigma);
            }
        }
        this.rules = new RunRules(rules);
    }

    /**
     * Adds the subgroup {@code data[from..to)}; NaNs inside are skipped. An all-missing subgroup
     * changes nothing and returns 0.
     *
     * @return the signal bits of the X-bar chart at this subgroup
     */
    public int update(double[] data, int from, int to) {
        int n = 0;
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            double x = data[i];
            if (!Double.isNaN(x)) {
                n++;
                sum += x;
                min = Math.min(min, x);
                max = Math.max(max, x);
            }
        }
        if (n == 0) {
            return 0;
        }
        if (n > maxSize) {
            throw new IllegalArgumentException("subgroup of " + n + " values exceeds this chart's maxSize " + maxSize);
        }
        double m = sum / n;
        double disp = Double.NaN;
        if (n >= 2) {
            if (dispersion == Dispersion.RANGE) {
                disp = max - min;
            } else {
                double ss = 0;
                for (int i = from; i < to; i++) {
                    double x = data[i];
                    if (!Double.isNaN(x)) {
                        ss += (x - m) * (x - m);
                    }
                }
                disp = Math.sqrt(ss / (n - 1));
            }
        }
        return accept(m, disp, n);
    }

    /** Adds a subgroup already summarized as its mean, dispersion (NaN if n = 1) and size. */
    public int update(double subgroupMean, double subgroupDispersion, int n) {
        if (n < 1 || n > maxSize) {
            throw new IllegalArgumentException("subgroup size must be in 1.." + maxSize + ", got " + n);
        }
        return accept(subgroupMean, subgroupDispersion, n);
    }

    private int accept(double m, double disp, int n) {
        size = n;
        mean = m;
        spread = disp;
        count++;
        double hw = halfWidth[n];
        int s = rules.update(m, 3 * (m - center) / hw);
        if (m > center + hw) {
            s |= Signals.ABOVE_UCL;
        } else if (m < center - hw) {
            s |= Signals.BELOW_LCL;
        }
        signals = s;
        int d = 0;
        if (disp > dispUcl[n]) {
            d = Signals.ABOVE_UCL;
        } else if (disp < dispLcl[n]) {
            d = Signals.BELOW_LCL;
        }
        dispSignals = d;
        return s;
    }

    public double value() {
        return mean;
    }

    public int size() {
        return size;
    }

    public double ucl() {
        return center + halfWidth[size];
    }

    public double lcl() {
        return center - halfWidth[size];
    }

    public int signals() {
        return signals;
    }

    /** X-bar upper limit for a subgroup of size n. */
    public double ucl(int n) {
        return center + halfWidth[checkSize(n)];
    }

    /** X-bar lower limit for a subgroup of size n. */
    public double lcl(int n) {
        return center - halfWidth[checkSize(n)];
    }

    /** Dispersion chart center for size n (NaN for n = 1). */
    public double dispersionCenter(int n) {
        return dispCenter[checkSize(n)];
    }

    public double dispersionUcl(int n) {
        return dispUcl[checkSize(n)];
    }

    public double dispersionLcl(int n) {
        return dispLcl[checkSize(n)];
    }

    private int checkSize(int n) {
        if (n < 1 || n > maxSize) {
            throw new IllegalArgumentException("subgroup size must be in 1.." + maxSize + ", got " + n);
        }
        return n;
    }

    /** The last subgroup's range or standard deviation (NaN for a single observation). */
    public double dispersionValue() {
        return spread;
    }

    public double dispersionCenter() {
        return dispCenter[size];
    }

    public double dispersionUcl() {
        return dispUcl[size];
    }

    public double dispersionLcl() {
        return dispLcl[size];
    }

    public int dispersionSignals() {
        return dispSignals;
    }

    public Dispersion dispersion() {
        return dispersion;
    }

    public double center() {
        return center;
    }

    public double sigma() {
        return sigma;
    }

    public long count() {
        return count;
    }
}
