package org.flowpat.pat.multivariate;

/**
 * Reusable, allocation-free evaluation of samples against a {@link PcaModel}. Not thread-safe:
 * keep one per thread. Call {@link #evaluate(double[])}, then read T², SPE and contributions.
 */
public final class PcaMonitor {
    private final PcaModel model;
    private final double[] mean;
    private final double[] scale;
    private final double[] loadings;
    private final double[] eigenvalues;
    private final double[] scaled;
    private final double[] scores;
    private final double[] residual;
    private double t2;
    private double spe;

    PcaMonitor(PcaModel model) {
        this.model = model;
        this.mean = model.meanRef();
        this.scale = model.scaleRef();
        this.loadings = model.loadingsRef();
        this.eigenvalues = model.eigenvaluesRef();
        this.scaled = new double[mean.length];
        this.scores = new double[eigenvalues.length];
        this.residual = new double[mean.length];
    }

    /** Scores x; afterwards {@link #t2()}, {@link #spe()} and the contributions refer to x. */
    public void evaluate(double[] x) {
        int p = mean.length;
        int k = eigenvalues.length;
        if (x.length != p) {
            throw new IllegalArgumentException("sample has " + x.length + " values, the model has " + p + " variables");
        }
        for (int a = 0; a < k; a++) {
            scores[a] = 0;
        }
        for (int j = 0; j < p; j++) {
            double v = (x[j] - mean[j]) / scale[j];
            scaled[j] = v;
            int row = j * k;
            for (int a = 0; a < k; a++) {
                scores[a] += v * loadings[row + a];
            }
        }
        double t = 0;
        for (int a = 0; a < k; a++) {
            t += scores[a] * scores[a] / eigenvalues[a];
        }
        double q = 0;
        for (int j = 0; j < p; j++) {
            double fitted = 0;
            int row = j * k;
            for (int a = 0; a < k; a++) {
                fitted += scores[a] * loadings[row + a];
            }
            residual[j] = scaled[j] - fitted;
            q += residual[j] * residual[j];
        }
        t2 = t;
        spe = q;
    }

    public double t2() {
        return t2;
    }

    /** Squared prediction error Q = ‖x̃ - P·Pᵀx̃‖² in scaled units. */
    public double spe() {
        return spe;
    }

    public boolean t2Alarm() {
        return t2 > model.t2Limit();
    }

    public boolean speAlarm() {
        return spe > model.speLimit();
    }

    /** Score on component a (0-based). */
    public double score(int a) {
        return scores[a];
    }

    /** T² contributions c_j = x̃_j·Σ_a t_a·P_ja/λ_a (they sum to T²). */
    public void t2Contributions(double[] out) {
        int k = eigenvalues.length;
        for (int j = 0; j < mean.length; j++) {
            double s = 0;
            int row = j * k;
            for (int a = 0; a < k; a++) {
                s += scores[a] * loadings[row + a] / eigenvalues[a];
            }
            out[j] = scaled[j] * s;
        }
    }

    /** SPE contributions e_j² (they sum to SPE). */
    public void speContributions(double[] out) {
        for (int j = 0; j < mean.length; j++) {
            out[j] = residual[j] * residual[j];
        }
    }

    public PcaModel model() {
        return model;
    }
}
