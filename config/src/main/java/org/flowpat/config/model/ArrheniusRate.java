package org.flowpat.config.model;

import org.flowpat.config.validation.Validatable;
import org.flowpat.config.validation.Validation;

/** k(T) = A·exp(-Ea/(R·T)), A in L/(mol·s), Ea in kJ/mol. */
public record ArrheniusRate(Double preExponential, Double activationEnergyKJMol) implements Validatable {
    @Override
    public void validate(Validation v) {
        v.required("preExponential", preExponential);
        v.positive("preExponential", preExponential);
        v.required("activationEnergyKJMol", activationEnergyKJMol);
        v.positive("activationEnergyKJMol", activationEnergyKJMol);
    }
}
