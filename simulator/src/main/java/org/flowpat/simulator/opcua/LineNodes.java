package org.flowpat.simulator.opcua;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.eclipse.milo.opcua.sdk.core.ValueRanks;
import org.eclipse.milo.opcua.sdk.server.nodes.UaFolderNode;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.Range;
import org.flowpat.config.model.Line;
import org.flowpat.config.model.Signal;
import org.flowpat.config.model.SignalKind;
import org.flowpat.config.model.Unit;
import org.flowpat.config.model.UnitType;
import org.flowpat.simulator.model.Fault;
import org.flowpat.simulator.model.GroundTruth;
import org.flowpat.simulator.model.LineSimulation;
import org.flowpat.simulator.model.Quality;
import org.flowpat.simulator.model.SetpointRejectedException;

/**
 * The nodes of one simulated line, {@code Objects/FlowPAT/<line>}: a folder per unit with the plant file's
 * signals, the analyzer as an ADI-like device (Channel1/Stream1 with AcquisitionData, Status and Context), a
 * read-only GroundTruth folder, the simulated time, active faults and the fault methods. {@link #publish} copies
 * the line's state into the nodes; callers hold the line's monitor.
 */
final class LineNodes {
    static final StatusCode COMMUNICATION_LOST = StatusCode.of(StatusCodes.Bad_CommunicationError);

    /** ADI AcquisitionResultStatusEnumeration values (OPC 10021). */
    static final int RESULT_GOOD = 1;
    static final int RESULT_BAD = 2;
    static final int RESULT_UNKNOWN = 3;

    private record SignalNode(String ref, Signal signal, LiveVariable variable) {
    }

    private record TruthNode(Function<GroundTruth, Object> getter, LiveVariable variable) {
    }

    private final LineSimulation line;
    private final List<SignalNode> signals = new ArrayList<>();
    private final List<TruthNode> truth = new ArrayList<>();
    private LiveVariable simulatedTime;
    private LiveVariable activeFaults;
    private Analyzer analyzer;
    private volatile String campaignId = "";
    /** Server timestamp of the values of the step being published: one clock read per line and step, not per value. */
    private DateTime serverTime;

    /** The analyzer's ADI extras, present when the line has an ANALYZER unit with a SPECTRUM signal. */
    private static final class Analyzer {
        String spectrumRef;
        LiveVariable counter;
        LiveVariable resultStatus;
        LiveVariable channelState;
        LiveVariable sampleId;
        LiveVariable lotId;
        LiveVariable campaignId;
        LiveVariable wavelengths;
        double lastScanS = Double.NaN;
        long scans;
    }

    LineNodes(LineSimulation line) {
        this.line = line;
    }

    String lineId() {
        return line.lineId();
    }

    LineSimulation simulation() {
        return line;
    }

    void build(NodeBuilder nodes, UaFolderNode root) {
        Line config = line.config();
        String id = line.lineId();
        UaFolderNode lineFolder = nodes.folder(root, id, id, config.name());
        for (Unit unit : config.units()) {
            UaFolderNode unitFolder = nodes.folder(lineFolder, id + "." + unit.id(), unit.id(), unit.name());
            UaFolderNode signalParent = unit.type() == UnitType.ANALYZER
                    ? buildAnalyzer(nodes, unitFolder, unit)
                    : unitFolder;
            for (Signal signal : unit.signals()) {
                if (signal.nodeId() != null) {
                    addSignal(nodes, signalParent, unit, signal);
                }
            }
        }
        simulatedTime = nodes.variable(lineFolder, id + ".SimulatedTimeS", "SimulatedTimeS",
                "Simulated seconds since the start of the run", NodeIds.Double, ValueRanks.Scalar, null);
        activeFaults = nodes.variable(lineFolder, id + ".ActiveFaults", "ActiveFaults",
                "Active faults as 'id type target magnitude'", NodeIds.String, ValueRanks.OneDimension, null);
        buildGroundTruth(nodes, lineFolder);
        FaultMethods.add(nodes, lineFolder, line);
    }

