package org.flowpat.pat.spc;

/** How phase I estimates the within (common-cause) sigma of one observation. */
public enum SigmaMethod {
    /** Individuals: mean moving range of consecutive values / d2(2). */
    MOVING_RANGE,
    /** Subgroups: mean of R_i / d2(n_i) over subgroups of 2 or more (R-bar/d2 for constant n; qcc's UWAVE-R). */
    R_BAR,
    /** Subgroups: mean of s_i / c4(n_i) (S-bar/c4 for constant n). */
    S_BAR,
    /** Subgroups: pooled standard deviation √(Σ(n_i-1)s_i² / Σ(n_i-1)). */
    POOLED
}
