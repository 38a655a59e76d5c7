package org.flowpat.pat.multivariate;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The Jackson-Mudholkar (1979) upper limit of the squared prediction error Q = ‖residual‖²,
 * from the eigenvalues left out of the model: θ_i = Σ λ_j^i (j beyond the retained components).
 */
public final class JacksonMudholkar {
    private JacksonMudholkar() {
    }

    /** Q_α = θ1·[c_α·√(2θ2h0²)/θ1 + 1 + θ2·h0·(h0-1)/θ1²]^(1/h0), h0 = 1 - 2θ1θ3/(3θ2²). */
    public static double limit(double theta1, double theta2, double theta3, double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
        }
        if (!(theta1 > 0) || !(theta2 > 0)) {
            return 0; // nothing left outside the model: any residual is beyond the limit
        }
        double h0 = 1 - 2 * theta1 * theta3 / (3 * theta2 * theta2);
        double c = new NormalDistribution(null, 0, 1).inverseCumulativeProbability(1 - alpha);
        double base = c * Math.sqrt(2 * theta2 * h0 * h0) / theta1 + 1 + theta2 * h0 * (h0 - 1) / (theta1 * theta1);
        return theta1 * Math.pow(base, 1 / h0);
    }

    /** The limit from the residual eigenvalues themselves (those not retained). */
    public static double limit(double[] residualEigenvalues, double alpha) {
        double t1 = 0;
        double t2 = 0;
        double t3 = 0;
        for (double v : residualEigenvalues) {
            double l = Math.max(v, 0); // round-off can make null eigenvalues slightly negative
            t1 += l;
            t2 += l * l;
            t3 += l * l * l;
        }
        return limit(t1, t2, t3, alpha);
    }
}
