package org.flowpat.pat.spc;

/**
 * Streaming EWMA chart: z_i = λ x_i + (1-λ) z_(i-1), z_0 = the start value (usually the center).
 * Limits center ± L σ √(λ/(2-λ) · (1-(1-λ)^(2i))) when time-varying, or center ± L σ √(λ/(2-λ))
 * (asymptotic). For subgroup means pass σ/√n as sigma. O(1), allocation-free per sample.
 */
public final class EwmaChart {
    private final double center;
    private final double sigma;
    private final double lambda;
    private final double widthFactor;   // L σ
    private final double asymptoticVariance;
    private final double asymptoticHalfWidth;
    private final double decayPerStep;  // (1-λ)²
    private final boolean timeVarying;
    private final double start;

    private double z;
    private double decay;               // (1-λ)^(2i)
    private double ucl;
    private double lcl;
    private int signals;
    private long count;

    public EwmaChart(double center, double sigma, double lambda, double limitWidth, double start, boolean timeVarying) {
        this.center = Checks.finite("center", center);
        this.sigma = Checks.positive("sigma", sigma);
        if (!(lambda > 0 && lambda <= 1)) {
            throw new IllegalArgumentException("EWMA lambda must be in (0, 1], got " + lambda);
        }
        this.lambda = lambda;
        this.widthFactor = Checks.positive("EWMA L", limitWidth) * sigma;
        this.asymptoticVariance = lambda / (2 - lambda);
        this.asymptoticHalfWidth = widthFactor * Math.sqrt(asymptoticVariance);
        this.decayPerStep = (1 - lambda) * (1 - lambda);
        this.timeVarying = timeVarying;
        this.start = Checks.finite("EWMA start value", start);
        reset();
    }

    /** A chart starting at the center with time-varying limits. */
    public EwmaChart(double center, double sigma, double lambda, double limitWidth) {
        this(center, sigma, lambda, limitWidth, center, true);
    }

    /** Adds one observation (NaN is skipped and returns 0); returns the limit bits. */
    public int update(double x) {
        if (Double.isNaN(x)) {
            return 0;
        }
        count++;
        z = lambda * x + (1 - lambda) * z;
        if (timeVarying && decay > 1e-17) {
            // Once (1-λ)^(2i) is below 1e-17, 1 - decay rounds to 1: the limits have reached the asymptote.
            decay *= decayPerStep;
            double half = widthFactor * Math.sqrt(asymptoticVariance * (1 - decay));
            ucl = center + half;
            lcl = center - half;
        }
        int s = (z > ucl ? Signals.ABOVE_UCL : 0) | (z < lcl ? Signals.BELOW_LCL : 0);
        signals = s;
        return s;
    }

    /** Restarts at the start value with the narrow first limits. */
    public void reset() {
        z = start;
        decay = 1;
        ucl = timeVarying ? center : center + asymptoticHalfWidth;
        lcl = timeVarying ? center : center - asymptoticHalfWidth;
        signals = 0;
        count = 0;
    }

    public double value() {
        return z;
    }

    public double ucl() {
        return ucl;
    }

    public double lcl() {
        return lcl;
    }

    public int signals() {
        return signals;
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
