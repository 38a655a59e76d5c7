package org.flowpat.pat.chemometrics;

/**
 * Deterministic k-fold cross-validation of PLS ("venetian blinds": spectrum i goes to fold
 * i mod k, so folds span the calibration range when spectra are ordered by time or level);
 * k = n is leave-one-out. Centring is recomputed from each training part, so nothing of the
 * left-out spectra leaks into the model that predicts them.
 */
public final class PlsCrossValidation {
    /** Default tolerance: fewer latent variables win unless more lower RMSECV by over 2 %. */
    public static final double DEFAULT_TOLERANCE = 0.02;

    private PlsCrossValidation() {
    }

    /**
     * @param maxComponents the largest number of latent variables tried
     * @param folds         2 ≤ k ≤ n
     * @param tolerance     relative RMSECV tolerance for preferring fewer latent variables (≥ 0)
     */
    public static CrossValidation run(double[][] spectra, double[][] responses, int maxComponents, int folds,
                                      Preprocessing preprocessing, double tolerance) {
        PlsCalibration.Centred.of(spectra, responses, preprocessing); // validates shapes and values up front
        int n = spectra.length;
        int p = spectra[0].length;
        int r = responses[0].length;
        if (folds < 2 || folds > n) {
            throw new IllegalArgumentException("PLS cross-validation: folds must be between 2 and " + n + ", got " + folds);
        }
        int smallestTraining = n - (n + folds - 1) / folds;
        int limit = Math.min(p, smallestTraining - 2);
        if (maxComponents < 1 || maxComponents > limit) {
            throw new IllegalArgumentException("PLS cross-validation: maximum latent variables must be between 1 and " + limit
                    + " (training folds of " + smallestTraining + " spectra), got " + maxComponents);
        }
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("PLS cross-validation: tolerance must be ≥ 0, got " + tolerance);
        }
        double[] sse = new double[maxComponents];
        double[] x = new double[p];
        for (int fold = 0; fold < folds; fold++) {
            int testCount = 0;
            for (int i = fold; i < n; i += folds) {
                testCount++;
            }
            double[][] trainX = new double[n - testCount][];
            double[][] trainY = new double[n - testCount][];
            int m = 0;
            for (int i = 0; i < n; i++) {
                if (i % folds != fold) {
                    trainX[m] = spectra[i];
                    trainY[m++] = responses[i];
                }
            }
            PlsCalibration.Centred train = PlsCalibration.Centred.of(trainX, trainY, preprocessing);
            Nipals nipals = Nipals.fit(train.x(), train.y(), maxComponents);
            double[][] rot = nipals.rotations();
            double[][] c = nipals.yLoadings();
            for (int i = fold; i < n; i += folds) {
                preprocessing.apply(spectra[i], x);
                double[] predicted = train.yMean().clone();
                for (int a = 0; a < maxComponents; a++) {
                    double t = 0;
                    for (int j = 0; j < p; j++) {
                        t += (x[j] - train.xMean()[j]) * rot[j][a];
                    }
                    for (int k = 0; k < r; k++) {
                        predicted[k] += t * c[k][a];
                        double e = predicted[k] - responses[i][k];
                        sse[a] += e * e;
                    }
                }
            }
        }
        double[] rmsecv = new double[maxComponents];
        double best = Double.POSITIVE_INFINITY;
        for (int a = 0; a < maxComponents; a++) {
            rmsecv[a] = Math.sqrt(sse[a] / ((double) n * r));
            best = Math.min(best, rmsecv[a]);
        }
        int chosen = maxComponents;
        for (int a = 0; a < maxComponents; a++) {
            if (rmsecv[a] <= best * (1 + tolerance)) {
                chosen = a + 1;
                break;
            }
        }
        return new CrossValidation(rmsecv, folds, chosen);
    }

    /** PLS1 convenience. */
    public static CrossValidation run(double[][] spectra, double[] response, int maxComponents, int folds,
                                      Preprocessing preprocessing, double tolerance) {
        return run(spectra, PlsCalibration.column(response), maxComponents, folds, preprocessing, tolerance);
    }
}
