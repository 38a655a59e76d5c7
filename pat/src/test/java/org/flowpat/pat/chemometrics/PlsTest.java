package org.flowpat.pat.chemometrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.junit.jupiter.api.Test;

class PlsTest {
    private static final double NOISE = 0.002;

    @Test
    void recoversKnownConcentrationsFromBeerLambertSpectra() {
        Random random = new Random(2024);
        BeerLambert calibration = BeerLambert.generate(random, 60, NOISE);
        BeerLambert test = BeerLambert.generate(random, 40, NOISE);

        CrossValidation cv = PlsCrossValidation.run(calibration.spectra, calibration.component(0), 10, 10,
                Preprocessing.NONE, PlsCrossValidation.DEFAULT_TOLERANCE);
        // three absorbing components plus a sloped baseline: at least 3 latent variables, not all 10
        assertTrue(cv.chosen() >= 3 && cv.chosen() <= 7, "chose " + cv.chosen());
        assertTrue(cv.rmsecv(cv.chosen()) < cv.rmsecv(1) / 5, "RMSECV " + java.util.Arrays.toString(cv.rmsecv()));

        PlsModel model = PlsCalibration.fit(calibration.spectra, calibration.component(0), cv.chosen(), Preprocessing.NONE, 0.01);
        double sse = 0;
        for (int i = 0; i < 40; i++) {
            double e = model.predict(test.spectra[i]).values()[0] - test.concentrations[i][0];
            sse += e * e;
        }
        double rmsep = Math.sqrt(sse / 40);
        double range = 0.9;
        assertTrue(rmsep < 0.01 * range, "RMSEP " + rmsep);
    }

    @Test
    void pls2PredictsAllComponentsTogether() {
        Random random = new Random(7);
        BeerLambert calibration = BeerLambert.generate(random, 50, NOISE);
        BeerLambert test = BeerLambert.generate(random, 30, NOISE);
        CrossValidation cv = PlsCrossValidation.run(calibration.spectra, calibration.concentrations, 8, 5,
                Preprocessing.NONE, PlsCrossValidation.DEFAULT_TOLERANCE);
        PlsModel model = PlsCalibration.fit(calibration.spectra, calibration.concentrations, cv.chosen(), Preprocessing.NONE, 0.01);
        assertEquals(3, model.responses());
        for (int i = 0; i < 30; i++) {
            double[] predicted = model.predict(test.spectra[i]).values();
            for (int k = 0; k < 3; k++) {
                assertEquals(test.concentrations[i][k], predicted[k], 0.03, "spectrum " + i + ", component " + k);
            }
        }
    }

    @Test
    void flagsSpectraOutsideTheCalibrationSpace() {
        Random random = new Random(99);
        BeerLambert calibration = BeerLambert.generate(random, 60, NOISE);
        PlsModel model = PlsCalibration.fit(calibration.spectra, calibration.component(1), 5, Preprocessing.NONE, 0.01);

        // in-calibration spectra are mostly trusted
        BeerLambert normal = BeerLambert.generate(random, 200, NOISE);
        int flagged = 0;
        for (double[] s : normal.spectra) {
            flagged += model.predict(s).trusted() ? 0 : 1;
        }
        assertTrue(flagged <= 200 * 0.06, flagged + " of 200 normal spectra flagged");

        // an uncalibrated component: off the model plane, so Q flags it
        PlsPrediction unknown = model.predict(BeerLambert.spectrum(random, new double[] {0.5, 0.5, 0.5}, 0.3, NOISE));
        assertTrue(unknown.qExceeded(), "Q " + unknown.q() + " limit " + unknown.qLimit());
        assertFalse(unknown.trusted());

        // concentrations far beyond the calibration range: in the plane but far out, so T² flags it
        PlsPrediction extrapolated = model.predict(BeerLambert.spectrum(random, new double[] {3, 3, 3}, 0, NOISE));
        assertTrue(extrapolated.t2Exceeded(), "T² " + extrapolated.t2() + " limit " + extrapolated.t2Limit());
    }

    @Test
    void snvMakesPredictionsInsensitiveToGainAndOffset() {
        // path length (gain) and baseline offset change the raw spectrum but not its SNV transform
        Random random = new Random(5);
        BeerLambert calibration = BeerLambert.generate(random, 40, NOISE);
        PlsModel snv = PlsCalibration.fit(calibration.spectra, calibration.component(0), 4, Preprocessing.SNV, 0.01);
        PlsModel raw = PlsCalibration.fit(calibration.spectra, calibration.component(0), 4, Preprocessing.NONE, 0.01);
        double[] s = BeerLambert.spectrum(random, new double[] {0.4, 0.3, 0.8}, 0, NOISE);
        double[] distorted = new double[s.length];
        for (int w = 0; w < s.length; w++) {
            distorted[w] = 1.3 * s[w] + 0.2;
        }
        assertEquals(snv.predict(s).values()[0], snv.predict(distorted).values()[0], 1e-9);
        assertEquals(snv.predict(s).q(), snv.predict(distorted).q(), 1e-9);
        assertTrue(Math.abs(raw.predict(s).values()[0] - raw.predict(distorted).values()[0]) > 0.05);
    }

