package org.flowpat.pat.chemometrics;

import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * NIPALS PLS on centred data (Wold; Geladi and Kowalski 1986). For one response it needs no
 * inner iteration. The result holds weights W, X loadings P, Y loadings C and the rotations
 * R = W(PᵀW)⁻¹ that give scores directly from an undeflated centred spectrum.
 */
record Nipals(double[][] weights, double[][] xLoadings, double[][] yLoadings, double[][] rotations) {
    private static final int MAX_ITERATIONS = 500;
    private static final double CONVERGENCE = 1e-12;

    static Nipals fit(double[][] xCentred, double[][] yCentred, int components) {
        int n = xCentred.length;
        int p = xCentred[0].length;
        int r = yCentred[0].length;
        double[][] x = PlsModel.copy(xCentred);
        double[][] y = PlsModel.copy(yCentred);
        double[][] w = new double[p][components];
        double[][] pl = new double[p][components];
        double[][] c = new double[r][components];
        double total = sumOfSquares(x);
        double[] u = new double[n];
        double[] t = new double[n];
        double[] wa = new double[p];
        double[] ca = new double[r];
        for (int a = 0; a < components; a++) {
            int start = 0;
            double best = -1;
            for (int k = 0; k < r; k++) {
                double ss = 0;
                for (double[] row : y) {
                    ss += row[k] * row[k];
                }
                if (ss > best) {
                    best = ss;
                    start = k;
                }
            }
            for (int i = 0; i < n; i++) {
                u[i] = y[i][start];
            }
            double tt = 0;
            for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
                // w = Xᵀu / ‖Xᵀu‖
                java.util.Arrays.fill(wa, 0);
                for (int i = 0; i < n; i++) {
                    double ui = u[i];
                    double[] row = x[i];
                    for (int j = 0; j < p; j++) {
                        wa[j] += row[j] * ui;
                    }
                }
                double norm = Math.sqrt(dot(wa, wa));
                if (!(norm > 0)) {
                    throw new IllegalArgumentException("PLS: latent variable " + (a + 1)
                            + " cannot be extracted: the remaining spectra carry no information about the responses");
                }
                for (int j = 0; j < p; j++) {
                    wa[j] /= norm;
                }
                double change = 0;
                tt = 0;
                for (int i = 0; i < n; i++) {
                    double ti = dot(x[i], wa);
                    change += (ti - t[i]) * (ti - t[i]);
                    t[i] = ti;
                    tt += ti * ti;
                }
                if (!(tt > 1e-20 * total)) {
                    throw new IllegalArgumentException("PLS: the spectra have rank " + a + "; cannot extract latent variable " + (a + 1));
                }
                // c = Yᵀt / tᵀt, u = Yc / cᵀc
                java.util.Arrays.fill(ca, 0);
                for (int i = 0; i < n; i++) {
                    for (int k = 0; k < r; k++) {
                        ca[k] += y[i][k] * t[i] / tt;
                    }
                }
                if (r == 1 || change <= CONVERGENCE * CONVERGENCE * tt) {
                    break;
                }
                double cc = dot(ca, ca);
                for (int i = 0; i < n; i++) {
                    u[i] = dot(y[i], ca) / cc;
                }
            }
            // p = Xᵀt / tᵀt; deflate X and Y
            for (int j = 0; j < p; j++) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += x[i][j] * t[i];
                }
                pl[j][a] = s / tt;
                w[j][a] = wa[j];
            }
            for (int k = 0; k < r; k++) {
                c[k][a] = ca[k];
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < p; j++) {
                    x[i][j] -= t[i] * pl[j][a];
                }
                for (int k = 0; k < r; k++) {
                    y[i][k] -= t[i] * ca[k];
                }
            }
        }
        RealMatrix wm = MatrixUtils.createRealMatrix(w);
        RealMatrix pw = MatrixUtils.createRealMatrix(pl).transpose().multiply(wm);
        double[][] rotations = wm.multiply(MatrixUtils.inverse(pw)).getData();
        return new Nipals(w, pl, c, rotations);
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double sumOfSquares(double[][] m) {
        double s = 0;
        for (double[] row : m) {
            s += dot(row, row);
        }
        return s;
    }
}
