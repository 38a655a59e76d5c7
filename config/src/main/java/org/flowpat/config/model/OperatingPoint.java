package org.flowpat.config.model;

import org.flowpat.config.validation.Validatable;
import org.flowpat.config.validation.Validation;

/**
 * The nominal setpoints a line starts with (and a recipe returns to): pump flows, jacket temperature and back
 * pressure. Every field is optional; absent ones take the defaults below, which give τ = 5 min in a 15 mL reactor.
 */
public record OperatingPoint(Double pumpAFlowMlMin, Double pumpBFlowMlMin, Double jacketTemperatureC,
                             Double backPressureBar) implements Validatable {
    public static final OperatingPoint DEFAULT = new OperatingPoint(null, null, null, null);

    public OperatingPoint {
        pumpAFlowMlMin = pumpAFlowMlMin == null ? 1.5 : pumpAFlowMlMin;
        pumpBFlowMlMin = pumpBFlowMlMin == null ? 1.5 : pumpBFlowMlMin;
        jacketTemperatureC = jacketTemperatureC == null ? 80.0 : jacketTemperatureC;
        backPressureBar = backPressureBar == null ? 5.0 : backPressureBar;
    }

    @Override
    public void validate(Validation v) {
        v.check(pumpAFlowMlMin >= 0 && Double.isFinite(pumpAFlowMlMin), "pumpAFlowMlMin", "must not be negative");
        v.check(pumpBFlowMlMin >= 0 && Double.isFinite(pumpBFlowMlMin), "pumpBFlowMlMin", "must not be negative");
        v.finite("jacketTemperatureC", jacketTemperatureC);
        v.positive("backPressureBar", backPressureBar);
    }
}
