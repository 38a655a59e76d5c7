package org.flowpat.config.model;

import org.flowpat.config.validation.Validatable;
import org.flowpat.config.validation.Validation;

/**
 * A supervisory PAT feedback loop: every {@code intervalS} it moves the {@code manipulated} setpoint (e.g. a pump
 * flow setpoint: residence time, or the reagent ratio) by at most {@code maxStepPerInterval}, within
 * [{@code min}, {@code max}], to hold the {@code cqa} at {@code target}; {@code gain} is the setpoint change per
 * unit of CQA error. Every change it makes is audited with its reason.
 */
public record SupervisorySettings(String id, String cqa, Double target, String manipulated, Double min, Double max,
                                  Double gain, Double intervalS, Double maxStepPerInterval) implements Validatable {
    public SupervisorySettings {
        intervalS = intervalS == null ? 60.0 : intervalS;
    }

    @Override
    public void validate(Validation v) {
        v.identifier("id", id);
        v.notBlank("cqa", cqa);
        v.finite("target", target);
        v.notBlank("manipulated", manipulated);
        v.finite("min", min);
        v.finite("max", max);
        v.check(min == null || max == null || min < max, "max", "must be greater than min");
        v.finite("gain", gain);
        v.positive("intervalS", intervalS);
        v.positive("maxStepPerInterval", maxStepPerInterval);
    }
}
