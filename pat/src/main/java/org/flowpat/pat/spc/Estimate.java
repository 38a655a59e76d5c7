package org.flowpat.pat.spc;

import java.util.List;

/**
 * Phase I result: the center and within sigma to freeze, and which points or subgroups (0-based
 * indices into the phase I data) were excluded as out of control before the final estimate.
 */
public record Estimate(double center, double sigma, List<Integer> excluded) {
    public Estimate {
        excluded = List.copyOf(excluded);
    }
}
