package org.flowpat.pat.rtd;

import org.apache.commons.math3.distribution.GammaDistribution;

/**
 * N ideal stirred tanks in series with total mean residence time τ: E(t) =
 * t^(N-1)·e^(-t/τi)/((N-1)!·τi^N), τi = τ/N, a Gamma distribution (shape N, scale τi); mean τ,
 * variance τ²/N. N need not be an integer (a common fit to measured tracer curves).
 */
public record TanksInSeries(double tau, double tanks) implements ResidenceTimeDistribution {
    private static final double QUANTILE_ACCURACY = 1e-12;

    public TanksInSeries {
        if (!(tau > 0) || !Double.isFinite(tau)) {
            throw new IllegalArgumentException("tanks in series: mean residence time tau must be positive and finite, got " + tau);
        }
        if (!(tanks > 0) || !Double.isFinite(tanks)) {
            throw new IllegalArgumentException("tanks in series: number of tanks N must be positive, got " + tanks);
        }
    }

    private GammaDistribution gamma(double shape) {
        return new GammaDistribution(null, shape, tau / tanks, QUANTILE_ACCURACY * tau);
    }

    @Override
    public double density(double t) {
        return t < 0 ? 0 : gamma(tanks).density(t);
    }

    @Override
    public double cumulative(double t) {
        return t <= 0 ? 0 : gamma(tanks).cumulativeProbability(t);
    }

    @Override
    public double quantile(double probability) {
        return gamma(tanks).inverseCumulativeProbability(probability);
    }

    @Override
    public double mean() {
        return tau;
    }

    @Override
    public double variance() {
        return tau * tau / tanks;
    }

    /** ∫₀ᵗ F = t·F_N(t) - τ·F_(N+1)(t): the partial mean of Gamma(N) is τ·Gamma(N+1)'s CDF. */
    @Override
    public double integratedCumulative(double t) {
        if (t <= 0) {
            return 0;
        }
        return Math.max(0, t * cumulative(t) - tau * gamma(tanks + 1).cumulativeProbability(t));
    }
}
