package org.flowpat.controller.api;

import java.util.List;

/**
 * One multivariate observation of a line against its PCA model: Hotelling T² within the model, SPE (Q) off it,
 * their limits and the per-variable contributions, largest first. While the model is not fitted yet
 * ({@code phase} SETTLING or REFERENCE) the statistics are NaN and the contributions empty.
 *
 * @param line          line id
 * @param timeNanos     source time of the trigger sample, epoch nanoseconds
 * @param phase         settling (waiting for steady state), reference (collecting phase I) or monitoring
 * @param values        the observation, one value per variable in plant-file order
 * @param t2Signal      T² above its limit
 * @param speSignal     SPE above its limit
 * @param contributions per variable, sorted by {@link Contribution#share()} descending
 * @param observations  complete observations so far
 * @param skipped       observations skipped so far because a variable was missing, stale or not Good
 */
public record MultivariateResult(String line, long timeNanos, SpcPhase phase, List<Double> values, double t2,
                                 double t2Limit, double spe, double speLimit, boolean t2Signal, boolean speSignal,
                                 List<Contribution> contributions, long observations, long skipped) {
    public MultivariateResult {
        values = List.copyOf(values);
        contributions = List.copyOf(contributions);
    }

    public boolean signalled() {
        return t2Signal || speSignal;
    }

    /** The variable that contributes most, or null before the model is fitted. */
    public String topContributor() {
        return contributions.isEmpty() ? null : contributions.get(0).variable();
    }

    /**
     * One variable's part of the statistics: {@code t2} its T² contribution (they sum to T², may be negative),
     * {@code spe} its squared residual (they sum to SPE), {@code share} = |t2|/T²-limit + spe/SPE-limit, the
     * variable's weight in the two statistics relative to their limits (what the ordering uses).
     */
    public record Contribution(String variable, double t2, double spe, double share) {
    }
}
