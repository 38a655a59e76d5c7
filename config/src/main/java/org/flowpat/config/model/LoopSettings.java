package org.flowpat.config.model;

import org.flowpat.config.validation.Validatable;
import org.flowpat.config.validation.Validation;

/**
 * A PID loop: measured {@code pv} signal, setpoint, written {@code output} signal, gains (proportional gain,
 * integral time and derivative time in seconds; 0 switches a term off) and output limits. By default the output
 * rises when the measurement falls below the setpoint (heating); a direct-acting loop ({@code directActing: true})
 * raises its output when the measurement rises (cooling).
 */
public record LoopSettings(String id, String pv, Double setpoint, String output, Double kp, Double tiS, Double tdS,
                           Double outputMin, Double outputMax, Boolean directActing) implements Validatable {
    public LoopSettings {
        tiS = tiS == null ? 0.0 : tiS;
        tdS = tdS == null ? 0.0 : tdS;
        directActing = directActing != null && directActing;
    }

    @Override
    public void validate(Validation v) {
        v.identifier("id", id);
        v.notBlank("pv", pv);
        v.required("setpoint", setpoint);
        v.finite("setpoint", setpoint);
        v.notBlank("output", output);
        v.required("kp", kp);
        v.positive("kp", kp);
        v.check(tiS >= 0 && Double.isFinite(tiS), "tiS", "must be a finite number >= 0 (0 = no integral action)");
        v.check(tdS >= 0 && Double.isFinite(tdS), "tdS", "must be a finite number >= 0 (0 = no derivative action)");
        v.required("outputMin", outputMin);
        v.required("outputMax", outputMax);
        v.check(outputMin == null || outputMax == null || outputMax > outputMin, "outputMax", "must be greater than outputMin");
    }
}
