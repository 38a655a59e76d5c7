package org.flowpat.config.model;

import org.flowpat.config.validation.Validatable;
import org.flowpat.config.validation.Validation;

/** Specification limits of a CQA; one side may be absent (one-sided spec). */
public record Spec(Double lsl, Double usl, Double target) implements Validatable {
    public boolean conforms(double x) {
        return (lsl == null || x >= lsl) && (usl == null || x <= usl);
    }

    @Override
    public void validate(Validation v) {
        v.check(lsl != null || usl != null, "usl", "a spec needs lsl, usl or both");
        v.check(lsl == null || usl == null || usl > lsl, "usl", "must be greater than lsl");
        v.check(target == null || ((lsl == null || target >= lsl) && (usl == null || target <= usl)),
                "target", "must lie within the spec limits");
    }
}
