package org.flowpat.config.model;

import org.flowpat.config.validation.Validatable;
import org.flowpat.config.validation.Validation;

/** A closed interval in engineering units. */
public record Range(Double min, Double max) implements Validatable {
    public boolean contains(double x) {
        return x >= min && x <= max;
    }

    public double span() {
        return max - min;
    }

    @Override
    public void validate(Validation v) {
        v.required("min", min);
        v.required("max", max);
        v.finite("min", min);
        v.finite("max", max);
        v.check(min == null || max == null || max > min, "max", "must be greater than min");
    }
}
