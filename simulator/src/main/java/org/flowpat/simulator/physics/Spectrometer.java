package org.flowpat.simulator.physics;

import java.util.random.RandomGenerator;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealVector;

/**
 * An inline NIR spectrometer and its calibrated model. A scan is Beer-Lambert: the sum of each component's molar
 * absorbance (path length folded in) times its concentration, plus the solvent, a random baseline offset and tilt,
 * white noise and, under window fouling, a broad film band. The calibration is a classical least squares (CLS)
 * model on the pure-component spectra plus offset and slope, so baseline changes cancel out but a fouling film,
 * which the model has never seen, biases the predictions and raises the fit residual.
 */
public final class Spectrometer {
    /** Bands as (centre nm, width σ nm, peak absorbance per mol/L); NIR overtone-like, overlapping only partly. */
    private static final double[][] BANDS_A = {{1450, 40, 1.0}, {2050, 50, 0.6}};
    private static final double[][] BANDS_B = {{1550, 45, 0.8}, {2170, 40, 0.5}};
    private static final double[][] BANDS_P = {{1680, 40, 1.2}, {1950, 60, 0.7}};
    private static final double[][] BANDS_I = {{1840, 35, 1.0}, {2260, 50, 0.6}};
    /** The solvent's own absorbance (not per mol/L). */
    private static final double[][] BANDS_SOLVENT = {{1200, 60, 0.3}, {1750, 80, 0.25}, {2320, 120, 0.6}};
    /** A deposit on the cell window: broad, centred between the product and impurity bands. */
    private static final double[][] BANDS_FOULING = {{1880, 160, 1.0}};
    private static final double BASELINE_OFFSET_SD_AU = 0.003;
    private static final double BASELINE_SLOPE_SD_AU = 0.002;

    /** What one scan yields: the spectrum, the model's concentrations and the fit residual (RMS, AU). */
    public record Scan(double[] spectrum, Composition predicted, double residualRmsAu) {
    }

    private final double[] wavelengthsNm;
    private final double[][] pure;
    private final double[] solvent;
    private final double[] fouling;
    private final double[] tilt;
    private final double noiseAu;
    private final DecompositionSolver calibration;
    private final int modelTerms;

    public Spectrometer(double startNm, double endNm, int points, double noiseAu) {
        if (points < 2 || !(endNm > startNm)) {
            throw new IllegalArgumentException("spectrometer needs at least 2 points and end > start, got " + points
                    + " points over " + startNm + ".." + endNm + " nm");
        }
        this.noiseAu = noiseAu;
        wavelengthsNm = new double[points];
        tilt = new double[points];
        for (int k = 0; k < points; k++) {
            wavelengthsNm[k] = startNm + (endNm - startNm) * k / (points - 1);
            tilt[k] = 2.0 * k / (points - 1) - 1;
        }
        pure = new double[][] {bands(BANDS_A), bands(BANDS_B), bands(BANDS_P), bands(BANDS_I)};
        solvent = bands(BANDS_SOLVENT);
        fouling = bands(BANDS_FOULING);
        // Model columns: A, B, P, I, solvent, offset, slope.
        modelTerms = 7;
        double[][] design = new double[points][modelTerms];
        for (int k = 0; k < points; k++) {
            for (int c = 0; c < 4; c++) {
                design[k][c] = pure[c][k];
            }
            design[k][4] = solvent[k];
            design[k][5] = 1;
            design[k][6] = tilt[k];
        }
        calibration = new QRDecomposition(new Array2DRowRealMatrix(design, false)).getSolver();
    }

    private double[] bands(double[][] bands) {
        double[] out = new double[wavelengthsNm.length];
        for (int k = 0; k < out.length; k++) {
            for (double[] band : bands) {
                double z = (wavelengthsNm[k] - band[0]) / band[1];
                out[k] += band[2] * Math.exp(-0.5 * z * z);
            }
        }
        return out;
    }

    /** One scan of liquid {@code cell} through a window carrying {@code foulingAu} of deposit. */
    public Scan scan(Composition cell, double foulingAu, RandomGenerator random) {
        double offset = BASELINE_OFFSET_SD_AU * random.nextGaussian();
        double slope = BASELINE_SLOPE_SD_AU * random.nextGaussian();
        double[] c = {cell.a(), cell.b(), cell.p(), cell.i()};
        double[] spectrum = new double[wavelengthsNm.length];
        for (int k = 0; k < spectrum.length; k++) {
            double x = solvent[k] + offset + slope * tilt[k] + foulingAu * fouling[k];
            for (int j = 0; j < 4; j++) {
                x += c[j] * pure[j][k];
            }
            spectrum[k] = x + noiseAu * random.nextGaussian();
        }
        RealVector measured = new ArrayRealVector(spectrum, false);
        RealVector coefficients = calibration.solve(measured);
        double[] fit = new double[spectrum.length];
        for (int k = 0; k < spectrum.length; k++) {
            double x = coefficients.getEntry(4) * solvent[k] + coefficients.getEntry(5) + coefficients.getEntry(6) * tilt[k];
            for (int j = 0; j < 4; j++) {
                x += coefficients.getEntry(j) * pure[j][k];
            }
            fit[k] = x;
        }
        double squares = 0;
        for (int k = 0; k < spectrum.length; k++) {
            double r = spectrum[k] - fit[k];
            squares += r * r;
        }
        double residualRms = Math.sqrt(squares / Math.max(1, spectrum.length - modelTerms));
        Composition predicted = new Composition(Math.max(0, coefficients.getEntry(0)), Math.max(0, coefficients.getEntry(1)),
                Math.max(0, coefficients.getEntry(2)), Math.max(0, coefficients.getEntry(3)));
        return new Scan(spectrum, predicted, residualRms);
    }

    public double[] wavelengthsNm() {
        return wavelengthsNm.clone();
    }

    public double noiseAu() {
        return noiseAu;
    }
}
