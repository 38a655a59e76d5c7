package org.flowpat.controller.chemometrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flowpat.controller.api.PatPrediction;
import org.flowpat.controller.api.Quality;
import org.flowpat.controller.api.SpectrumSample;
import org.flowpat.pat.chemometrics.PlsModel;
import org.flowpat.pat.chemometrics.PlsPredictor;

/**
 * One line's PLS predictions: every spectrum of the configured signal that has values and is not Bad is predicted,
 * with its T² and Q against the model's limits; Bad or empty spectra are excluded and counted, as are spectra whose
 * length does not match the model (a different instrument setup). Uncertain spectra are predicted: whether they fit
 * the model is exactly what T² and Q tell. Not thread-safe: one instance belongs to one verticle.
 */
public final class SpectrumPredictions {
    private final String line;
    private final String spectrum;
    private final PlsModel model;
    private final PlsPredictor predictor;
    private final List<String> responses;
    private final DerivedCqas derived;
    private final double[] values;
    private long predicted;
    private long excludedBad;
    private long wrongLength;

    public SpectrumPredictions(String line, String spectrum, PlsModelFile file, double alpha) {
        this.line = line;
        this.spectrum = spectrum;
        this.model = file.model(alpha);
        this.predictor = model.predictor();
        this.responses = file.responses();
        this.derived = DerivedCqas.forResponses(responses);
        this.values = new double[model.responses()];
    }

    /** The prediction of this spectrum, or empty when it is another line's or signal's, Bad, empty or misshapen. */
    public Optional<PatPrediction> accept(SpectrumSample s) {
        if (!line.equals(s.line()) || !spectrum.equals(s.signal())) {
            return Optional.empty();
        }
        if (s.quality() == Quality.BAD || s.length() == 0) {
            excludedBad++;
            return Optional.empty();
        }
        if (s.length() != model.wavelengths()) {
            wrongLength++;
            return Optional.empty();
        }
        boolean inside = predictor.predict(s.values(), values);
        predicted++;
        Map<String, Double> concentrations = new LinkedHashMap<>();
        for (int k = 0; k < values.length; k++) {
            concentrations.put(responses.get(k), values[k]);
        }
        Map<String, Double> cqas = derived == null ? Map.of() : derived.of(values);
        return Optional.of(new PatPrediction(line, spectrum, s.sourceTimeNanos(), s.quality(), concentrations, cqas,
                predictor.t2(), model.t2Limit(), predictor.q(), model.qLimit(), !inside, predicted, excludedBad));
    }

    public long predicted() {
        return predicted;
    }

    public long excludedBad() {
        return excludedBad;
    }

    /** Spectra whose number of points differs from the model's (not predicted). */
    public long wrongLength() {
        return wrongLength;
    }

    public PlsModel model() {
        return model;
    }
}
