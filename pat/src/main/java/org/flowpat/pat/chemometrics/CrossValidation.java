package org.flowpat.pat.chemometrics;

/**
 * Cross-validated prediction error by number of latent variables, and the number chosen.
 *
 * @param rmsecv  rmsecv[a-1] = root mean squared error of cross-validation with a latent
 *                variables, pooled over all responses
 * @param folds   number of folds used (n = leave-one-out)
 * @param chosen  the smallest number of latent variables whose RMSECV is within the tolerance
 *                of the minimum
 */
public record CrossValidation(double[] rmsecv, int folds, int chosen) {
    public CrossValidation {
        rmsecv = rmsecv.clone();
    }

    @Override
    public double[] rmsecv() {
        return rmsecv.clone();
    }

    /** RMSECV with a latent variables (1-based). */
    public double rmsecv(int a) {
        return rmsecv[a - 1];
    }
}
