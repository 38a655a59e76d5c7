package org.flowpat.pat.rtd;

import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;

/** A residence-time distribution: E(t), F(t) and its inverse, for t ≥ 0. */
public interface ResidenceTimeDistribution {
    /** E(t), the exit-age density. */
    double density(double t);

    /** F(t) = ∫₀ᵗ E, the fraction of material that has left by age t. */
    double cumulative(double t);

    /** The age t with F(t) = probability (0 ≤ probability < 1). */
    double quantile(double probability);

    /** Mean residence time ∫ t·E(t) dt. */
    double mean();

    /** Variance of the residence time. */
    double variance();

    /**
     * ∫₀ᵗ F(s) ds, which gives the captured fraction of an extended disturbance. The default
     * integrates numerically over the body of the distribution and uses ∫₀ᵗ F = t - mean for
     * ages beyond it; implementations with a closed form override it.
     */
    default double integratedCumulative(double t) {
        if (t <= 0) {
            return 0;
        }
        double body = quantile(1 - 1e-12);
        if (t >= body) {
            return Math.max(0, t - mean());
        }
        double lower = quantile(1e-12);
        if (t <= lower) {
            return 0;
        }
        return new IterativeLegendreGaussIntegrator(8, 1e-11, 1e-13)
                .integrate(10_000, this::cumulative, lower, t);
    }
}
