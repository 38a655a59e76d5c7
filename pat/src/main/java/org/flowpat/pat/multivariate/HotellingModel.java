package org.flowpat.pat.multivariate;

import java.util.List;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * A frozen Hotelling T² model: reference mean and covariance. Evaluating a sample allocates
 * nothing: T² = n·‖L⁻¹(x - mean)‖² with S = L·Lᵀ, using the packed lower triangle of L⁻¹
 * (p(p+1)/2 multiply-adds). Immutable and thread-safe; array accessors return copies.
 */
public final class HotellingModel {
    private final List<String> variables;
    private final double[] mean;
    private final double[][] covariance;
    private final double[][] inverse;
    /** Row-major packed lower triangle of L⁻¹. */
    private final double[] whitening;
    private final double determinant;
    private final int subgroupSize;
    private final int referenceSize;

    private HotellingModel(List<String> variables, double[] mean, double[][] covariance, int subgroupSize, int referenceSize) {
        this.variables = variables;
        this.mean = mean.clone();
        this.covariance = deepCopy(covariance);
        this.subgroupSize = subgroupSize;
        this.referenceSize = referenceSize;
        int p = mean.length;
        RealMatrix s = MatrixUtils.createRealMatrix(this.covariance);
        CholeskyDecomposition cholesky = new CholeskyDecomposition(s, 1e-12, 1e-300);
        this.determinant = cholesky.getDeterminant();
        this.inverse = cholesky.getSolver().getInverse().getData();
        RealMatrix lInverse = MatrixUtils.inverse(cholesky.getL());
        this.whitening = new double[p * (p + 1) / 2];
        int k = 0;
        for (int i = 0; i < p; i++) {
            for (int j = 0; j <= i; j++) {
                whitening[k++] = lInverse.getEntry(i, j);
            }
        }
    }

    /**
     * Builds a model from a reference mean and covariance.
     *
     * @param variables     variable names (null = x1..xp), used in error messages and reports
     * @param subgroupSize  1 for individuals; n when the model scores subgroup means
     * @param referenceSize m, the number of reference observations or subgroups (for limits)
     * @throws SingularCovarianceException naming constant or collinear variables
     */
    public static HotellingModel of(List<String> variables, double[] mean, double[][] covariance, int subgroupSize, int referenceSize) {
        int p = mean.length;
        if (covariance.length != p) {
            throw new IllegalArgumentException("covariance is " + covariance.length + "×?, mean has " + p + " variables");
        }
        for (double[] row : covariance) {
            if (row.length != p) {
                throw new IllegalArgumentException("covariance must be square " + p + "×" + p);
            }
        }
        if (subgroupSize < 1 || referenceSize < 1) {
            throw new IllegalArgumentException("subgroup size and reference size must be positive");
        }
        List<String> names = Covariances.names(variables, p);
        Covariances.requireInvertible(covariance, names);
        return new HotellingModel(names, mean, covariance, subgroupSize, referenceSize);
    }

    /** T² of one observation (or subgroup mean when subgroupSize > 1). No allocation. */
    public double t2(double[] x) {
        return t2(x, 0);
    }

    /** T² of the p values starting at {@code x[offset]}, for samples packed in one array. No allocation. */
    public double t2(double[] x, int offset) {
        double[] w = whitening;
        double[] mu = mean;
        int p = mu.length;
        double sum = 0;
        int k = 0;
        for (int i = 0; i < p; i++) {
            double z = 0;
            for (int j = 0; j <= i; j++) {
                z += w[k++] * (x[offset + j] - mu[j]);
            }
            sum += z * z;
        }
        return sum * subgroupSize;
    }

    /**
     * Per-variable contributions c_j = n·(x_j - mean_j)·(S⁻¹(x - mean))_j written to {@code out};
     * they sum to T². A large positive c_j marks a variable that drove the signal (a negative one
     * pulls T² down through its correlation with others). No allocation.
     */
    public void contributions(double[] x, double[] out) {
        int p = mean.length;
        for (int j = 0; j < p; j++) {
            double[] row = inverse[j];
            double s = 0;
            for (int k = 0; k < p; k++) {
                s += row[k] * (x[k] - mean[k]);
            }
            out[j] = subgroupSize * (x[j] - mean[j]) * s;
        }
    }

    /** Allocating convenience form of {@link #contributions(double[], double[])}. */
    public double[] contributions(double[] x) {
        double[] out = new double[mean.length];
        contributions(x, out);
        return out;
    }

    /** Phase II upper control limit for new observations or subgroups at false-alarm rate alpha. */
    public double phase2Limit(double alpha) {
        return subgroupSize == 1
                ? HotellingLimits.individualsPhase2(referenceSize, mean.length, alpha)
                : HotellingLimits.subgroupsPhase2(referenceSize, subgroupSize, mean.length, alpha);
    }

    public int dimension() {
        return mean.length;
    }

    public List<String> variables() {
        return variables;
    }

    public double[] mean() {
        return mean.clone();
    }

    public double[][] covariance() {
        return deepCopy(covariance);
    }

    public double[][] inverseCovariance() {
        return deepCopy(inverse);
    }

    /** det(S) of the reference covariance. */
    public double determinant() {
        return determinant;
    }

    public int subgroupSize() {
        return subgroupSize;
    }

    public int referenceSize() {
        return referenceSize;
    }

    static double[][] deepCopy(double[][] a) {
        double[][] copy = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            copy[i] = a[i].clone();
        }
        return copy;
    }
}
