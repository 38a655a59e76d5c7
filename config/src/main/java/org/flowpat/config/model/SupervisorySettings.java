package org.flowpat.config.model;

import org.flowpat.config.validation.Validatable;
import org.flowpat.config.validation.Validation;

/**
 * A supervisory PAT feedback loop: every {@code intervalS} it moves the {@code manipulated} setpoint (e.g. a pump
 * flow setpoint: residence time, or the reagent ratio) by {@code gain} × (target − mean of the CQA's Good samples in
 * the interval), at most {@code maxStepPerInterval}, within [{@code min}, {@code max}], to hold the {@code cqa} at
 * {@code target}. Moves smaller than {@code deadband} are not made. Every change it makes is audited with its reason.
 */
public record SupervisorySettings(String id, String cqa, Double target, String manipulated, Double min, Double max,
                                  Double gain, Double intervalS, Double maxStepPerInterval, Double deadband)
        implements Validatable {
    public SupervisorySettings {
        intervalS = intervalS == null ? 60.0 : intervalS;
        deadband = deadband == null ? 0.0 : deadband;
    }

    @Override
    public void validate(Validation v) {
        v.identifier("id", id);
        v.notBlank("cqa", cqa);
        v.finite("target", target);
        v.notBlank("manipulated", manipulated);
        v.finite("min", min);
        v.finite("max", max);
        v.check(min == null || max == null || min < max, "max", "must be greater than min");
        v.finite("gain", gain);
        v.check(gain == null || gain != 0, "gain", "must not be 0");
        v.positive("intervalS", intervalS);
        v.positive("maxStepPerInterval", maxStepPerInterval);
        v.check(deadband >= 0, "deadband", "must be ≥ 0");
    }

    /**
     * The CQA exists and the manipulated signal is a writable signal of {@code line} whose range holds [min, max];
     * keys are reported as {@code <path>.<key>}.
     */
    public void validateReferences(Validation v, Line line, String path) {
        v.check(cqa == null || line.cqas().stream().anyMatch(c -> cqa.equals(c.id())), path + ".cqa",
                "no CQA '" + cqa + "' in this line");
        if (manipulated == null) {
            return;
        }
        Signal s = line.signal(manipulated).orElse(null);
        if (s == null) {
            v.error(path + ".manipulated", "no signal '" + manipulated + "' in this line (expected UNIT.signal)");
            return;
        }
        v.check(s.kind().writable(), path + ".manipulated", manipulated + " is a " + s.kind()
                + " signal and cannot be written");
        Range r = s.range();
        v.check(r == null || min == null || max == null || r.min() == null || r.max() == null
                        || (min >= r.min() && max <= r.max()), path + ".max",
                "[min, max] must lie inside the range of " + manipulated + (r == null ? "" : " [" + r.min() + ", " + r.max() + "]"));
    }
}