    private void addSignal(NodeBuilder nodes, UaFolderNode parent, Unit unit, Signal signal) {
        String ref = unit.id() + "." + signal.id();
        String identifier = SignalNodeIds.identifier(signal, line.config().id(), line.lineId());
        LiveVariable.WriteHandler writer = signal.kind().writable() ? value -> writeSetpoint(ref, signal, value) : null;
        LiveVariable variable;
        if (signal.kind() == SignalKind.SPECTRUM) {
            variable = nodes.variable(parent, identifier, signal.id(), signal.name() + " [" + signal.unit() + "]",
                    NodeIds.Double, ValueRanks.OneDimension, null);
            if (analyzer != null) {
                analyzer.spectrumRef = ref;
            }
        } else if (signal.kind() == SignalKind.MEASUREMENT || signal.kind() == SignalKind.SETPOINT) {
            variable = nodes.analogItem(parent, identifier, signal.id(), signal.name(),
                    new Range(signal.range().min(), signal.range().max()), EngineeringUnits.of(signal.unit()), writer);
        } else {
            variable = nodes.variable(parent, identifier, signal.id(), signal.name(), NodeIds.Double,
                    ValueRanks.Scalar, writer);
        }
        signals.add(new SignalNode(ref, signal, variable));
    }

    private UaFolderNode buildAnalyzer(NodeBuilder nodes, UaFolderNode device, Unit unit) {
        String base = line.lineId() + "." + unit.id() + ".Channel1";
        UaFolderNode channel = nodes.folder(device, base, "Channel1", "AnalyserChannel (OPC 10021)");
        UaFolderNode stream = nodes.folder(channel, base + ".Stream1", "Stream1", "Stream of the inline cell");
        UaFolderNode data = nodes.folder(stream, base + ".Stream1.AcquisitionData", "AcquisitionData",
                "Latest spectrum and the concentrations predicted from it");
        UaFolderNode status = nodes.folder(stream, base + ".Stream1.Status", "Status", null);
        UaFolderNode context = nodes.folder(stream, base + ".Stream1.Context", "Context", null);
        String s = base + ".Stream1.";
        Analyzer a = new Analyzer();
        a.counter = nodes.variable(data, s + "AcquisitionData.AcquisitionCounter", "AcquisitionCounter",
                "Number of spectra acquired", NodeIds.Int64, ValueRanks.Scalar, null);
        a.resultStatus = nodes.variable(data, s + "AcquisitionData.AcquisitionResultStatus", "AcquisitionResultStatus",
                "1 GOOD, 2 BAD, 3 UNKNOWN (AcquisitionResultStatusEnumeration)", NodeIds.Int32, ValueRanks.Scalar, null);
        a.wavelengths = nodes.variable(data, s + "AcquisitionData.WavelengthsNm", "WavelengthsNm", "Wavelength axis of the spectrum [nm]",
                NodeIds.Double, ValueRanks.OneDimension, null);
        a.channelState = nodes.variable(status, s + "Status.ChannelState", "ChannelState", "Execute, or Aborted while the analyzer is down",
                NodeIds.String, ValueRanks.Scalar, null);
        a.lotId = nodes.variable(context, s + "Context.LotID", "LotID", "Lot being produced (written by the controller)",
                NodeIds.String, ValueRanks.Scalar, this::writeLotId);
        a.campaignId = nodes.variable(context, s + "Context.CampaignID", "CampaignID", "Campaign (free text)",
                NodeIds.String, ValueRanks.Scalar, this::writeCampaignId);
        a.sampleId = nodes.variable(context, s + "Context.SampleId", "SampleId", "Id of the latest spectrum",
                NodeIds.String, ValueRanks.Scalar, null);
        analyzer = a;
        return data;
    }

