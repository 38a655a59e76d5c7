package org.flowpat.config.model;

import org.flowpat.config.validation.Validatable;
import org.flowpat.config.validation.Validation;

/** A critical quality attribute: the signal that measures it ({@code UNIT.signal}) and its specification. */
public record Cqa(String id, String name, String signal, String unit, Spec spec) implements Validatable {
    @Override
    public void validate(Validation v) {
        v.identifier("id", id);
        v.notBlank("name", name);
        v.notBlank("signal", signal);
        v.required("spec", spec);
        v.child("spec", spec);
    }
}
