package org.flowpat.pat.capability;

/**
 * Specification limits; NaN marks an absent limit (one-sided specs). The target defaults to the
 * midpoint of a two-sided spec and is needed only for Cpm.
 */
public record SpecLimits(double lsl, double usl, double target) {
    public SpecLimits {
        if (Double.isNaN(lsl) && Double.isNaN(usl)) {
            throw new IllegalArgumentException("a specification needs a lower or an upper limit");
        }
        if (Double.isInfinite(lsl) || Double.isInfinite(usl) || Double.isInfinite(target)) {
            throw new IllegalArgumentException("specification limits must be finite (NaN = absent)");
        }
        if (!(Double.isNaN(lsl) || Double.isNaN(usl)) && !(lsl < usl)) {
            throw new IllegalArgumentException("LSL " + lsl + " must be below USL " + usl);
        }
    }

    /** Two-sided, target at the midpoint. */
    public static SpecLimits twoSided(double lsl, double usl) {
        return new SpecLimits(lsl, usl, (lsl + usl) / 2);
    }

    public static SpecLimits lowerOnly(double lsl) {
        return new SpecLimits(lsl, Double.NaN, Double.NaN);
    }

    public static SpecLimits upperOnly(double usl) {
        return new SpecLimits(Double.NaN, usl, Double.NaN);
    }

    public boolean hasLower() {
        return !Double.isNaN(lsl);
    }

    public boolean hasUpper() {
        return !Double.isNaN(usl);
    }

    public boolean twoSidedSpec() {
        return hasLower() && hasUpper();
    }
}
