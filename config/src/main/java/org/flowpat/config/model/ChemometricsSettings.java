package org.flowpat.config.model;

import org.flowpat.config.validation.Validatable;
import org.flowpat.config.validation.Validation;

/**
 * The chemometric model the controller applies to the analyzer's raw spectra: the {@code spectrum} signal
 * ({@code UNIT.signal} of kind SPECTRUM) and a PLS model file ({@code model}: a file path, absolute or relative to
 * the working directory, or else a bundled resource name such as {@code models/nir-pls.json}). Predictions whose
 * spectrum lies outside the model (T² or Q above the limits at false-alarm rate {@code alpha}) are flagged.
 * Absent: no predictions.
 */
public record ChemometricsSettings(String spectrum, String model, Double alpha) implements Validatable {
    public ChemometricsSettings {
        alpha = alpha == null ? 0.01 : alpha;
    }

    @Override
    public void validate(Validation v) {
        v.notBlank("spectrum", spectrum);
        v.notBlank("model", model);
        v.check(alpha > 0 && alpha < 0.5, "alpha", "must be in (0, 0.5)");
    }

    /** The spectrum signal exists in {@code line} and is a SPECTRUM; keys are reported as {@code chemometrics.<key>}. */
    public void validateReferences(Validation v, Line line) {
        if (spectrum == null) {
            return;
        }
        Signal s = line.signal(spectrum).orElse(null);
        v.check(s != null, "chemometrics.spectrum", "no signal '" + spectrum + "' in this line (expected UNIT.signal)");
        v.check(s == null || s.kind() == SignalKind.SPECTRUM, "chemometrics.spectrum",
                spectrum + " is a " + (s == null ? "" : s.kind()) + " signal, not a SPECTRUM");
    }
}
