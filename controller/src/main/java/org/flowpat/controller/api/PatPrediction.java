package org.flowpat.controller.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The controller's own PLS prediction from one raw analyzer spectrum, beside what the analyzer reports. A spectrum
 * far from the calibration set (T² or Q above its limit) is {@code outsideModel}: its values must not be trusted.
 *
 * @param line              line id
 * @param spectrum          the spectrum signal, e.g. {@code AT1.spectrum}
 * @param sourceTimeNanos   source timestamp of the spectrum, epoch nanoseconds
 * @param quality           the spectrum's own status (Bad spectra are not predicted, only counted)
 * @param concentrations    predicted concentration per model response (e.g. A, B, P, I in mol/L), in model order
 * @param cqas              CQAs derived from the predicted concentrations the way the analyzer derives its own
 *                          (e.g. conversion, purity, impurity in %), keyed by the analyzer signal id; empty when the
 *                          model does not predict the species they need
 * @param t2                Hotelling T² of the spectrum's scores
 * @param t2Limit           T² limit at the configured alpha
 * @param q                 Q residual (squared distance to the model plane)
 * @param qLimit            Q limit at the configured alpha
 * @param outsideModel      T² or Q above its limit
 * @param predicted         spectra predicted so far on this line
 * @param excludedBad       spectra with Bad status (or no values) excluded so far on this line
 */
public record PatPrediction(String line, String spectrum, long sourceTimeNanos, Quality quality,
                            Map<String, Double> concentrations, Map<String, Double> cqas, double t2, double t2Limit,
                            double q, double qLimit, boolean outsideModel, long predicted, long excludedBad) {
    public PatPrediction {
        // insertion-ordered copies: the model's response order is the order people read them in
        concentrations = Collections.unmodifiableMap(new LinkedHashMap<>(concentrations));
        cqas = Collections.unmodifiableMap(new LinkedHashMap<>(cqas));
    }

    public boolean qExceeded() {
        return q > qLimit;
    }

    public boolean t2Exceeded() {
        return t2 > t2Limit;
    }
}
