package org.flowpat.controller.chemometrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.flowpat.config.Plants;
import org.flowpat.config.model.AnalyzerParameters;
import org.flowpat.pat.chemometrics.PlsModel;
import org.flowpat.simulator.physics.Spectrometer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled PLS model is what the calibration makes, and it predicts spectra it has never seen. */
class NirCalibrationTest {
    /** RMSEP (mol/L) each species must beat on fresh mixtures: 0.3 % of the 0.5 mol/L of A fed. */
    static final double RMSEP_LIMIT_MOL_L = 0.0015;

    @Test
    void regeneratingTheModelReproducesTheBundledFile() throws Exception {
        AnalyzerParameters analyzer = Plants.bundled().lines().get(0).process().analyzer();
        PlsModelFile regenerated = NirCalibration.calibrate(analyzer, NirCalibration.SEED);
        String bundled = new String(Plants.openBundled("models/nir-pls.json").readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(bundled, regenerated.text(), "run NirCalibration.main to regenerate config/models/nir-pls.json");
    }

    @Test
    void theBundledModelPredictsAnIndependentValidationSetWithinTheStatedError() throws Exception {
        AnalyzerParameters analyzer = Plants.bundled().lines().get(0).process().analyzer();
        PlsModelFile file = ModelFiles.load("models/nir-pls.json");
        assertTrue(file.components() >= 4, "at least one latent variable per species: " + file.components());
        Spectrometer spectrometer = new Spectrometer(analyzer.wavelengthStartNm(), analyzer.wavelengthEndNm(),
                analyzer.points(), analyzer.noiseAbsorbance());
        // a seed the calibration never used
        NirCalibration.Mixtures fresh = NirCalibration.Mixtures.scan(spectrometer, 200, new SplittableRandom(777));
        double[] rmsep = NirCalibration.rmsep(file.model(0.01), fresh);
        for (int k = 0; k < rmsep.length; k++) {
            System.out.printf("RMSEP %s = %.5f mol/L%n", file.responses().get(k), rmsep[k]);
            assertTrue(rmsep[k] < RMSEP_LIMIT_MOL_L, file.responses().get(k) + " RMSEP " + rmsep[k]);
        }
    }

    @Test
    void limitsRecomputedAtTheCalibrationAlphaAreTheCalibrationsOwn() {
        PlsModelFile file = ModelFiles.load("models/nir-pls.json");
        PlsModel model = file.model(file.alpha());
        assertEquals(file.t2Limit(), model.t2Limit(), 1e-9 * file.t2Limit());
        assertEquals(file.qLimit(), model.qLimit(), 1e-6 * file.qLimit());
        assertTrue(file.model(0.001).qLimit() > model.qLimit(), "a smaller alpha widens the Q limit");
        assertTrue(file.model(0.001).t2Limit() > model.t2Limit(), "a smaller alpha widens the T² limit");
    }

    @Test
    void aModelFileSurvivesWritingAndReading(@TempDir Path dir) throws Exception {
        PlsModelFile file = ModelFiles.load("models/nir-pls.json");
        Path copy = dir.resolve("sub/model.json");
        file.write(copy);
        PlsModelFile read = ModelFiles.load(copy.toString());
        assertEquals(file.text(), read.text());
        assertEquals(file.model(0.01), read.model(0.01));
    }

    @Test
    void brokenModelFilesAreRefusedNamingTheFile(@TempDir Path dir) throws Exception {
        var notJson = assertThrows(IllegalArgumentException.class,
                () -> PlsModelFile.read(new ByteArrayInputStream("{\"format\": ".getBytes()), "lab/x.json"));
        assertTrue(notJson.getMessage().startsWith("PLS model file lab/x.json:"), notJson.getMessage());
        String wrongFormat = ModelFiles.load("models/nir-pls.json").text().replace("flowpat-pls/1", "other/2");
        var format = assertThrows(IllegalArgumentException.class,
                () -> PlsModelFile.read(new ByteArrayInputStream(wrongFormat.getBytes()), "lab/y.json"));
        assertTrue(format.getMessage().contains("lab/y.json") && format.getMessage().contains("other/2"), format.getMessage());
        String wrongResponses = ModelFiles.load("models/nir-pls.json").text().replace("[ \"A\", \"B\", \"P\", \"I\" ]", "[ \"A\" ]");
        var responses = assertThrows(IllegalArgumentException.class,
                () -> PlsModelFile.read(new ByteArrayInputStream(wrongResponses.getBytes()), "lab/z.json"));
        assertTrue(responses.getMessage().contains("responses"), responses.getMessage());
        var missing = assertThrows(IllegalArgumentException.class, () -> ModelFiles.load(dir.resolve("none.json").toString()));
        assertTrue(missing.getMessage().contains("none.json"), missing.getMessage());
        Files.writeString(dir.resolve("empty.json"), "");
        var empty = assertThrows(IllegalArgumentException.class, () -> ModelFiles.load(dir.resolve("empty.json").toString()));
        assertTrue(empty.getMessage().contains("empty.json"), empty.getMessage());
    }
}
