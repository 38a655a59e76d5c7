package org.flowpat.config.model;

import org.flowpat.config.validation.Validatable;
import org.flowpat.config.validation.Validation;

/**
 * An interlock: when {@code signal} rises above {@code above} (or falls below {@code below}), or reports Bad
 * status with {@code onBad: true}, the line takes {@code action}: {@code HOLD}, {@code STOP}, {@code ABORT} or
 * {@code DIVERT} (material to waste while the condition lasts).
 */
public record InterlockSettings(String id, String signal, Double above, Double below, Boolean onBad, String action)
        implements Validatable {
    public InterlockSettings {
        onBad = onBad != null && onBad;
    }

    @Override
    public void validate(Validation v) {
        v.identifier("id", id);
        v.notBlank("signal", signal);
        v.check(above != null || below != null || onBad, "above", "an interlock needs above, below or onBad");
        v.finite("above", above);
        v.finite("below", below);
        v.required("action", action);
        v.oneOf("action", action, "HOLD", "STOP", "ABORT", "DIVERT");
    }
}
