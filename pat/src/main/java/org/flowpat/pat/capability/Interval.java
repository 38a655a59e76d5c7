package org.flowpat.pat.capability;

/** A two-sided confidence interval; both bounds NaN when the index itself is not defined. */
public record Interval(double low, double high) {
    static final Interval UNDEFINED = new Interval(Double.NaN, Double.NaN);

    public boolean defined() {
        return !Double.isNaN(low);
    }
}