    private void buildGroundTruth(NodeBuilder nodes, UaFolderNode lineFolder) {
        String base = line.lineId() + ".GroundTruth";
        UaFolderNode folder = nodes.folder(lineFolder, base, "GroundTruth",
                "What really happened (for tests and demos; no real plant knows this)");
        addTruth(nodes, folder, base, "ConversionAtDiverterPct", NodeIds.Double, GroundTruth::conversionAtDiverterPct);
        addTruth(nodes, folder, base, "PurityAtDiverterPct", NodeIds.Double, GroundTruth::purityAtDiverterPct);
        addTruth(nodes, folder, base, "ImpurityAtDiverterPct", NodeIds.Double, GroundTruth::impurityAtDiverterPct);
        addTruth(nodes, folder, base, "OffSpecAtDiverter", NodeIds.Boolean, GroundTruth::offSpecAtDiverter);
        addTruth(nodes, folder, base, "OffSpecMassToProductG", NodeIds.Double, GroundTruth::offSpecMassToProductG);
        addTruth(nodes, folder, base, "InSpecMassToWasteG", NodeIds.Double, GroundTruth::inSpecMassToWasteG);
        addTruth(nodes, folder, base, "TotalMassToProductG", NodeIds.Double, GroundTruth::totalMassToProductG);
        addTruth(nodes, folder, base, "TotalMassToWasteG", NodeIds.Double, GroundTruth::totalMassToWasteG);
    }

    private void addTruth(NodeBuilder nodes, UaFolderNode folder, String base, String name,
                          org.eclipse.milo.opcua.stack.core.types.builtin.NodeId type, Function<GroundTruth, Object> getter) {
        truth.add(new TruthNode(getter, nodes.variable(folder, base + "." + name, name, null, type, ValueRanks.Scalar, null)));
    }

    /** Copies the line's state into the nodes. The caller holds the line's monitor. Returns the values published. */
    int publish(long nowSourceMillis) {
        serverTime = DateTime.now();
        double now = line.timeSeconds();
        long epochMillis = nowSourceMillis - Math.round(now * 1000.0);
        int published = 0;
        if (simulatedTime.update(now, StatusCode.GOOD, nowSourceMillis, serverTime)) {
            published++;
        }
        boolean lost = line.communicationLost();
        for (SignalNode node : signals) {
            if (lost) {
                node.variable().updateStatus(COMMUNICATION_LOST, serverTime);
                continue;
            }
            long source = epochMillis + Math.round(line.sourceTimeSeconds(node.ref()) * 1000.0);
            StatusCode status = status(line.quality(node.ref()));
            Object value;
            if (node.signal().kind() == SignalKind.SPECTRUM) {
                DataValue last = node.variable().current();
                if (last.sourceTime() != null && last.sourceTime().getJavaTime() == source && last.statusCode().equals(status)) {
                    continue; // a spectrum only changes with a new scan: skip the copy
                }
                value = toObjects(line.spectrum());
            } else {
                value = line.value(node.ref());
            }
            if (node.variable().update(value, status, source, serverTime)) {
                published++;
            }
        }
        if (!lost) {
            published += publishAnalyzer(epochMillis, nowSourceMillis);
        }
        published += publishFaults(nowSourceMillis);
        GroundTruth groundTruth = line.groundTruth();
        for (TruthNode node : truth) {
            if (node.variable().update(node.getter().apply(groundTruth), StatusCode.GOOD, nowSourceMillis, serverTime)) {
                published++;
            }
        }
        return published;
    }