    @Test
    void withAllLatentVariablesPlsIsOrdinaryLeastSquares() {
        Random random = new Random(3);
        int n = 40;
        int p = 4;
        double[][] x = new double[n][p];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                x[i][j] = random.nextGaussian() + (j == 2 ? x[i][0] : 0);
            }
            y[i] = 1 + 2 * x[i][0] - x[i][1] + 0.5 * x[i][3] + 0.1 * random.nextGaussian();
        }
        PlsModel model = PlsCalibration.fit(x, y, p, Preprocessing.NONE, 0.05);
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.newSampleData(y, x);
        double[] beta = ols.estimateRegressionParameters();
        double[][] b = model.coefficients();
        for (int j = 0; j < p; j++) {
            assertEquals(beta[j + 1], b[j][0], 1e-9);
        }
    }

    @Test
    void predictorIsAllocationFreeAndAgreesWithPredict() {
        Random random = new Random(17);
        BeerLambert calibration = BeerLambert.generate(random, 40, NOISE);
        PlsModel model = PlsCalibration.fit(calibration.spectra, calibration.concentrations, 4, Preprocessing.SNV, 0.05);
        PlsPredictor predictor = model.predictor();
        double[] values = new double[3];
        double[] s = BeerLambert.spectrum(random, new double[] {0.3, 0.6, 0.2}, 0, NOISE);
        boolean trusted = predictor.predict(s, values);
        PlsPrediction p = model.predict(s);
        assertArrayEquals(p.values(), values, 0);
        assertEquals(p.t2(), predictor.t2(), 0);
        assertEquals(p.q(), predictor.q(), 0);
        assertEquals(p.trusted(), trusted);
        var e = assertThrows(IllegalArgumentException.class, () -> predictor.predict(new double[10], values));
        assertTrue(e.getMessage().contains("200"), e.getMessage());
    }

    @Test
    void modelRebuiltFromItsAccessorsIsEqual() {
        Random random = new Random(8);
        BeerLambert calibration = BeerLambert.generate(random, 30, NOISE);
        PlsModel model = PlsCalibration.fit(calibration.spectra, calibration.component(2), 3, Preprocessing.SNV, 0.01);
        PlsModel copy = new PlsModel(model.preprocessing(), model.xMean(), model.yMean(), model.rotations(), model.xLoadings(),
                model.coefficients(), model.scoreVariances(), model.t2Limit(), model.qLimit(), model.alpha(), model.calibrationSize());
        assertEquals(model, copy);
        // accessors hand out copies: mutating them does not change the model
        model.coefficients()[0][0] = 1e9;
        assertEquals(copy, model);
    }

    @Test
    void crossValidationIsDeterministicAndLeaveOneOutWorks() {
        Random random = new Random(12);
        BeerLambert calibration = BeerLambert.generate(random, 25, NOISE);
        CrossValidation a = PlsCrossValidation.run(calibration.spectra, calibration.component(0), 6, 25, Preprocessing.NONE, 0.02);
        CrossValidation b = PlsCrossValidation.run(calibration.spectra, calibration.component(0), 6, 25, Preprocessing.NONE, 0.02);
        assertArrayEquals(a.rmsecv(), b.rmsecv(), 0);
        assertEquals(a.chosen(), b.chosen());
        assertEquals(25, a.folds());
        // the chosen model is within tolerance of the best, and no smaller model is
        double best = java.util.Arrays.stream(a.rmsecv()).min().orElseThrow();
        assertTrue(a.rmsecv(a.chosen()) <= best * 1.02);
        for (int k = 1; k < a.chosen(); k++) {
            assertTrue(a.rmsecv(k) > best * 1.02);
        }
    }

    @Test
    void badInputIsRejectedWithItsLocation() {
        double[][] x = {{1, 2, 3}, {2, 3, 5}, {3, 1, 2}, {4, 4, 4}};
        double[] y = {1, 2, 3, 4};
        var rows = assertThrows(IllegalArgumentException.class, () -> PlsCalibration.fit(x, new double[] {1, 2}, 1, Preprocessing.NONE, 0.05));
        assertTrue(rows.getMessage().contains("4 spectra but 2"), rows.getMessage());
        var lv = assertThrows(IllegalArgumentException.class, () -> PlsCalibration.fit(x, y, 3, Preprocessing.NONE, 0.05));
        assertTrue(lv.getMessage().contains("latent variables"), lv.getMessage());
        var snv = assertThrows(IllegalArgumentException.class, () -> PlsCalibration.fit(x, y, 1, Preprocessing.SNV, 0.05));
        assertTrue(snv.getMessage().contains("spectrum 4"), snv.getMessage());
        double[][] nan = {{1, 2, 3}, {2, Double.NaN, 5}, {3, 1, 2}, {4, 4, 1}};
        var n = assertThrows(IllegalArgumentException.class, () -> PlsCalibration.fit(nan, y, 1, Preprocessing.NONE, 0.05));
        assertTrue(n.getMessage().contains("row 2, column 2"), n.getMessage());
        var constant = assertThrows(IllegalArgumentException.class, () -> PlsCalibration.fit(x, new double[] {1, 1, 1, 1}, 1, Preprocessing.NONE, 0.05));
        assertTrue(constant.getMessage().contains("constant"), constant.getMessage());
    }
}
