package org.flowpat.config.model;

import org.flowpat.config.validation.Validatable;
import org.flowpat.config.validation.Validation;

/** A feed vessel: the concentration of its reagent and how much it holds at start. */
public record FeedParameters(Double concentrationMolL, Double initialMassG) implements Validatable {
    @Override
    public void validate(Validation v) {
        v.required("concentrationMolL", concentrationMolL);
        v.positive("concentrationMolL", concentrationMolL);
        v.required("initialMassG", initialMassG);
        v.positive("initialMassG", initialMassG);
    }
}
