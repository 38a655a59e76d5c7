package org.flowpat.controller.api;

/** Event-bus addresses of the PAT model results (beside {@link QualityAddresses}). */
public final class PatAddresses {
    /** {@link PatPrediction} messages: the controller's PLS prediction of each analyzer spectrum. */
    public static final String PREDICTIONS = "flowpat.pat.predictions";
    /** {@link MultivariateResult} messages: T², SPE and contributions, one per multivariate observation. */
    public static final String MULTIVARIATE = "flowpat.pat.multivariate";

    private PatAddresses() {
    }
}
