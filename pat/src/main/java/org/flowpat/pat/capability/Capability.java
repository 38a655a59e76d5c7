package org.flowpat.pat.capability;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Process capability (within sigma: Cp, Cpl, Cpu, Cpk, Cpm) and performance (overall sigma: Pp,
 * Ppl, Ppu, Ppk) with confidence intervals: chi-square for Cp and Pp,
 * Cp·√(χ²(α/2; n-1)/(n-1)) .. Cp·√(χ²(1-α/2; n-1)/(n-1)); Bissell's normal approximation for
 * Cpk and Ppk, Cpk ± z(1-α/2)·√(1/(9n) + Cpk²/(2(n-1))). Cpm = (USL-LSL) / (6√(σ² + (mean-T)²))
 * with the within sigma.
 */
public final class Capability {
    private Capability() {
    }

    /**
     * @param mean process mean estimate
     * @param sigmaWithin within-subgroup (short-term) sigma
     * @param sigmaOverall overall (long-term) sample standard deviation
     * @param n number of observations (at least 2)
     * @param confidence two-sided confidence level in (0, 1)
     * @throws IllegalArgumentException when a sigma is not positive, n &lt; 2, or an input is not finite
     */
    public static CapabilityIndices compute(double mean, double sigmaWithin, double sigmaOverall, int n,
                                            SpecLimits spec, double confidence) {
        if (!Double.isFinite(mean)) {
            throw new IllegalArgumentException("capability: the mean must be finite, got " + mean);
        }
        if (!(sigmaWithin > 0) || Double.isInfinite(sigmaWithin)) {
            throw new IllegalArgumentException("capability undefined: within sigma must be positive, got " + sigmaWithin);
        }
        if (!(sigmaOverall > 0) || Double.isInfinite(sigmaOverall)) {
            throw new IllegalArgumentException("capability undefined: overall sigma must be positive, got " + sigmaOverall);
        }
        if (n < 2) {
            throw new IllegalArgumentException("capability undefined: too few points, need at least 2 observations, got " + n);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1), got " + confidence);
        }
        double cp = spec.twoSidedSpec() ? (spec.usl() - spec.lsl()) / (6 * sigmaWithin) : Double.NaN;
        double cpl = spec.hasLower() ? (mean - spec.lsl()) / (3 * sigmaWithin) : Double.NaN;
        double cpu = spec.hasUpper() ? (spec.usl() - mean) / (3 * sigmaWithin) : Double.NaN;
        double cpk = minDefined(cpl, cpu);
        double cpm = spec.twoSidedSpec() && !Double.isNaN(spec.target())
                ? (spec.usl() - spec.lsl()) / (6 * Math.sqrt(sigmaWithin * sigmaWithin
                        + (mean - spec.target()) * (mean - spec.target())))
                : Double.NaN;
        double pp = spec.twoSidedSpec() ? (spec.usl() - spec.lsl()) / (6 * sigmaOverall) : Double.NaN;
        double ppl = spec.hasLower() ? (mean - spec.lsl()) / (3 * sigmaOverall) : Double.NaN;
        double ppu = spec.hasUpper() ? (spec.usl() - mean) / (3 * sigmaOverall) : Double.NaN;
        double ppk = minDefined(ppl, ppu);

        double alpha = 1 - confidence;
        int df = n - 1;
        ChiSquaredDistribution chi2 = new ChiSquaredDistribution(null, df);
        double lowFactor = Math.sqrt(chi2.inverseCumulativeProbability(alpha / 2) / df);
        double highFactor = Math.sqrt(chi2.inverseCumulativeProbability(1 - alpha / 2) / df);
        double z = new NormalDistribution(null, 0, 1).inverseCumulativeProbability(1 - alpha / 2);
        return new CapabilityIndices(mean, sigmaWithin, sigmaOverall, n, confidence,
                cp, cpl, cpu, cpk, cpm, pp, ppl, ppu, ppk,
                chiSquare(cp, lowFactor, highFactor), bissell(cpk, n, z),
                chiSquare(pp, lowFactor, highFactor), bissell(ppk, n, z));
    }

    private static double minDefined(double a, double b) {
        if (Double.isNaN(a)) {
            return b;
        }
        if (Double.isNaN(b)) {
            return a;
        }
        return Math.min(a, b);
    }

    private static Interval chiSquare(double index, double lowFactor, double highFactor) {
        return Double.isNaN(index) ? Interval.UNDEFINED : new Interval(index * lowFactor, index * highFactor);
    }

    private static Interval bissell(double index, int n, double z) {
        if (Double.isNaN(index)) {
            return Interval.UNDEFINED;
        }
        double half = z * Math.sqrt(1.0 / (9.0 * n) + index * index / (2.0 * (n - 1)));
        return new Interval(index - half, index + half);
    }
}
