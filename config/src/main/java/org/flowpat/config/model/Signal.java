package org.flowpat.config.model;

import java.util.regex.Pattern;
import org.flowpat.config.validation.Validatable;
import org.flowpat.config.validation.Validation;

/**
 * One signal of a unit. {@code range} is the instrument (EU) range, writes outside it are refused;
 * {@code normal} is the normal operating range shown on the HMI. {@code nodeId} is the OPC UA node
 * (namespace-URI form, {@code nsu=urn:flowpat:simulator;s=L1.R1.temperature}); {@code plcTag} a PLC4X
 * tag address ({@code holding-register:1:REAL}) when the signal is also a PLC tag.
 */
public record Signal(String id, String name, SignalKind kind, String unit, Range range, Range normal,
                     String nodeId, String plcTag, Double samplingIntervalMs, Double deadband)
        implements Validatable {
    /** OPC UA node id text (Part 6 §5.3.1.10): optional ns=/nsu= namespace, then a numeric, string, GUID or opaque id. */
    static final Pattern NODE_ID = Pattern.compile(
            "((ns=\\d+|nsu=[^;]+);)?(i=\\d+|s=.+|g=\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}|b=[A-Za-z0-9+/=]+)");

    public Signal {
        kind = kind == null ? SignalKind.MEASUREMENT : kind;
        unit = unit == null ? "" : unit;
        deadband = deadband == null ? 0.0 : deadband;
    }

    /**
     * Why {@code value} may not be written to this signal, known as {@code ref} (e.g. {@code R1.jacketSetpoint}):
     * not finite, or outside its range; null when it may. One wording for every writer of setpoints.
     */
    public String rangeViolation(String ref, double value) {
        if (!Double.isFinite(value)) {
            return "a value for " + ref + " must be a finite number, not " + value;
        }
        if (range == null || range.contains(value)) {
            return null;
        }
        return value + " lies outside the range [" + range.min() + ", " + range.max() + "]" + (unit.isEmpty() ? "" : " " + unit)
                + " of " + ref;
    }

    @Override
    public void validate(Validation v) {
        v.identifier("id", id);
        v.notBlank("name", name);
        if (kind != SignalKind.SPECTRUM && kind != SignalKind.STATUS) {
            v.required("range", range);
        }
        v.child("range", range);
        v.child("normal", normal);
        // Only against a valid range: a broken range is reported once, not again through every normal range.
        if (range != null && normal != null && range.min() != null && range.max() != null && range.max() > range.min()
                && normal.min() != null && normal.max() != null
                && (normal.min() < range.min() || normal.max() > range.max())) {
            v.error("normal", "must lie inside range [" + range.min() + ", " + range.max() + "]");
        }
        v.check(nodeId != null || plcTag != null, "nodeId", "a signal needs a nodeId or a plcTag");
        v.matches("nodeId", nodeId, NODE_ID, "an OPC UA node id (ns=2;s=Name, nsu=urn:...;s=Name, i=123, g=..., b=...)");
        v.positive("samplingIntervalMs", samplingIntervalMs);
        v.check(deadband >= 0, "deadband", "must not be negative");
    }
}
