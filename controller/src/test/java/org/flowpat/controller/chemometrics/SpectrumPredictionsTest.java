package org.flowpat.controller.chemometrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.flowpat.config.Plants;
import org.flowpat.config.scenario.Scenarios;
import org.flowpat.controller.api.PatPrediction;
import org.flowpat.controller.api.Quality;
import org.flowpat.controller.api.SpectrumSample;
import org.flowpat.controller.multivariate.SimulatedRun;
import org.flowpat.simulator.physics.Composition;
import org.junit.jupiter.api.Test;

/** The controller's PLS predictions against the simulator's ground truth, and its outside-the-model flag. */
class SpectrumPredictionsTest {
    /** Largest error of any species on any scan of a run, mol/L (about 5 σ of the validation RMSEP). */
    static final double MAX_ERROR_MOL_L = 0.004;
    /** RMS error of the predicted impurity over a run, % points (of 0.5-1 % impurity). */
    static final double IMPURITY_RMSE_PCT = 0.2;

    private static SpectrumPredictions predictions() {
        return new SpectrumPredictions("L1", "AT1.spectrum", ModelFiles.load("models/nir-pls.json"), 0.01);
    }

    @Test
    void predictionsFollowTheTrueCompositionOfTheAnalyzerCellOverANominalRun() throws Exception {
        SpectrumPredictions p = predictions();
        SimulatedRun run = new SimulatedRun(Plants.bundled(), Scenarios.bundled("nominal"), 3, List.of());
        double maxError = 0;
        double impuritySse = 0;
        int compared = 0;
        int outside = 0;
        for (int s = 0; s < 40 * 60; s++) {
            run.step();
            SpectrumSample spectrum = run.spectrum();
            if (spectrum == null) {
                continue;
            }
            PatPrediction prediction = p.accept(spectrum).orElseThrow();
            Composition truth = run.truth().analyzerCell();
            if (truth.aDerived() < 0.05 || run.timeS() < 600) {
                continue; // start-up: the cell still fills with A-derived material
            }
            compared++;
            outside += prediction.outsideModel() ? 1 : 0;
            double[] expected = {truth.a(), truth.b(), truth.p(), truth.i()};
            int k = 0;
            for (double v : prediction.concentrations().values()) {
                maxError = Math.max(maxError, Math.abs(v - expected[k++]));
            }
            double e = prediction.cqas().get("impurity") - truth.impurityPct();
            impuritySse += e * e;
        }
        double impurityRmse = Math.sqrt(impuritySse / compared);
        System.out.printf("nominal: %d scans, max concentration error %.5f mol/L, impurity RMSE %.3f %%, %d outside the model%n",
                compared, maxError, impurityRmse, outside);
        assertTrue(compared > 300, "compared " + compared + " scans");
        assertTrue(maxError < MAX_ERROR_MOL_L, "max error " + maxError);
        assertTrue(impurityRmse < IMPURITY_RMSE_PCT, "impurity RMSE " + impurityRmse);
        assertTrue(outside <= 0.05 * compared, "outside the model: " + outside + " of " + compared);
        assertEquals(0, p.excludedBad(), "no Bad spectra in a nominal run");
    }

    @Test
    void aSpectrumWithAnUnknownComponentOrACurvedBaselineIsOutsideTheModel() throws Exception {
        SpectrumPredictions p = predictions();
        SimulatedRun run = new SimulatedRun(Plants.bundled(), Scenarios.bundled("nominal"), 1, List.of());
        SpectrumSample clean = null;
        while (run.timeS() < 1200 || run.spectrum() == null) {
            run.step();
            clean = run.spectrum() == null ? clean : run.spectrum();
        }
        PatPrediction normal = p.accept(clean).orElseThrow();
        assertFalse(normal.outsideModel(), "a normal spectrum: T² " + normal.t2() + ", Q " + normal.q() + " vs " + normal.qLimit());
        double[] x = clean.values();
        int n = x.length;
        double[] unknown = x.clone();
        double[] curved = x.clone();
        for (int j = 0; j < n; j++) {
            double nm = 1100 + 1200.0 * j / (n - 1);
            unknown[j] += 0.03 * Math.exp(-0.5 * Math.pow((nm - 1300) / 30, 2)); // a band no species has
            double u = 2.0 * j / (n - 1) - 1;
            curved[j] += 0.02 * u * u; // a curved baseline (scattering), unlike the offset and tilt calibrated for
        }
        for (double[] spectrum : List.of(unknown, curved)) {
            PatPrediction flagged = p.accept(new SpectrumSample("L1", "AT1.spectrum", spectrum, 1, 1, Quality.GOOD_CODE)).orElseThrow();
            assertTrue(flagged.qExceeded() && flagged.outsideModel(),
                    "Q " + flagged.q() + " above its limit " + flagged.qLimit() + " (normal spectrum: " + normal.q() + ")");
        }
    }

