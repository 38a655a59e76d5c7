package org.flowpat.controller.acquisition;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.plc4x.java.api.PlcConnectionManager;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.flowpat.config.model.Line;
import org.flowpat.config.model.Signal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acquires one line: its OPC UA subscription and its PLC poll, publishing on the event bus through
 * {@link EventBusSink}. Starting never fails because a source is down: sources are retried in the background.
 */
public final class LineAcquisitionVerticle extends VerticleBase implements SignalWriter {
    private static final Logger LOG = LoggerFactory.getLogger(LineAcquisitionVerticle.class);

    private final Line line;
    private final AcquisitionOptions options;
    private final ClientSecurity security;
    private final PlcConnectionManager plcConnections;
    private final AcquisitionPlan plan;
    private final Map<String, OpcUaItem> opcUaItems;
    private final Map<String, PlcItem> plcItems;
    private OpcUaLineClient opcUa;
    private PlcLinePoller plc;

    public LineAcquisitionVerticle(Line line, AcquisitionOptions options, ClientSecurity security,
                                   PlcConnectionManager plcConnections) {
        this.line = line;
        this.options = options;
        this.security = security;
        this.plcConnections = plcConnections;
        this.plan = AcquisitionPlan.of(line, options.sourcePreference(), options.defaultSamplingIntervalMs());
        this.opcUaItems = plan.opcUa().stream().collect(Collectors.toMap(OpcUaItem::signalRef, Function.identity()));
        this.plcItems = plan.plc().stream().collect(Collectors.toMap(PlcItem::signalRef, Function.identity()));
    }

    public AcquisitionPlan plan() {
        return plan;
    }

    @Override
    public Future<?> start() {
        EventBusSink sink = new EventBusSink(vertx.eventBus());
        opcUa = new OpcUaLineClient(vertx, line.id(), line.opcua(), plan.opcUa(), security, options, sink);
        opcUa.start();
        if (line.plc() != null) {
            plc = new PlcLinePoller(vertx, line.id(), line.plc(), plan.plc(), plcConnections, options, sink);
            plc.start();
        }
        LOG.info("line {}: acquiring {} signals over OPC UA from {} and {} over PLC{}", line.id(), plan.opcUa().size(),
                line.opcua().endpoint(), plan.plc().size(), line.plc() == null ? ""
                        : " from " + line.plc().connection() + " every " + line.plc().pollIntervalMs() + " ms");
        return Future.succeededFuture();
    }

    @Override
    public Future<?> stop() {
        if (plc != null) {
            plc.stop();
        }
        return opcUa == null ? Future.succeededFuture() : opcUa.stop();
    }

    /** OPC UA samples the client delivered twice, dropped before the bus. */
    public long opcUaDuplicatesDropped() {
        return opcUa == null ? 0 : opcUa.duplicatesDropped();
    }

    /** True while the OPC UA subscription is live (false also when the line has no OPC UA signals). */
    public boolean opcUaConnected() {
        return opcUa != null && opcUa.connected();
    }

    @Override
    public Future<Void> write(String signalRef, double value) {
        Signal signal = line.signal(signalRef).orElse(null);
        if (signal == null) {
            return refuse(signalRef, StatusCodes.Bad_NodeIdUnknown, "no signal '" + signalRef + "' in line "
                    + line.id() + " (expected UNIT.signal)");
        }
        if (!signal.kind().writable()) {
            return refuse(signalRef, StatusCodes.Bad_NotWritable, signalRef + " is a " + signal.kind()
                    + ", not a setpoint or command");
        }
        String outside = signal.rangeViolation(signalRef, value);
        if (outside != null) {
            return refuse(signalRef, StatusCodes.Bad_OutOfRange, outside);
        }
        OpcUaItem opcUaItem = opcUaItems.get(signalRef);
        if (opcUaItem != null && opcUa != null) {
            return opcUa.write(opcUaItem, value);
        }
        PlcItem plcItem = plcItems.get(signalRef);
        if (plcItem != null && plc != null) {
            return plc.write(plcItem, value);
        }
        return refuse(signalRef, StatusCodes.Bad_NotConnected, signalRef + " has no OPC UA node or PLC tag to write");
    }

    @Override
    public Future<Void> writeText(String nodeId, String text) {
        if (opcUa == null) {
            return refuse(nodeId, StatusCodes.Bad_NotConnected, "no OPC UA server to write " + nodeId + " to");
        }
        return opcUa.writeText(nodeId, text);
    }

    private Future<Void> refuse(String signalRef, long status, String why) {
        return Future.failedFuture(new WriteFailedException(signalRef, status, "line " + line.id() + ": " + why));
    }
}
