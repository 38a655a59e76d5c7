package org.flowpat.pat.multivariate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.math3.linear.MatrixUtils;
import org.junit.jupiter.api.Test;

class HotellingT2Test {

    @Test
    void boilerIndividualsMatchMasonYoungAndQcc() {
        ReferenceCsv csv = ReferenceCsv.load("boiler_mason_young.csv");
        double[][] rows = csv.matrix(csv.header);

        HotellingPhase1 fit = HotellingT2.individuals(rows, csv.header, 0.001);

        assertEquals(25, rows.length);
        assertEquals(17.41705, fit.uclPhase1(), 0.5e-5);
        assertEquals(70.02943, fit.uclPhase2(), 0.5e-5);
        assertEquals(8313.241, fit.model().determinant(), 0.5e-3);
        assertEquals(fit.uclPhase2(), fit.model().phase2Limit(0.001), 1e-12);
        assertEquals(csv.header, fit.model().variables());
    }

    @Test
    void phase1IndividualT2ValuesSumToPTimesMMinusOne() {
        ReferenceCsv csv = ReferenceCsv.load("boiler_mason_young.csv");
        double[][] rows = csv.matrix(csv.header);
        double sum = sum(HotellingT2.individuals(rows, null, 0.01).t2());
        assertEquals(8 * 24, sum, 1e-9 * 8 * 24);

        // and for random data of other shapes
        Random random = new Random(7);
        for (int trial = 0; trial < 5; trial++) {
            int p = 2 + random.nextInt(6);
            int m = p + 3 + random.nextInt(30);
            double[][] data = new double[m][p];
            for (double[] row : data) {
                for (int j = 0; j < p; j++) {
                    row[j] = 100 + random.nextGaussian() * (j + 1);
                }
            }
            assertEquals(p * (m - 1.0), sum(HotellingT2.individuals(data, null, 0.01).t2()), 1e-8 * p * m);
        }
    }

    @Test
    void ryanSubgroupsMatchQccLimits() {
        ReferenceCsv csv = ReferenceCsv.load("ryan_multivar_subgroups.csv");
        Map<String, List<double[]>> groups = new LinkedHashMap<>();
        for (CSVRecord r : csv.records) {
            groups.computeIfAbsent(r.get("sample"), k -> new ArrayList<>())
                    .add(new double[] {Double.parseDouble(r.get("X1")), Double.parseDouble(r.get("X2"))});
        }
        double[][][] subgroups = groups.values().stream().map(g -> g.toArray(double[][]::new)).toArray(double[][][]::new);
        // qcc's default for mqcc: confidence level (1 - 0.0027)^p
        double alpha = 1 - Math.pow(1 - 0.0027, 2);

        HotellingPhase1 fit = HotellingT2.subgroups(subgroups, List.of("X1", "X2"), alpha);

        assertEquals(20, subgroups.length);
        assertEquals(11.03976, fit.uclPhase1(), 0.5e-5);
        assertEquals(12.20184, fit.uclPhase2(), 0.5e-5);
        assertEquals(4, fit.model().subgroupSize());
        // subgroup T² values are n·(x̄_j - x̿)ᵀS_pooled⁻¹(x̄_j - x̿), checked against a direct matrix computation
        double[] grand = fit.model().mean();
        var inverse = MatrixUtils.createRealMatrix(fit.model().inverseCovariance());
        for (int j = 0; j < 20; j++) {
            double[] d = Covariances.mean(subgroups[j]);
            for (int k = 0; k < 2; k++) {
                d[k] -= grand[k];
            }
            double expected = 4 * MatrixUtils.createRealVector(d).dotProduct(inverse.operate(MatrixUtils.createRealVector(d)));
            assertEquals(expected, fit.t2()[j], 1e-9 * (1 + expected));
        }
    }

    @Test
    void contributionsSumToT2AndPointAtTheShiftedVariable() {
        Random random = new Random(11);
        double[][] data = correlatedData(random, 200, 5);
        HotellingModel model = HotellingT2.individuals(data, null, 0.01).model();
        double[] shifted = model.mean();
        shifted[3] += 6 * Math.sqrt(model.covariance()[3][3]);

        double[] c = model.contributions(shifted);

        assertEquals(model.t2(shifted), sum(c), 1e-9 * model.t2(shifted));
        for (int j = 0; j < 5; j++) {
            if (j != 3) {
                assertTrue(c[3] > Math.abs(c[j]), "variable 4 should dominate, got " + java.util.Arrays.toString(c));
            }
        }
    }

    @Test
    void packedOffsetEvaluationEqualsArrayEvaluation() {
        Random random = new Random(5);
        double[][] data = correlatedData(random, 50, 4);
        HotellingModel model = HotellingT2.individuals(data, null, 0.05).model();
        double[] packed = new double[8];
        System.arraycopy(data[0], 0, packed, 0, 4);
        System.arraycopy(data[1], 0, packed, 4, 4);
        assertEquals(model.t2(data[1]), model.t2(packed, 4), 0);
        assertEquals(model.t2(data[0]), model.t2(packed, 0), 0);
    }

