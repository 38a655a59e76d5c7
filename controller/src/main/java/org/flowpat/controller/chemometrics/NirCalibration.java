package org.flowpat.controller.chemometrics;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.flowpat.config.ConfigException;
import org.flowpat.config.Plants;
import org.flowpat.config.model.AnalyzerParameters;
import org.flowpat.pat.chemometrics.CrossValidation;
import org.flowpat.pat.chemometrics.PlsCalibration;
import org.flowpat.pat.chemometrics.PlsCrossValidation;
import org.flowpat.pat.chemometrics.PlsModel;
import org.flowpat.pat.chemometrics.Preprocessing;
import org.flowpat.simulator.physics.Composition;
import org.flowpat.simulator.physics.Spectrometer;

/**
 * Calibrates the controller's PLS model the way a lab would calibrate a real NIR: a designed set of mixtures of
 * A, B, P and I spanning (and exceeding) the operating range is scanned through the simulator's spectrometer, with
 * its noise and baseline wander; the number of latent variables is chosen by 10-fold cross-validation, and an
 * independent validation set gives the RMSEP. Deterministic for a seed. Run {@code main [FILE]} to regenerate
 * {@code config/models/nir-pls.json} from the bundled plant's analyzer.
 */
public final class NirCalibration {
    public static final List<String> RESPONSES = List.of("A", "B", "P", "I");
    /** Upper ends of the design, mol/L: the mixed feeds give A ≤ 0.5 and B ≤ 0.6 at 1:1 flows; I reaches a few %. */
    static final double[] DESIGN_MAX = {0.6, 0.8, 0.6, 0.05};
    static final int CALIBRATION_SIZE = 150;
    static final int VALIDATION_SIZE = 100;
    static final int MAX_COMPONENTS = 10;
    static final int FOLDS = 10;
    public static final long SEED = 20260522L;
    public static final double ALPHA = 0.01;

    private NirCalibration() {
    }

    public static void main(String[] args) throws ConfigException {
        Path out = Path.of(args.length > 0 ? args[0] : "config/models/nir-pls.json");
        PlsModelFile file = calibrate(Plants.bundled().lines().get(0).process().analyzer(), SEED);
        file.write(out);
        System.out.printf(Locale.ROOT, "%d latent variables; RMSECV %s; RMSEP A/B/P/I %s mol/L; written to %s%n",
                file.components(), java.util.Arrays.toString(file.crossValidation().rmsecv()),
                java.util.Arrays.toString(file.validation().rmsep()), out.toAbsolutePath());
    }

    /** Designs, scans, cross-validates, fits and validates; the result is ready to be written. */
    public static PlsModelFile calibrate(AnalyzerParameters analyzer, long seed) {
        Spectrometer spectrometer = new Spectrometer(analyzer.wavelengthStartNm(), analyzer.wavelengthEndNm(),
                analyzer.points(), analyzer.noiseAbsorbance());
        SplittableRandom random = new SplittableRandom(seed);
        Mixtures calibration = Mixtures.scan(spectrometer, CALIBRATION_SIZE, random.split());
        Mixtures validation = Mixtures.scan(spectrometer, VALIDATION_SIZE, random.split());
        CrossValidation cv = PlsCrossValidation.run(calibration.spectra, calibration.concentrations, MAX_COMPONENTS,
                FOLDS, Preprocessing.NONE, PlsCrossValidation.DEFAULT_TOLERANCE);
        PlsModel model = PlsCalibration.fit(calibration.spectra, calibration.concentrations, cv.chosen(),
                Preprocessing.NONE, ALPHA);
        double[] rmsep = rmsep(model, validation);
        String description = String.format(Locale.ROOT, "PLS2 of A, B, P, I (mol/L) on the simulated inline NIR"
                        + " (%d points, %.0f-%.0f nm, noise %.4f AU); %d designed mixtures uniform in A 0-%.2f, B 0-%.2f,"
                        + " P 0-%.2f, I 0-%.2f mol/L; %d independent validation mixtures; seed %d",
                analyzer.points(), analyzer.wavelengthStartNm(), analyzer.wavelengthEndNm(), analyzer.noiseAbsorbance(),
                CALIBRATION_SIZE, DESIGN_MAX[0], DESIGN_MAX[1], DESIGN_MAX[2], DESIGN_MAX[3], VALIDATION_SIZE, seed);
        return PlsModelFile.of(model, description, RESPONSES, "mol/L", analyzer.wavelengthStartNm(),
                analyzer.wavelengthEndNm(), PlsModelFile.residualThetas(model, calibration.spectra),
                new PlsModelFile.CrossValidationSummary(cv.folds(), cv.rmsecv(), cv.chosen()),
                new PlsModelFile.ValidationSummary(VALIDATION_SIZE, rmsep));
    }

    /** Root mean squared error of prediction per response. */
    static double[] rmsep(PlsModel model, Mixtures set) {
        int r = model.responses();
        double[] sse = new double[r];
        for (int i = 0; i < set.spectra.length; i++) {
            double[] predicted = model.predict(set.spectra[i]).values();
            for (int k = 0; k < r; k++) {
                double e = predicted[k] - set.concentrations[i][k];
                sse[k] += e * e;
            }
        }
        for (int k = 0; k < r; k++) {
            sse[k] = Math.sqrt(sse[k] / set.spectra.length);
        }
        return sse;
    }

    /** Mixtures uniform over the design box and their scanned spectra (clean window). */
    record Mixtures(double[][] spectra, double[][] concentrations) {
        static Mixtures scan(Spectrometer spectrometer, int n, SplittableRandom random) {
            double[][] spectra = new double[n][];
            double[][] c = new double[n][4];
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < 4; k++) {
                    c[i][k] = DESIGN_MAX[k] * random.nextDouble();
                }
                Composition mixture = new Composition(c[i][0], c[i][1], c[i][2], c[i][3]);
                spectra[i] = spectrometer.scan(mixture, 0, random).spectrum();
            }
            return new Mixtures(spectra, c);
        }
    }
}
