package org.flowpat.pat.multivariate;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;

/** Means, sample and pooled covariances, and the invertibility check shared by the multivariate models. */
public final class Covariances {
    /** A correlation-matrix eigenvalue below this counts as zero: the variables are linearly dependent. */
    static final double COLLINEARITY_TOLERANCE = 1e-10;
    /** An eigenvector component at least this large marks a variable as part of a dependency. */
    private static final double INVOLVEMENT = 0.05;

    private Covariances() {
    }

    /** Column means of {@code rows} (m × p, no missing values). */
    public static double[] mean(double[][] rows) {
        int p = columns(rows);
        double[] mean = new double[p];
        for (double[] row : rows) {
            for (int j = 0; j < p; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < p; j++) {
            mean[j] /= rows.length;
        }
        return mean;
    }

    /** Sample covariance (divisor m - 1) of {@code rows} about {@code mean}. */
    public static double[][] sampleCovariance(double[][] rows, double[] mean) {
        int p = mean.length;
        if (rows.length < 2) {
            throw new IllegalArgumentException("covariance needs at least 2 observations, got " + rows.length);
        }
        double[][] cov = new double[p][p];
        for (double[] row : rows) {
            for (int i = 0; i < p; i++) {
                double di = row[i] - mean[i];
                for (int j = 0; j <= i; j++) {
                    cov[i][j] += di * (row[j] - mean[j]);
                }
            }
        }
        for (int i = 0; i < p; i++) {
            for (int j = 0; j <= i; j++) {
                cov[i][j] /= rows.length - 1;
                cov[j][i] = cov[i][j];
            }
        }
        return cov;
    }

    /**
     * Pooled within-subgroup covariance: the average of the subgroups' sample covariances
     * weighted by their degrees of freedom (Montgomery; qcc's mqcc for equal sizes).
     */
    public static double[][] pooledWithin(double[][][] subgroups) {
        int p = columns(subgroups[0]);
        double[][] pooled = new double[p][p];
        int dof = 0;
        for (double[][] group : subgroups) {
            if (group.length < 2) {
                throw new IllegalArgumentException("each subgroup needs at least 2 observations for a within-subgroup covariance");
            }
            double[][] cov = sampleCovariance(group, mean(group));
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < p; j++) {
                    pooled[i][j] += cov[i][j] * (group.length - 1);
                }
            }
            dof += group.length - 1;
        }
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                pooled[i][j] /= dof;
            }
        }
        return pooled;
    }

    /**
     * Throws {@link SingularCovarianceException} naming the constant or collinear variables when
     * {@code cov} is not safely invertible. The test runs on the correlation matrix so it does not
     * depend on the variables' units.
     */
    public static void requireInvertible(double[][] cov, List<String> names) {
        int p = cov.length;
        List<String> constant = new ArrayList<>();
        double[] sd = new double[p];
        for (int j = 0; j < p; j++) {
            sd[j] = Math.sqrt(cov[j][j]);
            if (!(cov[j][j] > 0) || !Double.isFinite(cov[j][j])) {
                constant.add(names.get(j));
            }
        }
        if (!constant.isEmpty()) {
            throw new SingularCovarianceException("covariance matrix is singular: variable(s) " + constant
                    + " have zero or undefined variance (constant in the reference data)", constant);
        }
        RealMatrix corr = MatrixUtils.createRealMatrix(p, p);
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                corr.setEntry(i, j, cov[i][j] / (sd[i] * sd[j]));
            }
        }
        EigenDecomposition eigen = new EigenDecomposition(corr);
        double[] values = eigen.getRealEigenvalues();
        List<String> involved = new ArrayList<>();
        double smallest = Double.POSITIVE_INFINITY;
        for (int k = 0; k < p; k++) {
            smallest = Math.min(smallest, values[k]);
            if (values[k] < COLLINEARITY_TOLERANCE) {
                double[] v = eigen.getEigenvector(k).toArray();
                for (int j = 0; j < p; j++) {
                    if (Math.abs(v[j]) >= INVOLVEMENT && !involved.contains(names.get(j))) {
                        involved.add(names.get(j));
                    }
                }
            }
        }
        if (!involved.isEmpty()) {
            throw new SingularCovarianceException("covariance matrix is singular: variables " + involved
                    + " are collinear (a linear combination of them is constant; smallest correlation eigenvalue "
                    + String.format(java.util.Locale.ROOT, "%.3g", smallest) + ")", involved);
        }
    }

    /** Default variable names x1..xp when the caller gives none; otherwise checks the count. */
    public static List<String> names(List<String> names, int p) {
        if (names == null) {
            List<String> generated = new ArrayList<>(p);
            for (int j = 1; j <= p; j++) {
                generated.add("x" + j);
            }
            return List.copyOf(generated);
        }
        if (names.size() != p) {
            throw new IllegalArgumentException("expected " + p + " variable names, got " + names.size() + ": " + names);
        }
        return List.copyOf(names);
    }

    /** The common row length, rejecting ragged or empty data and non-finite values. */
    static int columns(double[][] rows) {
        if (rows == null || rows.length == 0) {
            throw new IllegalArgumentException("no observations");
        }
        int p = rows[0].length;
        if (p == 0) {
            throw new IllegalArgumentException("observations have no variables");
        }
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != p) {
                throw new IllegalArgumentException("observation " + (i + 1) + " has " + rows[i].length
                        + " values, expected " + p);
            }
            for (int j = 0; j < p; j++) {
                if (!Double.isFinite(rows[i][j])) {
                    throw new IllegalArgumentException("observation " + (i + 1) + ", variable " + (j + 1)
                            + " is not a finite number: " + rows[i][j]);
                }
            }
        }
        return p;
    }
}
