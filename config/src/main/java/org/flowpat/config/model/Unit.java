package org.flowpat.config.model;

import java.util.List;
import org.flowpat.config.validation.Validatable;
import org.flowpat.config.validation.Validation;

/** A unit of the line (pump, reactor, analyzer, ...) and the signals it exposes. */
public record Unit(String id, String name, UnitType type, List<Signal> signals) implements Validatable {
    public Unit {
        signals = signals == null ? List.of() : List.copyOf(signals);
    }

    @Override
    public void validate(Validation v) {
        v.identifier("id", id);
        v.notBlank("name", name);
        v.required("type", type);
        v.unique("signals", signals, Signal::id, "id");
        v.each("signals", signals);
    }
}
