package org.flowpat.controller.acquisition;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.plc4x.java.utils.cache.CachedPlcConnectionManager;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.flowpat.config.model.Line;
import org.flowpat.config.model.Plant;
import org.flowpat.controller.api.codec.ControllerCodecs;
import org.flowpat.controller.api.codec.SpectrumSampleCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plant's acquisition: one {@link LineAcquisitionVerticle} per line, sharing the OPC UA client certificate and
 * the cached PLC connections. Start it with {@link #start}, write setpoints through {@link #write} or
 * {@link #line}, and {@link #stop} it before the historian so the last samples still reach the spool.
 */
public final class Acquisition {
    private static final Logger LOG = LoggerFactory.getLogger(Acquisition.class);

    private final Vertx vertx;
    private final ClientSecurity security;
    private final CachedPlcConnectionManager plcConnections;
    private final Map<String, LineAcquisitionVerticle> lines;
    private final List<String> deployments;

    private Acquisition(Vertx vertx, ClientSecurity security, CachedPlcConnectionManager plcConnections,
                        Map<String, LineAcquisitionVerticle> lines, List<String> deployments) {
        this.vertx = vertx;
        this.security = security;
        this.plcConnections = plcConnections;
        this.lines = lines;
        this.deployments = deployments;
    }

    /**
     * Registers the message codecs, loads (or on first start creates) the client certificate under the data
     * directory and deploys one verticle per line. Succeeds also when endpoints are down: they are retried.
     */
    public static Future<Acquisition> start(Vertx vertx, Plant plant, AcquisitionOptions options) {
        ControllerCodecs.register(vertx.eventBus());
        SpectrumSampleCodec.register(vertx.eventBus());
        return vertx.executeBlocking(() -> ClientSecurity.load(options.dataDir())).compose(security -> {
            // Leases are short (one poll or write); waiting for one also covers opening the connection, which the
            // first time in a JVM (driver loading) can take longer than one request.
            CachedPlcConnectionManager plcConnections = CachedPlcConnectionManager.getBuilder()
                    .withMaxLeaseTime(options.requestTimeout().multipliedBy(2))
                    .withMaxWaitTime(options.requestTimeout().multipliedBy(2))
                    .build();
            Map<String, LineAcquisitionVerticle> verticles = new LinkedHashMap<>();
            List<Future<String>> deployed = new ArrayList<>();
            for (Line line : plant.lines()) {
                LineAcquisitionVerticle verticle = new LineAcquisitionVerticle(line, options, security, plcConnections);
                verticles.put(line.id(), verticle);
                deployed.add(vertx.deployVerticle(verticle));
            }
            return Future.all(deployed).map(all -> {
                List<String> ids = new ArrayList<>();
                deployed.forEach(f -> ids.add(f.result()));
                LOG.info("acquisition started for {} line(s) of plant '{}'", verticles.size(), plant.name());
                return new Acquisition(vertx, security, plcConnections, verticles, ids);
            });
        });
    }

    /** The writer of one line; IllegalArgumentException naming the line if the plant has none such. */
    public SignalWriter line(String lineId) {
        LineAcquisitionVerticle verticle = lines.get(lineId);
        if (verticle == null) {
            throw new IllegalArgumentException("no line '" + lineId + "' in acquisition (lines: " + lines.keySet() + ")");
        }
        return verticle;
    }

    public Future<Void> write(String lineId, String signalRef, double value) {
        LineAcquisitionVerticle verticle = lines.get(lineId);
        if (verticle == null) {
            return Future.failedFuture(new WriteFailedException(signalRef, StatusCodes.Bad_NodeIdUnknown,
                    "no line '" + lineId + "' in acquisition (lines: " + lines.keySet() + ")"));
        }
        return verticle.write(signalRef, value);
    }

    /** How many lines with OPC UA signals have a live subscription. */
    public long opcUaConnectedLines() {
        return lines.values().stream().filter(v -> !v.plan().opcUa().isEmpty() && v.opcUaConnected()).count();
    }

    /** OPC UA samples the client delivered twice (republished messages), dropped before the bus, all lines. */
    public long opcUaDuplicatesDropped() {
        return lines.values().stream().mapToLong(LineAcquisitionVerticle::opcUaDuplicatesDropped).sum();
    }

    /** True when every line with OPC UA signals has a live subscription. */
    public boolean opcUaConnected() {
        return lines.values().stream().allMatch(v -> v.plan().opcUa().isEmpty() || v.opcUaConnected());
    }

    /** Undeploys the line verticles (subscriptions deleted, sessions closed), then closes the PLC connections. */
    public Future<Void> stop() {
        List<Future<Void>> undeployed = new ArrayList<>();
        deployments.forEach(id -> undeployed.add(vertx.undeploy(id)));
        return Future.join(undeployed).transform(ar -> vertx.executeBlocking(() -> {
            try {
                plcConnections.close();
            } catch (Exception e) {
                LOG.debug("closing PLC connections: {}", e.getMessage());
            }
            security.close();
            LOG.info("acquisition stopped");
            return null;
        }));
    }
}
