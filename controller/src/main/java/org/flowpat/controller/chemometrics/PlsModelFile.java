package org.flowpat.controller.chemometrics;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.math3.distribution.FDistribution;
import org.flowpat.pat.chemometrics.PlsModel;
import org.flowpat.pat.chemometrics.Preprocessing;
import org.flowpat.pat.multivariate.JacksonMudholkar;

/**
 * A PLS model as a JSON file: the {@link PlsModel} arrays, the responses it predicts, the wavelength axis it
 * expects, and how it was made (calibration design, cross-validation, independent validation). Besides the limits
 * at the calibration's alpha it keeps the calibration residuals' θ1..θ3 and the set size, so the T² and Q limits can
 * be recomputed at any false-alarm rate.
 *
 * @param format        {@link #FORMAT}
 * @param description   what the model is and how it was made, for people
 * @param responses     the predicted quantities in model order (e.g. A, B, P, I)
 * @param unit          unit of every response (e.g. mol/L)
 * @param wavelengthStartNm first wavelength point
 * @param wavelengthEndNm   last wavelength point
 * @param qTheta        θ1, θ2, θ3 of the calibration residual covariance (Jackson-Mudholkar)
 * @param crossValidation RMSECV per number of latent variables and the number chosen
 * @param validation    RMSEP per response on an independent validation set
 */
public record PlsModelFile(String format, String description, List<String> responses, String unit,
                           double wavelengthStartNm, double wavelengthEndNm, Preprocessing preprocessing,
                           double[] xMean, double[] yMean, double[][] rotations, double[][] xLoadings,
                           double[][] coefficients, double[] scoreVariances, int calibrationSize, double alpha,
                           double t2Limit, double qLimit, double[] qTheta, CrossValidationSummary crossValidation,
                           ValidationSummary validation) {
    public static final String FORMAT = "flowpat-pls/1";

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** How the number of latent variables was chosen. */
    public record CrossValidationSummary(int folds, double[] rmsecv, int chosen) {
    }

    /** Root mean squared error of prediction per response on {@code samples} spectra not used in calibration. */
    public record ValidationSummary(int samples, double[] rmsep) {
    }

    /** The file form of a fitted model; {@code qTheta} from {@link #residualThetas}. */
    public static PlsModelFile of(PlsModel m, String description, List<String> responses, String unit,
                                  double wavelengthStartNm, double wavelengthEndNm, double[] qTheta,
                                  CrossValidationSummary cv, ValidationSummary validation) {
        return new PlsModelFile(FORMAT, description, List.copyOf(responses), unit, wavelengthStartNm, wavelengthEndNm,
                m.preprocessing(), m.xMean(), m.yMean(), m.rotations(), m.xLoadings(), m.coefficients(),
                m.scoreVariances(), m.calibrationSize(), m.alpha(), m.t2Limit(), m.qLimit(), qTheta.clone(), cv,
                validation);
    }

    public int points() {
        return xMean.length;
    }

    public int components() {
        return scoreVariances.length;
    }

    /** The model with its T² and Q limits at false-alarm rate {@code alpha} (which may differ from the file's). */
    public PlsModel model(double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("PLS model: alpha must be in (0, 1), got " + alpha);
        }
        return new PlsModel(preprocessing, xMean, yMean, rotations, xLoadings, coefficients, scoreVariances,
                t2Limit(components(), calibrationSize, alpha),
                JacksonMudholkar.limit(qTheta[0], qTheta[1], qTheta[2], alpha), alpha, calibrationSize);
    }

    /** Phase II T² limit of a new spectrum scored on A latent variables fitted on n spectra (as {@code PlsCalibration}). */
    static double t2Limit(int a, int n, double alpha) {
        return a * ((double) n * n - 1) / ((double) n * (n - a))
                * new FDistribution(null, a, n - a, 1e-13).inverseCumulativeProbability(1 - alpha);
    }

    /**
     * θ_i = trace(Sⁱ) of the residual covariance S = EᵀE/(n-1) of the calibration spectra off the model plane, through
     * the n × n Gram matrix (the same non-zero eigenvalues).
     */
    public static double[] residualThetas(PlsModel model, double[][] spectra) {
        int n = spectra.length;
        double[][] e = new double[n][];
        for (int i = 0; i < n; i++) {
            e[i] = residual(model, spectra[i]);
        }
        double[][] g = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = i; k < n; k++) {
                double s = 0;
                for (int j = 0; j < e[i].length; j++) {
                    s += e[i][j] * e[k][j];
                }
                g[i][k] = s / (n - 1);
                g[k][i] = g[i][k];
            }
        }
        double t1 = 0;
        double t2 = 0;
        double t3 = 0;
        for (int i = 0; i < n; i++) {
            t1 += g[i][i];
            for (int k = 0; k < n; k++) {
                t2 += g[i][k] * g[k][i];
                double gik = g[i][k];
                if (gik != 0) {
                    for (int l = 0; l < n; l++) {
                        t3 += gik * g[k][l] * g[l][i];
                    }
                }
            }
        }
        return new double[] {t1, t2, t3};
    }

    private static double[] residual(PlsModel model, double[] spectrum) {
        int p = model.wavelengths();
        int a = model.components();
        double[] x = new double[p];
        model.preprocessing().apply(spectrum, x);
        double[] mean = model.xMean();
        double[][] rot = model.rotations();
        double[][] load = model.xLoadings();
        for (int j = 0; j < p; j++) {
            x[j] -= mean[j];
        }
        double[] t = new double[a];
        for (int j = 0; j < p; j++) {
            for (int k = 0; k < a; k++) {
                t[k] += x[j] * rot[j][k];
            }
        }
        for (int j = 0; j < p; j++) {
            for (int k = 0; k < a; k++) {
                x[j] -= t[k] * load[j][k];
            }
        }
        return x;
    }

    public void write(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, text());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the PLS model file " + file, e);
        }
    }

    /** The JSON text, pretty-printed, with a final newline (what {@link #write} writes). */
    public String text() {
        try {
            return JSON.writeValueAsString(this) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads and checks a model file; {@code origin} names it in errors.
     *
     * @throws IllegalArgumentException naming the origin when the JSON is malformed or inconsistent
     */
    public static PlsModelFile read(InputStream in, String origin) {
        PlsModelFile f;
        try {
            f = JSON.readValue(in, PlsModelFile.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("PLS model file " + origin + ": " + e.getMessage(), e);
        }
        f.check(origin);
        return f;
    }

    private void check(String origin) {
        String problem = null;
        if (!FORMAT.equals(format)) {
            problem = "format is '" + format + "', expected '" + FORMAT + "'";
        } else if (xMean == null || yMean == null || scoreVariances == null || qTheta == null || qTheta.length != 3) {
            problem = "xMean, yMean, scoreVariances and qTheta (3 values) are required";
        } else if (responses == null || responses.size() != yMean.length) {
            problem = "responses name " + (responses == null ? 0 : responses.size()) + " quantities but yMean has "
                    + yMean.length;
        } else if (preprocessing == null) {
            problem = "preprocessing is required (NONE or SNV)";
        }
        if (problem == null) {
            try {
                model(alpha);
            } catch (RuntimeException e) {
                problem = e.getMessage();
            }
        }
        if (problem != null) {
            throw new IllegalArgumentException("PLS model file " + origin + ": " + problem);
        }
    }
}
