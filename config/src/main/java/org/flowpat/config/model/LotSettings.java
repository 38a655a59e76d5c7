package org.flowpat.config.model;

import org.flowpat.config.validation.Validatable;
import org.flowpat.config.validation.Validation;

/**
 * How a line's production is cut into lots: by {@code TIME} ({@code size} in minutes of production), by
 * {@code MASS} collected in the product vessel ({@code size} in grams) or by {@code INPUT} quantity of reagents fed
 * ({@code size} in grams). Lot ids are {@code idPrefix} followed by the line and a sequence number.
 */
public record LotSettings(LotBasis by, Double size, String idPrefix) implements Validatable {
    public LotSettings {
        by = by == null ? LotBasis.TIME : by;
        size = size == null ? 60.0 : size;
        idPrefix = idPrefix == null ? "LOT" : idPrefix;
    }

    public static LotSettings defaults() {
        return new LotSettings(null, null, null);
    }

    @Override
    public void validate(Validation v) {
        v.positive("size", size);
        v.identifier("idPrefix", idPrefix);
    }
}