    private int publishAnalyzer(long epochMillis, long nowSourceMillis) {
        Analyzer a = analyzer;
        if (a == null || a.spectrumRef == null) {
            return 0;
        }
        int published = 0;
        double scanS = line.sourceTimeSeconds(a.spectrumRef);
        long scanMillis = epochMillis + Math.round(scanS * 1000.0);
        Quality quality = line.quality(a.spectrumRef);
        if (Double.compare(scanS, a.lastScanS) != 0) {
            a.lastScanS = scanS;
            a.scans++;
            published += a.counter.update(a.scans, StatusCode.GOOD, scanMillis, serverTime) ? 1 : 0;
            published += a.sampleId.update(line.lineId() + "-" + a.scans, StatusCode.GOOD, scanMillis, serverTime) ? 1 : 0;
        }
        int result = switch (quality) {
            case GOOD -> RESULT_GOOD;
            case BAD -> RESULT_BAD;
            case UNCERTAIN -> RESULT_UNKNOWN;
        };
        published += a.resultStatus.update(result, StatusCode.GOOD, scanMillis, serverTime) ? 1 : 0;
        published += a.channelState.update(quality == Quality.BAD ? "Aborted" : "Execute", StatusCode.GOOD, scanMillis, serverTime) ? 1 : 0;
        if (a.wavelengths.current().sourceTime() == null) {
            a.wavelengths.update(toObjects(line.wavelengthsNm()), StatusCode.GOOD, nowSourceMillis);
        }
        String lot = line.lotId();
        published += a.lotId.update(lot == null ? "" : lot, StatusCode.GOOD, nowSourceMillis, serverTime) ? 1 : 0;
        published += a.campaignId.update(campaignId, StatusCode.GOOD, nowSourceMillis, serverTime) ? 1 : 0;
        return published;
    }

    private int publishFaults(long nowSourceMillis) {
        List<Fault> faults = line.activeFaults();
        String[] described = new String[faults.size()];
        for (int i = 0; i < described.length; i++) {
            Fault f = faults.get(i);
            described[i] = f.id() + " " + f.type() + " " + (f.target() == null ? "-" : f.target()) + " " + f.magnitude();
        }
        return activeFaults.update(described, StatusCode.GOOD, nowSourceMillis, serverTime) ? 1 : 0;
    }

    private DataValue writeSetpoint(String ref, Signal signal, Variant value) throws UaException {
        if (!(value.value() instanceof Double d)) {
            throw new UaException(StatusCodes.Bad_TypeMismatch, "expected a Double");
        }
        if (signal.range() != null && !(signal.range().contains(d))) {
            throw new UaException(StatusCodes.Bad_OutOfRange, ref + " must lie in [" + signal.range().min() + ", "
                    + signal.range().max() + "]");
        }
        synchronized (line) {
            if (line.communicationLost()) {
                throw new UaException(COMMUNICATION_LOST.value(), "communication lost");
            }
            try {
                line.write(ref, d);
            } catch (SetpointRejectedException e) {
                throw new UaException(switch (e.reason()) {
                    case OUT_OF_RANGE -> StatusCodes.Bad_OutOfRange;
                    case NOT_WRITABLE -> StatusCodes.Bad_NotWritable;
                    case UNKNOWN_SIGNAL -> StatusCodes.Bad_NodeIdUnknown;
                }, e.getMessage());
            }
        }
        return new DataValue(new Variant(d), StatusCode.GOOD, DateTime.now(), DateTime.now());
    }

    private DataValue writeLotId(Variant value) throws UaException {
        String lot = text(value);
        synchronized (line) {
            line.setLotId(lot);
        }
        return new DataValue(new Variant(lot), StatusCode.GOOD, DateTime.now(), DateTime.now());
    }

    private DataValue writeCampaignId(Variant value) throws UaException {
        campaignId = text(value);
        return new DataValue(new Variant(campaignId), StatusCode.GOOD, DateTime.now(), DateTime.now());
    }

    private static String text(Variant value) throws UaException {
        if (!(value.value() instanceof String s)) {
            throw new UaException(StatusCodes.Bad_TypeMismatch, "expected a String");
        }
        return s;
    }

    static StatusCode status(Quality quality) {
        return switch (quality) {
            case GOOD -> StatusCode.GOOD;
            case UNCERTAIN -> StatusCode.UNCERTAIN;
            case BAD -> StatusCode.of(StatusCodes.Bad_SensorFailure);
        };
    }

    private static Double[] toObjects(double[] values) {
        Double[] boxed = new Double[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return boxed;
    }
}
