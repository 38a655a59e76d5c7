package org.flowpat.pat.chemometrics;

/**
 * Allocation-free prediction against a {@link PlsModel}; keeps its buffers between calls.
 * Not thread-safe: one per thread.
 */
public final class PlsPredictor {
    private final PlsModel model;
    private final double[] centred;
    private final double[] scores;
    private double t2;
    private double q;

    PlsPredictor(PlsModel model) {
        this.model = model;
        this.centred = new double[model.wavelengths()];
        this.scores = new double[model.components()];
    }

    /**
     * Predicts the responses of {@code spectrum} into {@code values} (length r) and computes T²
     * and Q; returns whether the spectrum is inside the calibration space (prediction trusted).
     */
    public boolean predict(double[] spectrum, double[] values) {
        int p = centred.length;
        if (spectrum.length != p) {
            throw new IllegalArgumentException("spectrum has " + spectrum.length + " points, the model expects " + p);
        }
        if (values.length != model.responses()) {
            throw new IllegalArgumentException("values buffer has length " + values.length + ", the model has "
                    + model.responses() + " responses");
        }
        model.preprocessing().apply(spectrum, centred);
        double[] mean = model.xMeanView();
        for (int j = 0; j < p; j++) {
            centred[j] -= mean[j];
        }
        int a = scores.length;
        double[][] rotations = model.rotationsView();
        double[][] coefficients = model.coefficientsView();
        double[] yMean = model.yMeanView();
        System.arraycopy(yMean, 0, values, 0, values.length);
        java.util.Arrays.fill(scores, 0);
        for (int j = 0; j < p; j++) {
            double x = centred[j];
            double[] rj = rotations[j];
            for (int k = 0; k < a; k++) {
                scores[k] += x * rj[k];
            }
            double[] bj = coefficients[j];
            for (int k = 0; k < values.length; k++) {
                values[k] += x * bj[k];
            }
        }
        double[] variances = model.scoreVariancesView();
        double t = 0;
        for (int k = 0; k < a; k++) {
            t += scores[k] * scores[k] / variances[k];
        }
        double[][] loadings = model.xLoadingsView();
        double residual = 0;
        for (int j = 0; j < p; j++) {
            double e = centred[j];
            double[] pj = loadings[j];
            for (int k = 0; k < a; k++) {
                e -= scores[k] * pj[k];
            }
            residual += e * e;
        }
        t2 = t;
        q = residual;
        return t2 <= model.t2Limit() && q <= model.qLimit();
    }

    /** Hotelling T² of the last spectrum in score space. */
    public double t2() {
        return t2;
    }

    /** Q residual (squared distance to the model plane) of the last spectrum. */
    public double q() {
        return q;
    }

    /** Score k of the last spectrum. */
    public double score(int k) {
        return scores[k];
    }
}
