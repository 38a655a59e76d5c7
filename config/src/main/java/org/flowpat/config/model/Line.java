package org.flowpat.config.model;

import java.util.List;
import java.util.Optional;
import org.flowpat.config.validation.Validatable;
import org.flowpat.config.validation.Validation;

/**
 * One flow line: where its data comes from (OPC UA endpoint, PLC connection), its process
 * parameters, its units in flow order and the CQAs measured on it.
 */
public record Line(String id, String name, OpcUaEndpoint opcua, PlcConnection plc, Process process,
                   List<Unit> units, List<Cqa> cqas) implements Validatable {
    public Line {
        units = units == null ? List.of() : List.copyOf(units);
        cqas = cqas == null ? List.of() : List.copyOf(cqas);
    }

    /** A signal by its reference {@code UNIT.signal}, e.g. {@code R1.temperature}. */
    public Optional<Signal> signal(String ref) {
        int dot = ref.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String unitId = ref.substring(0, dot);
        String signalId = ref.substring(dot + 1);
        return units.stream().filter(u -> u.id().equals(unitId)).findFirst()
                .flatMap(u -> u.signals().stream().filter(s -> s.id().equals(signalId)).findFirst());
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
        for (int i = 0; i < cqas.size(); i++) {
            String ref = cqas.get(i).signal();
            if (ref != null && signal(ref).isEmpty()) {
                v.error("cqas[" + i + "].signal", "no signal '" + ref + "' in this line (expected UNIT.signal)");
            }
        }
    }
}
