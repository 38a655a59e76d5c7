package org.flowpat.config.scenario;

import java.util.List;
import org.flowpat.config.validation.Validatable;
import org.flowpat.config.validation.Validation;

/**
 * One scripted fault: its {@code type} (a simulator fault type such as {@code PUMP_DEGRADATION}), the unit or
 * signal it hits ({@code target}, absent = the type's default), its magnitude in the type's unit, when it starts
 * and how long it lasts in simulated minutes (no duration = to the end of the run), and optionally the one line it
 * hits (absent = every line).
 */
public record ScenarioFault(String id, String type, String target, Double magnitude, Double startMin,
                            Double durationMin, String line) implements Validatable {
    /** The simulator's fault types; kept in step with org.flowpat.simulator.model.FaultType by a simulator test. */
    public static final List<String> TYPES = List.of("PUMP_DEGRADATION", "PUMP_STOP", "FEED_DRIFT",
            "TEMPERATURE_EXCURSION", "FOULING", "ANALYZER_DRIFT", "STUCK_SENSOR", "SPIKES", "ANALYZER_DROPOUT",
            "COMM_LOSS");

    public ScenarioFault {
        magnitude = magnitude == null ? 0.0 : magnitude;
    }

    /** Start in simulated seconds. */
    public double startS() {
        return startMin * 60;
    }

    /** Duration in simulated seconds; infinite when none is given. */
    public double durationS() {
        return durationMin == null ? Double.POSITIVE_INFINITY : durationMin * 60;
    }

    @Override
    public void validate(Validation v) {
        v.identifier("id", id);
        v.required("type", type);
        if (type != null) {
            v.oneOf("type", type, TYPES.toArray(String[]::new));
        }
        v.finite("magnitude", magnitude);
        v.required("startMin", startMin);
        v.check(startMin == null || (Double.isFinite(startMin) && startMin >= 0), "startMin", "must not be negative");
        v.positive("durationMin", durationMin);
        v.check(line == null || !line.isBlank(), "line", "must not be blank when given");
    }
}
