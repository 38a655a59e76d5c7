package org.flowpat.pat.rtd;

import org.apache.commons.math3.distribution.AbstractRealDistribution;
import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.util.ContinuedFraction;

/**
 * Axial dispersion model with <b>open-open</b> boundaries (Levenspiel): with θ = t/τ, τ = V/Q,
 * E(θ) = √(Pe/(4πθ))·exp(-Pe(1-θ)²/(4θ)). Because material can diffuse back across an open
 * inlet, the mean residence time is τ(1 + 2/Pe), not τ, and the variance is τ²(2/Pe + 8/Pe²).
 * F has the closed form F(θ) = Φ(a) - e^(Pe)·Φ(-b), a = √(Pe/(2θ))(θ-1), b = √(Pe/(2θ))(θ+1)
 * (E is θ times an inverse-Gaussian density with mean 1 and shape Pe/2); the product is computed
 * through the scaled complementary error function so large Péclet numbers do not overflow.
 */
public record AxialDispersion(double tau, double peclet) implements ResidenceTimeDistribution {

    public AxialDispersion {
        if (!(tau > 0) || !Double.isFinite(tau)) {
            throw new IllegalArgumentException("axial dispersion: tau must be positive and finite, got " + tau);
        }
        if (!(peclet > 0) || !Double.isFinite(peclet)) {
            throw new IllegalArgumentException("axial dispersion: Péclet number must be positive and finite, got " + peclet);
        }
    }

    @Override
    public double density(double t) {
        return t <= 0 ? 0 : reduced().density(t / tau) / tau;
    }

    @Override
    public double cumulative(double t) {
        return t <= 0 ? 0 : reduced().cumulativeProbability(t / tau);
    }

    @Override
    public double quantile(double probability) {
        return tau * reduced().inverseCumulativeProbability(probability);
    }

    @Override
    public double mean() {
        return tau * (1 + 2 / peclet);
    }

    @Override
    public double variance() {
        return tau * tau * (2 / peclet + 8 / (peclet * peclet));
    }

    /**
     * ∫₀ᵗ F = τ·(x·F(x) - M(x)), x = t/τ, with the partial mean in closed form (λ = Pe/2):
     * M(x) = ∫₀ˣ θE(θ)dθ = (1 + 1/λ)·Φ(a) + (1 - 1/λ)·e^(2λ)Φ(-b) - (2/√λ)·√x·φ(a),
     * found by differentiating; M(∞) = 1 + 2/Pe, the mean.
     */
    @Override
    public double integratedCumulative(double t) {
        if (t <= 0) {
            return 0;
        }
        double x = t / tau;
        double lambda = peclet / 2;
        double r = Math.sqrt(lambda / x);
        double a = r * (x - 1);
        double phiA = 0.5 * Erf.erfc(-a / Math.sqrt(2));
        double tail = Reduced.scaledTail(peclet, x);
        double density = Math.exp(-0.5 * a * a) / Math.sqrt(2 * Math.PI);
        double partialMean = (1 + 1 / lambda) * phiA + (1 - 1 / lambda) * tail - 2 / Math.sqrt(lambda) * Math.sqrt(x) * density;
        double f = Math.min(1, Math.max(0, phiA - tail));
        return Math.max(0, tau * (x * f - partialMean));
    }

    private Reduced reduced() {
        return new Reduced(peclet);
    }

    /** The distribution of θ = t/τ; Commons Math supplies the inverse CDF (bracketing + Brent). */
    private static final class Reduced extends AbstractRealDistribution {
        private final double pe;

        Reduced(double pe) {
            super(null);
            this.pe = pe;
        }

        @Override
        public double density(double theta) {
            if (theta <= 0) {
                return 0;
            }
            return Math.sqrt(pe / (4 * Math.PI * theta)) * Math.exp(-pe * (1 - theta) * (1 - theta) / (4 * theta));
        }

        @Override
        public double cumulativeProbability(double theta) {
            if (theta <= 0) {
                return 0;
            }
            double a = Math.sqrt(pe / (2 * theta)) * (theta - 1);
            double phiA = 0.5 * Erf.erfc(-a / Math.sqrt(2));
            return Math.min(1, Math.max(0, phiA - scaledTail(pe, theta)));
        }

        /** e^Pe·Φ(-b) = ½·exp(-Pe(θ-1)²/(4θ))·erfcx(b/√2), since Pe - b²/2 = -Pe(θ-1)²/(4θ). */
        static double scaledTail(double pe, double theta) {
            double b = Math.sqrt(pe / (2 * theta)) * (theta + 1);
            return 0.5 * Math.exp(-pe * (theta - 1) * (theta - 1) / (4 * theta)) * erfcx(b / Math.sqrt(2));
        }

        @Override
        public double getNumericalMean() {
            return 1 + 2 / pe;
        }

        @Override
        public double getNumericalVariance() {
            return 2 / pe + 8 / (pe * pe);
        }

        @Override
        protected double getSolverAbsoluteAccuracy() {
            return 1e-12;
        }

        @Override
        public double getSupportLowerBound() {
            return 0;
        }

        @Override
        public double getSupportUpperBound() {
            return Double.POSITIVE_INFINITY;
        }

        @Override
        @SuppressWarnings("deprecation") // still abstract in Commons Math 3.6.1
        public boolean isSupportLowerBoundInclusive() {
            return true;
        }

        @Override
        @SuppressWarnings("deprecation") // still abstract in Commons Math 3.6.1
        public boolean isSupportUpperBoundInclusive() {
            return false;
        }

        @Override
        public boolean isSupportConnected() {
            return true;
        }
    }

    /** Scaled complementary error function exp(x²)·erfc(x) for x ≥ 0. */
    static double erfcx(double x) {
        if (x < 5) {
            return Math.exp(x * x) * Erf.erfc(x);
        }
        // Laplace continued fraction: erfcx(x) = 1/(√π·(x + (1/2)/(x + 1/(x + (3/2)/(x + ...)))))
        double k = new ContinuedFraction() {
            @Override
            protected double getA(int n, double v) {
                return v;
            }

            @Override
            protected double getB(int n, double v) {
                return n / 2.0;
            }
        }.evaluate(x, 1e-15, 10_000);
        return 1 / (Math.sqrt(Math.PI) * k);
    }
}
