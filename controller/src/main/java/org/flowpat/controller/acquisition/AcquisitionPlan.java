package org.flowpat.controller.acquisition;

import java.util.ArrayList;
import java.util.List;
import org.flowpat.config.model.Line;
import org.flowpat.config.model.Signal;
import org.flowpat.config.model.SignalKind;
import org.flowpat.config.model.Unit;

/**
 * What to acquire for one line and over which path, derived from the plant file: every signal goes to exactly one
 * path (see {@link SourcePreference}).
 */
public record AcquisitionPlan(String lineId, List<OpcUaItem> opcUa, List<PlcItem> plc) {
    public AcquisitionPlan {
        opcUa = List.copyOf(opcUa);
        plc = List.copyOf(plc);
    }

    /**
     * @param defaultSamplingIntervalMs used for signals without {@code samplingIntervalMs}
     */
    public static AcquisitionPlan of(Line line, SourcePreference preference, double defaultSamplingIntervalMs) {
        List<OpcUaItem> opcUa = new ArrayList<>();
        List<PlcItem> plc = new ArrayList<>();
        boolean hasPlc = line.plc() != null;
        for (Unit unit : line.units()) {
            for (Signal signal : unit.signals()) {
                String ref = unit.id() + "." + signal.id();
                boolean writable = signal.kind().writable();
                boolean viaPlc = hasPlc && signal.plcTag() != null
                        && (signal.nodeId() == null || preference == SourcePreference.PLC)
                        && signal.kind() != SignalKind.SPECTRUM;
                if (viaPlc) {
                    plc.add(new PlcItem(ref, signal.plcTag(), writable));
                } else if (signal.nodeId() != null) {
                    double sampling = signal.samplingIntervalMs() != null ? signal.samplingIntervalMs()
                            : defaultSamplingIntervalMs;
                    opcUa.add(new OpcUaItem(ref, signal.nodeId(), sampling, signal.deadband(),
                            signal.kind() == SignalKind.SPECTRUM, writable));
                }
            }
        }
        return new AcquisitionPlan(line.id(), opcUa, plc);
    }

    /** Signal references of every acquired signal, OPC UA ones first. */
    public List<String> signalRefs() {
        List<String> refs = new ArrayList<>();
        opcUa.forEach(i -> refs.add(i.signalRef()));
        plc.forEach(i -> refs.add(i.signalRef()));
        return refs;
    }
}
