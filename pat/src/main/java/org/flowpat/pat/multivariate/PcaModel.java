package org.flowpat.pat.multivariate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;

/**
 * A PCA monitoring model: centring (and optional unit-variance scaling), k retained loadings
 * with their eigenvalues, and the limits of T² (within the model) and SPE/Q (off the model).
 * Immutable; evaluate samples with a {@link PcaMonitor} (allocation-free). Array accessors
 * return copies; loadings are p × k, row j = variable j.
 */
public final class PcaModel {
    private final List<String> variables;
    private final double[] mean;
    private final double[] scale;
    /** Row-major p × k. */
    private final double[] loadings;
    private final double[] eigenvalues;
    private final double[] residualEigenvalues;
    private final int referenceSize;
    private final double alpha;
    private final double t2Limit;
    private final double speLimit;

    private PcaModel(List<String> variables, double[] mean, double[] scale, double[] loadings, double[] eigenvalues,
                     double[] residualEigenvalues, int referenceSize, double alpha) {
        this.variables = variables;
        this.mean = mean;
        this.scale = scale;
        this.loadings = loadings;
        this.eigenvalues = eigenvalues;
        this.residualEigenvalues = residualEigenvalues;
        this.referenceSize = referenceSize;
        this.alpha = alpha;
        int k = eigenvalues.length;
        int m = referenceSize;
        // phase II limit for a new observation scored against k estimated components
        this.t2Limit = k * ((double) m * m - 1) / ((double) m * (m - k)) * HotellingLimits.fQuantile(k, m - k, alpha);
        this.speLimit = JacksonMudholkar.limit(residualEigenvalues, alpha);
    }

    /**
     * Fits the model on reference data.
     *
     * @param rows       m × p reference observations (normal operation), no missing values
     * @param names      variable names or null
     * @param components k, the number of principal components retained (1 ≤ k ≤ p, k < m)
     * @param autoscale  scale every variable to unit variance (use when units differ)
     * @param alpha      false-alarm rate of both limits
     */
    public static PcaModel fit(double[][] rows, List<String> names, int components, boolean autoscale, double alpha) {
        int p = Covariances.columns(rows);
        int m = rows.length;
        List<String> vars = Covariances.names(names, p);
        HotellingLimits.check(alpha, p);
        if (components < 1 || components > p || components >= m) {
            throw new IllegalArgumentException("number of components must be between 1 and min(p, m - 1) = "
                    + Math.min(p, m - 1) + ", got " + components);
        }
        double[] mean = Covariances.mean(rows);
        double[][] cov = Covariances.sampleCovariance(rows, mean);
        double[] scale = new double[p];
        List<String> constant = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            scale[j] = autoscale ? Math.sqrt(cov[j][j]) : 1;
            if (autoscale && !(scale[j] > 0)) {
                constant.add(vars.get(j));
            }
        }
        if (!constant.isEmpty()) {
            throw new SingularCovarianceException("cannot autoscale: variable(s) " + constant + " are constant in the reference data", constant);
        }
        double[][] scaled = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                scaled[i][j] = cov[i][j] / (scale[i] * scale[j]);
            }
        }
        EigenDecomposition eigen = new EigenDecomposition(MatrixUtils.createRealMatrix(scaled));
        double[] values = eigen.getRealEigenvalues();
        Integer[] order = new Integer[p];
        for (int j = 0; j < p; j++) {
            order[j] = j;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[b], values[a]));
        double total = Arrays.stream(values).sum();
        double[] retained = new double[components];
        double[] loadings = new double[p * components];
        for (int a = 0; a < components; a++) {
            retained[a] = values[order[a]];
            if (!(retained[a] > 1e-12 * total)) {
                throw new IllegalArgumentException("component " + (a + 1) + " has zero variance: the reference data has rank "
                        + a + ", retain fewer components");
            }
            double[] v = eigen.getEigenvector(order[a]).toArray();
            // sign convention: largest-magnitude loading positive, so refits give comparable scores
            int big = 0;
            for (int j = 1; j < p; j++) {
                if (Math.abs(v[j]) > Math.abs(v[big])) {
                    big = j;
                }
            }
            double sign = v[big] < 0 ? -1 : 1;
            for (int j = 0; j < p; j++) {
                loadings[j * components + a] = sign * v[j];
            }
        }
        double[] residual = new double[p - components];
        for (int a = components; a < p; a++) {
            residual[a - components] = values[order[a]];
        }
        return new PcaModel(vars, mean, scale, loadings, retained, residual, m, alpha);
    }

    /**
     * The smallest number of components whose eigenvalues explain at least {@code fraction} of the
     * (scaled) variance of the reference data, capped at min(p, m - 1): a common first choice of k.
     */
    public static int componentsExplaining(double[][] rows, boolean autoscale, double fraction) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("explained-variance fraction must be in (0, 1], got " + fraction);
        }
        int p = Covariances.columns(rows);
        int cap = Math.min(p, rows.length - 1);
        if (cap < 1) {
            throw new IllegalArgumentException("PCA needs at least 2 observations, got " + rows.length);
        }
        PcaModel full = fit(rows, null, cap, autoscale, 0.05);
        double total = 0;
        for (double v : full.eigenvalues) {
            total += v;
        }
        for (double v : full.residualEigenvalues) {
            total += Math.max(v, 0);
        }
        double explained = 0;
        for (int a = 0; a < cap; a++) {
            explained += full.eigenvalues[a];
            if (explained >= fraction * total * (1 - 1e-12)) {
                return a + 1;
            }
        }
        return cap;
    }

    /** A fresh evaluation workspace (one per thread). */
    public PcaMonitor monitor() {
        return new PcaMonitor(this);
    }

    public List<String> variables() {
        return variables;
    }

    public int dimension() {
        return mean.length;
    }

    public int components() {
        return eigenvalues.length;
    }

    public double[] mean() {
        return mean.clone();
    }

    /** Per-variable divisors (all 1 unless autoscaled). */
    public double[] scale() {
        return scale.clone();
    }

    /** Loadings as p × k. */
    public double[][] loadings() {
        int k = eigenvalues.length;
        double[][] out = new double[mean.length][k];
        for (int j = 0; j < mean.length; j++) {
            System.arraycopy(loadings, j * k, out[j], 0, k);
        }
        return out;
    }

    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    public double[] residualEigenvalues() {
        return residualEigenvalues.clone();
    }

    /** Fraction of the (scaled) variance the retained components explain. */
    public double explainedVariance() {
        double in = Arrays.stream(eigenvalues).sum();
        return in / (in + Arrays.stream(residualEigenvalues).map(v -> Math.max(v, 0)).sum());
    }

    public int referenceSize() {
        return referenceSize;
    }

    public double alpha() {
        return alpha;
    }

    /** Phase II T² limit: k(m²-1)/(m(m-k))·F(1-α; k, m-k). */
    public double t2Limit() {
        return t2Limit;
    }

    /** Jackson-Mudholkar SPE/Q limit. */
    public double speLimit() {
        return speLimit;
    }

    double[] meanRef() {
        return mean;
    }

    double[] scaleRef() {
        return scale;
    }

    double[] loadingsRef() {
        return loadings;
    }

    double[] eigenvaluesRef() {
        return eigenvalues;
    }
}
