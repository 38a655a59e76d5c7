package org.flowpat.pat.spc;

/** The within-subgroup dispersion statistic plotted beside the subgroup means. */
public enum Dispersion {
    /** Subgroup range, R chart. */
    RANGE,
    /** Subgroup sample standard deviation (n-1 divisor), S chart. */
    STDDEV
}
