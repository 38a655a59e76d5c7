package org.flowpat.pat.spc;

/**
 * Streaming tabular CUSUM (Montgomery §9.1):
 * C+_i = max(0, x_i - (μ0 + K) + C+_(i-1)), C-_i = max(0, (μ0 - K) - x_i + C-_(i-1)),
 * with K = kσ and H = hσ; a signal when C+ or C- exceeds H. For subgroup means pass σ/√n.
 *
 * <p>Fast initial response starts (and, with reset, restarts) both sums at a headstart
 * (commonly h/2, in sigma units). With {@code resetAfterSignal} both sums return to the headstart
 * after the point that signals, as after a process adjustment. O(1), allocation-free per sample.
 */
public final class CusumChart {
    private final double target;
    private final double sigma;
    private final double k;
    private final double h;
    private final double headstart;
    private final boolean resetAfterSignal;

    private double upper;
    private double lower;
    private int upperRun;     // periods since C+ was last zero (N+)
    private int lowerRun;
    private double lastUpper; // the sums at the last point, before any reset
    private double lastLower;
    private int lastUpperRun;
    private int lastLowerRun;
    private int signals;
    private long count;

    /**
     * @param k reference value in sigma units (0.5 detects a 1σ shift)
     * @param h decision interval in sigma units
     * @param headstart fast-initial-response start in sigma units (0 = none), below h
     */
    public CusumChart(double target, double sigma, double k, double h, double headstart, boolean resetAfterSignal) {
        this.target = Checks.finite("CUSUM target", target);
        this.sigma = Checks.positive("sigma", sigma);
        if (!(k >= 0) || Double.isInfinite(k)) {
            throw new IllegalArgumentException("CUSUM k must be a finite number >= 0, got " + k);
        }
        this.k = k * sigma;
        this.h = Checks.positive("CUSUM h", h) * sigma;
        if (!(headstart >= 0 && headstart < h)) {
            throw new IllegalArgumentException("CUSUM headstart must be in [0, h), got " + headstart);
        }
        this.headstart = headstart * sigma;
        this.resetAfterSignal = resetAfterSignal;
        reset();
    }

    public CusumChart(double target, double sigma, double k, double h) {
        this(target, sigma, k, h, 0.0, false);
    }

    /** Adds one observation (NaN is skipped and returns 0); returns ABOVE_UCL for C+ &gt; H, BELOW_LCL for C- &gt; H. */
    public int update(double x) {
        if (Double.isNaN(x)) {
            return 0;
        }
        count++;
        upper = Math.max(0.0, x - (target + k) + upper);
        lower = Math.max(0.0, (target - k) - x + lower);
        upperRun = upper > 0 ? upperRun + 1 : 0;
        lowerRun = lower > 0 ? lowerRun + 1 : 0;
        lastUpper = upper;
        lastLower = lower;
        lastUpperRun = upperRun;
        lastLowerRun = lowerRun;
        int s = (upper > h ? Signals.ABOVE_UCL : 0) | (lower > h ? Signals.BELOW_LCL : 0);
        signals = s;
        if (s != 0 && resetAfterSignal) {
            restart();
        }
        return s;
    }

    /** Restarts both sums at the headstart. */
    public void reset() {
        restart();
        lastUpper = upper;
        lastLower = lower;
        lastUpperRun = lastLowerRun = 0;
        signals = 0;
        count = 0;
    }

    private void restart() {
        upper = headstart;
        lower = headstart;
        upperRun = 0;
        lowerRun = 0;
    }

    /** C+ at the last point, in data units (before any reset that point triggered). */
    public double upper() {
        return lastUpper;
    }

    /** C- at the last point, in data units, as a non-negative number. */
    public double lower() {
        return lastLower;
    }

    /** N+: consecutive periods with C+ &gt; 0 up to the last point. */
    public int upperRun() {
        return lastUpperRun;
    }

    public int lowerRun() {
        return lastLowerRun;
    }

    /** Decision interval H in data units. */
    public double decisionInterval() {
        return h;
    }

    /** Reference value K in data units. */
    public double referenceValue() {
        return k;
    }

    /**
     * Estimate of the shifted mean at a signal: μ0 + K + C+/N+ for an upward signal,
     * μ0 - K - C-/N- for a downward one; NaN when the last point did not signal.
     */
    public double shiftedMeanEstimate() {
        if ((signals & Signals.ABOVE_UCL) != 0) {
            return target + k + lastUpper / lastUpperRun;
        }
        if ((signals & Signals.BELOW_LCL) != 0) {
            return target - k - lastLower / lastLowerRun;
        }
        return Double.NaN;
    }

    public int signals() {
        return signals;
    }

    public double target() {
        return target;
    }

    public double sigma() {
        return sigma;
    }

    public long count() {
        return count;
    }
}