    @Test
    void aFilmOnTheAnalyzerWindowTakesTheSpectraOutsideTheModelBeforeTheAnalyzerNotices() throws Exception {
        SpectrumPredictions p = predictions();
        var scenario = Scenarios.bundled("analyzer-drift");
        SimulatedRun run = new SimulatedRun(Plants.bundled(), scenario, 1, List.of());
        double faultS = scenario.faults().get(0).startS();
        double fullS = faultS + 600; // the film has ramped in
        double endS = faultS + scenario.faults().get(0).durationS();
        int before = 0;
        int beforeOutside = 0;
        int full = 0;
        int fullOutside = 0;
        double firstFlaggedS = Double.NaN;
        double firstUncertainS = Double.NaN;
        while (run.timeS() < endS) {
            run.step();
            SpectrumSample spectrum = run.spectrum();
            if (spectrum == null || run.timeS() < 900) {
                continue;
            }
            PatPrediction r = p.accept(spectrum).orElseThrow();
            if (run.timeS() < faultS) {
                before++;
                beforeOutside += r.outsideModel() ? 1 : 0;
                continue;
            }
            if (r.outsideModel() && Double.isNaN(firstFlaggedS)) {
                firstFlaggedS = run.timeS();
            }
            if (spectrum.quality() != Quality.GOOD && Double.isNaN(firstUncertainS)) {
                firstUncertainS = run.timeS();
            }
            if (run.timeS() >= fullS) {
                full++;
                fullOutside += r.outsideModel() ? 1 : 0;
            }
        }
        System.out.printf("window film: outside the model %d of %d scans before, %d of %d with the full film;"
                        + " first flagged %+.0f s after onset, analyzer Uncertain %+.0f s%n",
                beforeOutside, before, fullOutside, full, firstFlaggedS - faultS, firstUncertainS - faultS);
        assertTrue(beforeOutside <= 0.05 * before, beforeOutside + " of " + before);
        assertTrue(fullOutside >= 0.9 * full, fullOutside + " of " + full);
        assertTrue(Double.isNaN(firstUncertainS) || firstFlaggedS < firstUncertainS,
                "flagged at " + firstFlaggedS + " s, analyzer Uncertain at " + firstUncertainS + " s");
    }

    @Test
    void badAndEmptySpectraAreExcludedAndCounted() {
        SpectrumPredictions p = predictions();
        double[] any = new double[256];
        assertTrue(p.accept(new SpectrumSample("L1", "AT1.spectrum", any, 1, 1, Quality.BAD_CODE)).isEmpty());
        assertTrue(p.accept(new SpectrumSample("L1", "AT1.spectrum", new double[0], 2, 2, Quality.GOOD_CODE)).isEmpty());
        assertTrue(p.accept(new SpectrumSample("L1", "AT1.spectrum", new double[100], 3, 3, Quality.GOOD_CODE)).isEmpty());
        assertTrue(p.accept(new SpectrumSample("L2", "AT1.spectrum", any, 4, 4, Quality.GOOD_CODE)).isEmpty());
        assertEquals(2, p.excludedBad());
        assertEquals(1, p.wrongLength());
        PatPrediction next = p.accept(new SpectrumSample("L1", "AT1.spectrum", any, 5, 5, Quality.UNCERTAIN_CODE)).orElseThrow();
        assertEquals(2, next.excludedBad(), "the count travels with the next prediction");
        assertEquals(1, next.predicted());
        assertEquals(Quality.UNCERTAIN, next.quality());
    }
}
