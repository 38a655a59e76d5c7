package org.flowpat.config.model;

import org.flowpat.config.validation.Validatable;
import org.flowpat.config.validation.Validation;

/**
 * The chemometric model the controller applies to the analyzer's raw spectra: the {@code spectrum} signal
 * ({@code UNIT.signal} of kind SPECTRUM) and a PLS model file ({@code model}, a path relative to the plant file or
 * a bundled resource name). Predictions whose spectrum lies outside the model (T² or Q above the limits at
 * false-alarm rate {@code alpha}) are flagged. Absent: no predictions.
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
}
