package org.flowpat.pat.multivariate;

import java.util.List;

/** Phase I Hotelling T² analyses: estimate the model from reference data and score it. */
public final class HotellingT2 {
    private HotellingT2() {
    }

    /**
     * Individuals (subgroup size 1): mean and sample covariance of the m rows; T²_i =
     * (x_i - x̄)ᵀS⁻¹(x_i - x̄), which sum to p(m-1).
     *
     * @param rows  m × p observations, no missing values
     * @param names variable names or null
     */
    public static HotellingPhase1 individuals(double[][] rows, List<String> names, double alpha) {
        int p = Covariances.columns(rows);
        int m = rows.length;
        // limits first: with m ≤ p + 1 the covariance is singular anyway, and this message says why
        double uclPhase1 = HotellingLimits.individualsPhase1(m, p, alpha);
        double uclPhase2 = HotellingLimits.individualsPhase2(m, p, alpha);
        double[] mean = Covariances.mean(rows);
        HotellingModel model = HotellingModel.of(names, mean, Covariances.sampleCovariance(rows, mean), 1, m);
        double[] t2 = new double[m];
        for (int i = 0; i < m; i++) {
            t2[i] = model.t2(rows[i]);
        }
        return new HotellingPhase1(model, t2, uclPhase1, uclPhase2, alpha);
    }

    /**
     * Subgroups of equal size n ≥ 2: grand mean of subgroup means and pooled within-subgroup
     * covariance S; T²_j = n(x̄_j - x̿)ᵀS⁻¹(x̄_j - x̿) (Montgomery; qcc {@code mqcc}).
     *
     * @param subgroups m subgroups, each n × p
     */
    public static HotellingPhase1 subgroups(double[][][] subgroups, List<String> names, double alpha) {
        if (subgroups == null || subgroups.length == 0) {
            throw new IllegalArgumentException("no subgroups");
        }
        int m = subgroups.length;
        int n = subgroups[0].length;
        int p = Covariances.columns(subgroups[0]);
        double[][] means = new double[m][];
        for (int j = 0; j < m; j++) {
            if (subgroups[j].length != n) {
                throw new IllegalArgumentException("T² for subgroups needs equal subgroup sizes: subgroup " + (j + 1)
                        + " has " + subgroups[j].length + " observations, subgroup 1 has " + n);
            }
            if (Covariances.columns(subgroups[j]) != p) {
                throw new IllegalArgumentException("subgroup " + (j + 1) + " has " + subgroups[j][0].length
                        + " variables, expected " + p);
            }
            means[j] = Covariances.mean(subgroups[j]);
        }
        double uclPhase1 = HotellingLimits.subgroupsPhase1(m, n, p, alpha);
        double uclPhase2 = HotellingLimits.subgroupsPhase2(m, n, p, alpha);
        HotellingModel model = HotellingModel.of(names, Covariances.mean(means), Covariances.pooledWithin(subgroups), n, m);
        double[] t2 = new double[m];
        for (int j = 0; j < m; j++) {
            t2[j] = model.t2(means[j]);
        }
        return new HotellingPhase1(model, t2, uclPhase1, uclPhase2, alpha);
    }
}
