package org.flowpat.config.model;

import java.util.List;
import org.flowpat.config.validation.Validatable;
import org.flowpat.config.validation.Validation;

/**
 * One configured alarm. {@code signal} is a {@code UNIT.signal} reference (for value alarms and analyzer
 * faults), {@code cqa} a CQA id (for SPC alarms). {@code deadband} (engineering units) must be crossed back
 * before the alarm clears; {@code onDelayS}/{@code offDelayS} are how long the condition must hold before the
 * alarm activates or clears. {@code suppressedIn} lists line states in which the alarm is suppressed by design
 * (e.g. a low-flow alarm while the line is STOPPED).
 */
public record AlarmDefinition(String id, String name, AlarmType type, AlarmPriority priority, String signal,
                              String cqa, Double limit, String setpointSignal, Double setpoint, Double deadband,
                              Double onDelayS, Double offDelayS, List<String> suppressedIn) implements Validatable {
    /** The PackML states an alarm may be suppressed in (names as in the controller's line state machine). */
    public static final List<String> LINE_STATES = List.of("STOPPED", "STARTING", "IDLE", "EXECUTE", "HOLDING",
            "HELD", "UNHOLDING", "STOPPING", "ABORTING", "ABORTED", "CLEARING", "RESETTING");

    public AlarmDefinition {
        priority = priority == null ? AlarmPriority.MEDIUM : priority;
        deadband = deadband == null ? 0.0 : deadband;
        onDelayS = onDelayS == null ? 0.0 : onDelayS;
        offDelayS = offDelayS == null ? 0.0 : offDelayS;
        suppressedIn = suppressedIn == null ? List.of() : List.copyOf(suppressedIn);
    }

    @Override
    public void validate(Validation v) {
        v.identifier("id", id);
        v.required("type", type);
        if (type != null) {
            if (type.needsSignal()) {
                v.notBlank("signal", signal);
            }
            if (type.needsLimit()) {
                v.required("limit", limit);
                v.finite("limit", limit);
            }
            if (type == AlarmType.RATE_OF_CHANGE || type == AlarmType.DEVIATION) {
                v.positive("limit", limit);
            }
            if (type == AlarmType.DEVIATION) {
                v.check((setpointSignal == null) != (setpoint == null), "setpointSignal",
                        "a DEVIATION alarm needs exactly one of setpointSignal and setpoint");
            }
            if (type == AlarmType.SPC) {
                v.notBlank("cqa", cqa);
            }
        }
        v.check(deadband >= 0 && Double.isFinite(deadband), "deadband", "must be a finite number >= 0");
        v.check(onDelayS >= 0 && Double.isFinite(onDelayS), "onDelayS", "must be a finite number >= 0");
        v.check(offDelayS >= 0 && Double.isFinite(offDelayS), "offDelayS", "must be a finite number >= 0");
        for (int i = 0; i < suppressedIn.size(); i++) {
            v.oneOf("suppressedIn[" + i + "]", suppressedIn.get(i), LINE_STATES.toArray(String[]::new));
        }
    }
}