    @Test
    void t2IsExactForVariablesInVeryDifferentUnits() {
        // a pressure in Pa, a diameter in mm and a trace concentration: scales 1e3 to 1e-6
        Random random = new Random(21);
        double[][] data = new double[300][4];
        for (double[] row : data) {
            double common = random.nextGaussian();
            row[0] = 1e6 + 1e3 * (common + 0.1 * random.nextGaussian());
            row[1] = 74 + 1e-3 * (common + 0.05 * random.nextGaussian());
            row[2] = 1e-6 * random.nextGaussian();
            row[3] = 350 + 2 * common + random.nextGaussian();
        }
        HotellingModel model = HotellingT2.individuals(data, null, 0.01).model();
        var solver = new org.apache.commons.math3.linear.LUDecomposition(MatrixUtils.createRealMatrix(model.covariance())).getSolver();
        double[] mean = model.mean();
        for (int i = 0; i < 50; i++) {
            double[] d = data[i].clone();
            for (int j = 0; j < 4; j++) {
                d[j] -= mean[j];
            }
            var v = MatrixUtils.createRealVector(d);
            double direct = v.dotProduct(solver.solve(v));
            assertEquals(direct, model.t2(data[i]), 1e-9 * (1 + direct));
        }
    }

    @Test
    void constantVariableIsNamed() {
        double[][] rows = {{1, 5, 2}, {2, 5, 1}, {3, 5, 7}, {4, 5, 3}, {2, 5, 5}};
        var e = assertThrows(SingularCovarianceException.class, () -> HotellingT2.individuals(rows, List.of("flow", "temp", "pressure"), 0.01));
        assertEquals(List.of("temp"), e.variables());
        assertTrue(e.getMessage().contains("temp"), e.getMessage());
    }

    @Test
    void collinearVariablesAreNamedAndIndependentOnesAreNot() {
        Random random = new Random(3);
        double[][] rows = new double[30][4];
        for (double[] row : rows) {
            row[0] = random.nextGaussian();
            row[1] = random.nextGaussian();
            row[2] = random.nextGaussian();
            row[3] = 2 * row[0] - row[2] + 10; // a linear combination of a and c
        }
        var e = assertThrows(SingularCovarianceException.class, () -> HotellingT2.individuals(rows, List.of("a", "b", "c", "d"), 0.01));
        assertEquals(List.of("a", "c", "d"), e.variables().stream().sorted().toList());
        assertTrue(e.getMessage().contains("collinear"), e.getMessage());
    }

    @Test
    void tooFewObservationsAndBadInputAreRejectedClearly() {
        double[][] rows = {{1, 2, 3}, {2, 1, 0}, {3, 5, 1}, {0, 0, 2}};
        var e = assertThrows(IllegalArgumentException.class, () -> HotellingT2.individuals(rows, null, 0.01));
        assertTrue(e.getMessage().contains("m > p + 1"), e.getMessage());
        var ragged = assertThrows(IllegalArgumentException.class, () -> HotellingT2.individuals(new double[][] {{1, 2}, {1}}, null, 0.01));
        assertTrue(ragged.getMessage().contains("observation 2"), ragged.getMessage());
        var nan = assertThrows(IllegalArgumentException.class, () -> HotellingT2.individuals(new double[][] {{1, 2}, {1, Double.NaN}}, null, 0.01));
        assertTrue(nan.getMessage().contains("variable 2"), nan.getMessage());
        assertThrows(IllegalArgumentException.class, () -> HotellingLimits.individualsPhase2(20, 3, 1.5));
    }

    @Test
    void phase2LimitGivesTheNominalFalseAlarmRateOnFreshData() {
        // Simulation property: for Gaussian data the phase II limit is exceeded with probability alpha
        // (averaged over reference samples). 400 references × 250 new points, bounded.
        Random random = new Random(42);
        int p = 3;
        int m = 30;
        double alpha = 0.05;
        int alarms = 0;
        int total = 0;
        for (int ref = 0; ref < 400; ref++) {
            double[][] reference = new double[m][p];
            for (double[] row : reference) {
                fillGaussian(random, row);
            }
            HotellingModel model = HotellingT2.individuals(reference, null, alpha).model();
            double ucl = model.phase2Limit(alpha);
            double[] x = new double[p];
            for (int i = 0; i < 250; i++) {
                fillGaussian(random, x);
                if (model.t2(x) > ucl) {
                    alarms++;
                }
                total++;
            }
        }
        double rate = (double) alarms / total;
        assertEquals(alpha, rate, 0.006, "observed false-alarm rate " + rate);
    }

    static double[][] correlatedData(Random random, int m, int p) {
        double[][] data = new double[m][p];
        for (double[] row : data) {
            double common = random.nextGaussian();
            for (int j = 0; j < p; j++) {
                row[j] = 50 + 3 * common + (j + 1) * random.nextGaussian();
            }
        }
        return data;
    }

    private static void fillGaussian(Random random, double[] x) {
        for (int j = 0; j < x.length; j++) {
            x[j] = random.nextGaussian();
        }
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }
}
