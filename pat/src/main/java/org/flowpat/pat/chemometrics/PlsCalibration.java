package org.flowpat.pat.chemometrics;

import java.util.Arrays;
import org.apache.commons.math3.distribution.FDistribution;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.flowpat.pat.multivariate.JacksonMudholkar;

/** Calibrates PLS models from spectra (rows) and reference concentrations. */
public final class PlsCalibration {
    private PlsCalibration() {
    }

    /**
     * Fits a PLS model with {@code components} latent variables.
     *
     * @param spectra   n × p calibration spectra
     * @param responses n × r reference values (r = 1 for PLS1)
     * @param alpha     false-alarm rate of the T² and Q limits of the outlier check (e.g. 0.01)
     */
    public static PlsModel fit(double[][] spectra, double[][] responses, int components, Preprocessing preprocessing, double alpha) {
        Centred data = Centred.of(spectra, responses, preprocessing);
        int n = data.x.length;
        int p = data.x[0].length;
        if (components < 1 || components > Math.min(p, n - 2)) {
            throw new IllegalArgumentException("PLS: number of latent variables must be between 1 and " + Math.min(p, n - 2)
                    + " for " + n + " spectra of " + p + " points, got " + components);
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("PLS: alpha must be in (0, 1), got " + alpha);
        }
        Nipals nipals = Nipals.fit(data.x, data.y, components);
        int r = data.y[0].length;
        double[][] rot = nipals.rotations();
        double[][] coefficients = new double[p][r];
        for (int j = 0; j < p; j++) {
            for (int k = 0; k < r; k++) {
                double s = 0;
                for (int a = 0; a < components; a++) {
                    s += rot[j][a] * nipals.yLoadings()[k][a];
                }
                coefficients[j][k] = s;
            }
        }
        // calibration scores, their variances, and the residuals off the model plane
        double[] variances = new double[components];
        double[][] residuals = new double[n][p];
        for (int i = 0; i < n; i++) {
            double[] t = new double[components];
            for (int j = 0; j < p; j++) {
                for (int a = 0; a < components; a++) {
                    t[a] += data.x[i][j] * rot[j][a];
                }
            }
            for (int a = 0; a < components; a++) {
                variances[a] += t[a] * t[a] / (n - 1);
            }
            for (int j = 0; j < p; j++) {
                double e = data.x[i][j];
                for (int a = 0; a < components; a++) {
                    e -= t[a] * nipals.xLoadings()[j][a];
                }
                residuals[i][j] = e;
            }
        }
        double t2Limit = components * ((double) n * n - 1) / ((double) n * (n - components))
                * new FDistribution(null, components, n - components, 1e-13).inverseCumulativeProbability(1 - alpha);
        double qLimit = JacksonMudholkar.limit(residualEigenvalues(residuals), alpha);
        return new PlsModel(preprocessing, data.xMean, data.yMean, rot, nipals.xLoadings(), coefficients, variances,
                t2Limit, qLimit, alpha, n);
    }

    /** PLS1 convenience: one response per model. */
    public static PlsModel fit(double[][] spectra, double[] response, int components, Preprocessing preprocessing, double alpha) {
        return fit(spectra, column(response), components, preprocessing, alpha);
    }

    /** Nonzero eigenvalues of the residual covariance EᵀE/(n-1), via the smaller Gram matrix. */
    static double[] residualEigenvalues(double[][] e) {
        int n = e.length;
        int p = e[0].length;
        var m = MatrixUtils.createRealMatrix(e);
        var gram = n <= p ? m.multiply(m.transpose()) : m.transpose().multiply(m);
        double[] values = new EigenDecomposition(gram.scalarMultiply(1.0 / (n - 1))).getRealEigenvalues();
        return Arrays.stream(values).map(v -> Math.max(v, 0)).toArray();
    }

    static double[][] column(double[] v) {
        double[][] c = new double[v.length][1];
        for (int i = 0; i < v.length; i++) {
            c[i][0] = v[i];
        }
        return c;
    }

    /** Preprocessed, centred copies of the data with their means. */
    record Centred(double[][] x, double[][] y, double[] xMean, double[] yMean) {
        static Centred of(double[][] spectra, double[][] responses, Preprocessing preprocessing) {
            if (preprocessing == null) {
                throw new IllegalArgumentException("PLS: preprocessing is required (NONE or SNV)");
            }
            int n = check("spectra", spectra);
            int r = check("responses", responses);
            if (responses.length != spectra.length) {
                throw new IllegalArgumentException("PLS: " + spectra.length + " spectra but " + responses.length + " response rows");
            }
            if (spectra.length < 3) {
                throw new IllegalArgumentException("PLS: need at least 3 calibration spectra, got " + spectra.length);
            }
            double[][] x = new double[spectra.length][n];
            for (int i = 0; i < spectra.length; i++) {
                try {
                    preprocessing.apply(spectra[i], x[i]);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("PLS: spectrum " + (i + 1) + ": " + e.getMessage(), e);
                }
            }
            double[][] y = PlsModel.copy(responses);
            double[] xMean = centre(x);
            double[] yMean = centre(y);
            for (int k = 0; k < r; k++) {
                double ss = 0;
                for (double[] row : y) {
                    ss += row[k] * row[k];
                }
                if (!(ss > 0)) {
                    throw new IllegalArgumentException("PLS: response " + (k + 1) + " is constant over the calibration set");
                }
            }
            return new Centred(x, y, xMean, yMean);
        }

        private static int check(String what, double[][] m) {
            if (m == null || m.length == 0 || m[0].length == 0) {
                throw new IllegalArgumentException("PLS: no " + what);
            }
            int width = m[0].length;
            for (int i = 0; i < m.length; i++) {
                if (m[i].length != width) {
                    throw new IllegalArgumentException("PLS: " + what + " row " + (i + 1) + " has " + m[i].length + " values, expected " + width);
                }
                for (int j = 0; j < width; j++) {
                    if (!Double.isFinite(m[i][j])) {
                        throw new IllegalArgumentException("PLS: " + what + " row " + (i + 1) + ", column " + (j + 1) + " is not finite: " + m[i][j]);
                    }
                }
            }
            return width;
        }

        private static double[] centre(double[][] m) {
            int w = m[0].length;
            double[] mean = new double[w];
            for (double[] row : m) {
                for (int j = 0; j < w; j++) {
                    mean[j] += row[j];
                }
            }
            for (int j = 0; j < w; j++) {
                mean[j] /= m.length;
            }
            for (double[] row : m) {
                for (int j = 0; j < w; j++) {
                    row[j] -= mean[j];
                }
            }
            return mean;
        }
    }
}
