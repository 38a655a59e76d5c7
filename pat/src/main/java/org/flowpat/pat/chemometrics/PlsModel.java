package org.flowpat.pat.chemometrics;

/**
 * A calibrated PLS model as an immutable value. Every array component is copied in and out, so
 * a caller can serialise the model from its accessors and rebuild it with the constructor.
 * Shapes: p wavelengths, r responses, A latent variables.
 *
 * @param preprocessing  applied to each spectrum before centring
 * @param xMean          p, mean of the preprocessed calibration spectra
 * @param yMean          r, mean of the calibration responses
 * @param rotations      p × A, R = W(PᵀW)⁻¹: scores of a centred spectrum t = x̃ᵀR
 * @param xLoadings      p × A, P: the spectrum part the model explains is P·t
 * @param coefficients   p × r, B = R·Cᵀ: ŷ = yMean + x̃ᵀB
 * @param scoreVariances A, variance of each score over the calibration set (for T²)
 * @param t2Limit        calibration T² limit at {@code alpha}
 * @param qLimit         Jackson-Mudholkar Q limit of the calibration residuals at {@code alpha}
 * @param alpha          false-alarm rate of both limits
 * @param calibrationSize n, number of calibration spectra
 */
public record PlsModel(Preprocessing preprocessing, double[] xMean, double[] yMean, double[][] rotations,
                       double[][] xLoadings, double[][] coefficients, double[] scoreVariances,
                       double t2Limit, double qLimit, double alpha, int calibrationSize) {

    public PlsModel {
        if (preprocessing == null) {
            throw new IllegalArgumentException("PLS model: preprocessing is required");
        }
        int p = xMean.length;
        int r = yMean.length;
        int a = scoreVariances.length;
        checkShape("rotations", rotations, p, a);
        checkShape("xLoadings", xLoadings, p, a);
        checkShape("coefficients", coefficients, p, r);
        for (double v : scoreVariances) {
            if (!(v > 0)) {
                throw new IllegalArgumentException("PLS model: score variances must be positive, got " + v);
            }
        }
        xMean = xMean.clone();
        yMean = yMean.clone();
        rotations = copy(rotations);
        xLoadings = copy(xLoadings);
        coefficients = copy(coefficients);
        scoreVariances = scoreVariances.clone();
    }

    /** Number of wavelengths p. */
    public int wavelengths() {
        return xMean.length;
    }

    /** Number of responses r. */
    public int responses() {
        return yMean.length;
    }

    /** Number of latent variables A. */
    public int components() {
        return scoreVariances.length;
    }

    /** Predicts one spectrum (allocates the result; use {@link #predictor()} in hot loops). */
    public PlsPrediction predict(double[] spectrum) {
        PlsPredictor predictor = predictor();
        double[] values = new double[responses()];
        predictor.predict(spectrum, values);
        return new PlsPrediction(values, predictor.t2(), predictor.q(), t2Limit, qLimit);
    }

    /** A reusable allocation-free prediction workspace (one per thread). */
    public PlsPredictor predictor() {
        return new PlsPredictor(this);
    }

    @Override
    public double[] xMean() {
        return xMean.clone();
    }

    @Override
    public double[] yMean() {
        return yMean.clone();
    }

    @Override
    public double[][] rotations() {
        return copy(rotations);
    }

    @Override
    public double[][] xLoadings() {
        return copy(xLoadings);
    }

    @Override
    public double[][] coefficients() {
        return copy(coefficients);
    }

    @Override
    public double[] scoreVariances() {
        return scoreVariances.clone();
    }

    // package-private views without copying, for the predictor
    double[] xMeanView() {
        return xMean;
    }

    double[] yMeanView() {
        return yMean;
    }

    double[][] rotationsView() {
        return rotations;
    }

    double[][] xLoadingsView() {
        return xLoadings;
    }

    double[][] coefficientsView() {
        return coefficients;
    }

    double[] scoreVariancesView() {
        return scoreVariances;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PlsModel m && m.preprocessing == preprocessing && java.util.Arrays.equals(m.xMean, xMean)
                && java.util.Arrays.equals(m.yMean, yMean) && java.util.Arrays.deepEquals(m.rotations, rotations)
                && java.util.Arrays.deepEquals(m.xLoadings, xLoadings) && java.util.Arrays.deepEquals(m.coefficients, coefficients)
                && java.util.Arrays.equals(m.scoreVariances, scoreVariances) && m.t2Limit == t2Limit && m.qLimit == qLimit
                && m.alpha == alpha && m.calibrationSize == calibrationSize;
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.deepHashCode(new Object[] {preprocessing, xMean, yMean, coefficients, scoreVariances});
    }

    @Override
    public String toString() {
        return "PlsModel[p=" + wavelengths() + ", r=" + responses() + ", A=" + components() + ", " + preprocessing
                + ", t2Limit=" + t2Limit + ", qLimit=" + qLimit + "]";
    }

    private static void checkShape(String name, double[][] m, int rows, int cols) {
        if (m.length != rows) {
            throw new IllegalArgumentException("PLS model: " + name + " has " + m.length + " rows, expected " + rows);
        }
        for (int i = 0; i < rows; i++) {
            if (m[i].length != cols) {
                throw new IllegalArgumentException("PLS model: " + name + " row " + i + " has " + m[i].length + " columns, expected " + cols);
            }
        }
    }

    static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }
}
