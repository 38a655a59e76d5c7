package org.flowpat.simulator.physics;

/**
 * Concentrations (mol/L) of substrate A, reagent B, product P and impurity I in a volume of liquid; the rest is
 * solvent. Immutable snapshot used for parcels, ground truth and the analyzer.
 */
public record Composition(double a, double b, double p, double i) {
    public static final Composition SOLVENT = new Composition(0, 0, 0, 0);

    /** Below this much A-derived material (mol/L) the ratios below are meaningless: the liquid is solvent. */
    public static final double MIN_A_DERIVED_MOL_L = 1e-3;

    /** A, P and I all come from A: their sum is the A that was fed. */
    public double aDerived() {
        return a + p + i;
    }

    /** Fraction of the fed A that reacted, in %; 0 for solvent. */
    public double conversionPct() {
        double total = aDerived();
        return total < MIN_A_DERIVED_MOL_L ? 0 : 100 * (p + i) / total;
    }

    /** Product as % of A-derived species (HPLC-like area %); unreacted A counts as an impurity. */
    public double purityPct() {
        double total = aDerived();
        return total < MIN_A_DERIVED_MOL_L ? 0 : 100 * p / total;
    }

    /** Impurity I as % of A-derived species. */
    public double impurityPct() {
        double total = aDerived();
        return total < MIN_A_DERIVED_MOL_L ? 0 : 100 * i / total;
    }

    /** Volume-weighted mix of two liquids. */
    public static Composition mix(Composition x, double volumeX, Composition y, double volumeY) {
        double total = volumeX + volumeY;
        if (total <= 0) {
            return x;
        }
        double wx = volumeX / total;
        double wy = volumeY / total;
        return new Composition(x.a * wx + y.a * wy, x.b * wx + y.b * wy, x.p * wx + y.p * wy, x.i * wx + y.i * wy);
    }
}
