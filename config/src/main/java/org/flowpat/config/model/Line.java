package org.flowpat.config.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.flowpat.config.validation.Validatable;
import org.flowpat.config.validation.Validation;

/**
 * One flow line: where its data comes from (OPC UA endpoint, PLC connection), its process
 * parameters, its units in flow order, the CQAs measured on it and their real-time quality control
 * (charts, alarms, loops, interlocks, diversion; defaults when absent).
 */
public record Line(String id, String name, OpcUaEndpoint opcua, PlcConnection plc, Process process,
                   List<Unit> units, List<Cqa> cqas, QualitySettings quality) implements Validatable {
    /**
     * PLC4X Modbus tag addresses: a named area with a 1-based address (or the 0x/1x/3x/4x/6x form with
     * five or six digits), an optional data type and an optional [quantity].
     */
    private static final Pattern MODBUS_TAG = Pattern.compile(
            "((coil|discrete-input|input-register|holding-register|extended-register):[1-9]\\d*"
                    + "|[01346]x\\d{5,6})(:[A-Z][A-Z0-9_]*)?(\\[[1-9]\\d*])?");
    private static final Pattern MODBUS_READ_ONLY = Pattern.compile("discrete-input:|input-register:|[13]x");

    public Line {
        units = units == null ? List.of() : List.copyOf(units);
        cqas = cqas == null ? List.of() : List.copyOf(cqas);
        quality = quality == null ? QualitySettings.defaults() : quality;
    }

    /** A line with the default quality settings (the form before quality control was configurable). */
    public Line(String id, String name, OpcUaEndpoint opcua, PlcConnection plc, Process process, List<Unit> units,
                List<Cqa> cqas) {
        this(id, name, opcua, plc, process, units, cqas, null);
    }

    /**
     * This line reached at other endpoints (a simulator on chosen ports, a test server): the OPC UA endpoint URL
     * and the PLC connection string change, security, identity and everything else stay.
     */
    public Line withEndpoints(String opcuaEndpoint, String plcConnection) {
        OpcUaEndpoint o = opcua;
        OpcUaEndpoint movedOpcua = o == null ? null : new OpcUaEndpoint(opcuaEndpoint, o.securityPolicy(),
                o.securityMode(), o.username(), o.password(), o.publishingIntervalMs());
        PlcConnection movedPlc = plc == null || plcConnection == null ? plc
                : new PlcConnection(plcConnection, plc.pollIntervalMs());
        return new Line(id, name, movedOpcua, movedPlc, process, units, cqas, quality);
    }

    /** A signal by its reference {@code UNIT.signal}, e.g. {@code R1.temperature}. */
    public Optional<Signal> signal(String ref) {
        int dot = ref.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String unitId = ref.substring(0, dot);
        String signalId = ref.substring(dot + 1);
        // Compared this way round because an invalid file may leave an id null.
        return units.stream().filter(u -> unitId.equals(u.id())).findFirst()
                .flatMap(u -> u.signals().stream().filter(s -> signalId.equals(s.id())).findFirst());
    }

    @Override
    public void validate(Validation v) {
        v.identifier("id", id);
        v.notBlank("name", name);
        v.required("opcua", opcua);
        v.child("opcua", opcua);
        v.child("plc", plc);
        v.required("process", process);
        v.child("process", process);
        v.check(!units.isEmpty(), "units", "at least one unit is required");
        v.unique("units", units, Unit::id, "id");
        v.each("units", units);
        v.unique("cqas", cqas, Cqa::id, "id");
        v.each("cqas", cqas);
        validateCqaSignals(v);
        validateAddresses(v);
        v.child("quality", quality);
        v.child("quality", q -> quality.validateReferences(q, this));
    }

    /** A CQA is measured by a signal of this line, in that signal's unit, with limits the signal can reach. */
    private void validateCqaSignals(Validation v) {
        for (int i = 0; i < cqas.size(); i++) {
            Cqa cqa = cqas.get(i);
            String ref = cqa.signal();
            Optional<Signal> measured = ref == null ? Optional.empty() : signal(ref);
            if (measured.isEmpty()) {
                if (ref != null) {
                    v.error("cqas[" + i + "].signal", "no signal '" + ref + "' in this line (expected UNIT.signal)");
                }
                continue;
            }
            Signal s = measured.get();
            if (cqa.unit() != null && !s.unit().isEmpty() && !cqa.unit().equals(s.unit())) {
                v.error("cqas[" + i + "].unit", "'" + cqa.unit() + "' differs from the unit '" + s.unit() + "' of signal " + ref);
            }
            Range r = s.range();
            if (cqa.spec() != null && r != null && r.min() != null && r.max() != null && r.max() > r.min()) {
                for (String limit : new String[] {"lsl", "usl"}) {
                    Double x = limit.equals("lsl") ? cqa.spec().lsl() : cqa.spec().usl();
                    if (x != null && !r.contains(x)) {
                        v.error("cqas[" + i + "].spec." + limit, x + " lies outside the range [" + r.min() + ", " + r.max()
                                + "] of signal " + ref);
                    }
                }
            }
        }
    }

    /**
     * Two signals on one OPC UA node or one PLC register would silently show each other's values,
     * so node ids and PLC tags are unique within a line; Modbus tags must also parse as PLC4X addresses.
     */
    private void validateAddresses(Validation v) {
        Map<String, String> nodeIds = new LinkedHashMap<>();
        Map<String, String> plcTags = new LinkedHashMap<>();
        boolean modbus = plc != null && plc.connection() != null && plc.connection().startsWith("modbus");
        for (int i = 0; i < units.size(); i++) {
            List<Signal> signals = units.get(i).signals();
            for (int j = 0; j < signals.size(); j++) {
                String at = "units[" + i + "].signals[" + j + "]";
                nodeIds.put(at + ".nodeId", signals.get(j).nodeId());
                plcTags.put(at + ".plcTag", signals.get(j).plcTag());
                String tag = signals.get(j).plcTag();
                if (modbus && tag != null) {
                    v.matches(at + ".plcTag", tag, MODBUS_TAG,
                            "a PLC4X Modbus tag (e.g. holding-register:1:REAL; addresses start at 1)");
                    // Input registers and discrete inputs are read-only in Modbus: a write would fail at run time.
                    SignalKind kind = signals.get(j).kind();
                    if (kind.writable() && MODBUS_READ_ONLY.matcher(tag).lookingAt()) {
                        v.error(at + ".plcTag", "a " + kind + " signal cannot be written through read-only '" + tag
                                + "'; use a holding-register or coil");
                    }
                }
            }
        }
        v.uniqueValues("nodeId", nodeIds);
        v.uniqueValues("plcTag", plcTags);
    }
}
