package org.flowpat.simulator.physics;

import java.util.random.RandomGenerator;
import org.flowpat.config.model.AnalyzerParameters;
import org.flowpat.simulator.model.Quality;

/**
 * The inline PAT analyzer: its flow cell lags the stream (first order), it scans every few seconds and reports
 * the calibrated model's concentrations and CQAs with its own status: Bad when it drops out, Uncertain when the
 * cell holds (almost) no A-derived material to ratio or when the spectrum fits the model poorly.
 */
public final class Analyzer {
    /** Less A-derived material than this (mol/L) in the cell: ratios are not trustworthy (e.g. start-up solvent). */
    static final double MIN_A_DERIVED_FOR_GOOD_MOL_L = 0.05;
    /** A fit residual above this multiple of the spectral noise means the spectrum is outside the calibration. */
    static final double MAX_RESIDUAL_NOISE_RATIO = 3.0;

    private final Spectrometer spectrometer;
    private final double intervalS;
    private final FirstOrderLag a;
    private final FirstOrderLag b;
    private final FirstOrderLag p;
    private final FirstOrderLag i;
    private double nextScanS;
    private Spectrometer.Scan last;
    private double lastScanS = 0;
    private Quality quality = Quality.UNCERTAIN;

    public Analyzer(AnalyzerParameters parameters) {
        this.spectrometer = new Spectrometer(parameters.wavelengthStartNm(), parameters.wavelengthEndNm(),
                parameters.points(), parameters.noiseAbsorbance());
        this.intervalS = parameters.intervalS();
        this.a = new FirstOrderLag(parameters.lagS(), 0);
        this.b = new FirstOrderLag(parameters.lagS(), 0);
        this.p = new FirstOrderLag(parameters.lagS(), 0);
        this.i = new FirstOrderLag(parameters.lagS(), 0);
        this.last = new Spectrometer.Scan(new double[parameters.points()], Composition.SOLVENT, 0);
        this.nextScanS = intervalS;
    }

    /**
     * Lets the cell follow the stream for {@code dtS} and scans if a scan is due by {@code nowS}; returns
     * whether a new scan was taken. A dropped-out analyzer takes no scans and reports Bad.
     */
    public boolean step(double dtS, double nowS, Composition stream, double foulingAu, boolean droppedOut,
                        RandomGenerator random) {
        a.step(stream.a(), dtS);
        b.step(stream.b(), dtS);
        p.step(stream.p(), dtS);
        i.step(stream.i(), dtS);
        if (nowS + 1e-9 < nextScanS) {
            if (droppedOut) {
                quality = Quality.BAD;
            }
            return false;
        }
        while (nextScanS <= nowS + 1e-9) {
            nextScanS += intervalS;
        }
        if (droppedOut) {
            quality = Quality.BAD;
            return false;
        }
        last = spectrometer.scan(cell(), foulingAu, random);
        lastScanS = nowS;
        boolean enoughMaterial = last.predicted().aDerived() >= MIN_A_DERIVED_FOR_GOOD_MOL_L;
        boolean fits = last.residualRmsAu() <= MAX_RESIDUAL_NOISE_RATIO * Math.max(spectrometer.noiseAu(), 1e-6);
        quality = enoughMaterial && fits ? Quality.GOOD : Quality.UNCERTAIN;
        return true;
    }

    /** The true (lagged) content of the flow cell. */
    public Composition cell() {
        return new Composition(a.value(), b.value(), p.value(), i.value());
    }

    public Spectrometer.Scan lastScan() {
        return last;
    }

    public double lastScanS() {
        return lastScanS;
    }

    public Quality quality() {
        return quality;
    }

    public double[] wavelengthsNm() {
        return spectrometer.wavelengthsNm();
    }
}
