package org.flowpat.config.model;

import org.flowpat.config.validation.Validatable;
import org.flowpat.config.validation.Validation;

/** A + B → P (main) and P + B → I (side), both second order with Arrhenius rate constants. */
public record KineticsParameters(ArrheniusRate main, ArrheniusRate side) implements Validatable {
    @Override
    public void validate(Validation v) {
        v.required("main", main);
        v.child("main", main);
        v.required("side", side);
        v.child("side", side);
    }
}
