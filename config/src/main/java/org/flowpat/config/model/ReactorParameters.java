package org.flowpat.config.model;

import org.flowpat.config.validation.Validatable;
import org.flowpat.config.validation.Validation;

/** The jacketed tubular reactor: volume, axial dispersion as N tanks in series, thermal and hydraulic behaviour. */
public record ReactorParameters(Double volumeMl, Integer tanksInSeries, Double thermalTimeConstantS,
                                Double pressureDropBarPerMlMin) implements Validatable {
    @Override
    public void validate(Validation v) {
        v.required("volumeMl", volumeMl);
        v.positive("volumeMl", volumeMl);
        v.required("tanksInSeries", tanksInSeries);
        v.check(tanksInSeries == null || tanksInSeries >= 1, "tanksInSeries", "must be at least 1");
        v.required("thermalTimeConstantS", thermalTimeConstantS);
        v.positive("thermalTimeConstantS", thermalTimeConstantS);
        v.required("pressureDropBarPerMlMin", pressureDropBarPerMlMin);
        v.positive("pressureDropBarPerMlMin", pressureDropBarPerMlMin);
    }
}
