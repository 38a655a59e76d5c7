package org.flowpat.controller.acquisition;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.plc4x.java.api.PlcConnection;
import org.apache.plc4x.java.api.PlcConnectionManager;
import org.apache.plc4x.java.api.exceptions.PlcConnectionException;
import org.apache.plc4x.java.api.messages.PlcReadRequest;
import org.apache.plc4x.java.api.messages.PlcReadResponse;
import org.apache.plc4x.java.api.messages.PlcWriteResponse;
import org.apache.plc4x.java.api.types.PlcResponseCode;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.flowpat.controller.api.Event;
import org.flowpat.controller.api.Sample;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line's PLC acquisition: reads all its tags in one PLC4X request every {@code pollIntervalMs}, through a
 * cached connection manager (opening and closing PLC4X connections per poll costs seconds).
 *
 * <p>Every tag of a failed poll gets a Bad sample (Bad_NoCommunication when the PLC cannot be reached,
 * Bad_Timeout, Bad_CommunicationError otherwise, or the tag's own code); nothing throws out of the poll loop. While
 * the PLC is unreachable, attempts are spaced by the reconnect backoff instead of the poll interval. A PLC that was
 * reachable and is lost opens a {@code communication-gap} event, closed with its interval by the next good poll.
 *
 * <p>Source time of a PLC sample is the time the read request was issued: Modbus carries no timestamps.
 */
final class PlcLinePoller {
    private static final Logger LOG = LoggerFactory.getLogger(PlcLinePoller.class);

    private final Vertx vertx;
    private final String lineId;
    private final org.flowpat.config.model.PlcConnection config;
    private final List<PlcItem> items;
    private final PlcConnectionManager connections;
    private final AcquisitionOptions options;
    private final AcquisitionSink sink;
    private final GapTracker gaps = new GapTracker();
    private final java.util.Set<String> invalidTags = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private long timer = -1;
    private boolean polling;
    private volatile boolean tagsChecked;
    private int failures;
    private long nextAttemptMillis;
    private volatile boolean stopped;

    PlcLinePoller(Vertx vertx, String lineId, org.flowpat.config.model.PlcConnection config, List<PlcItem> items,
                  PlcConnectionManager connections, AcquisitionOptions options, AcquisitionSink sink) {
        this.vertx = vertx;
        this.lineId = lineId;
        this.config = config;
        this.items = List.copyOf(items);
        this.connections = connections;
        this.options = options;
        this.sink = sink;
    }

    /** Starts polling; must be called on the owning verticle's context. */
    void start() {
        if (items.isEmpty()) {
            return;
        }
        long interval = Math.max(1, Math.round(config.pollIntervalMs()));
        timer = vertx.setPeriodic(1, interval, t -> tick());
    }

    private void tick() {
        // A poll still running when the next tick comes is not doubled up: the slow poll's samples are the data.
        if (stopped || polling || System.currentTimeMillis() < nextAttemptMillis) {
            return;
        }
        polling = true;
        vertx.executeBlocking(this::poll).onComplete(ar -> {
            polling = false;
            if (ar.succeeded()) {
                pollSucceeded(ar.result());
            } else {
                pollFailed(ar.cause());
            }
        });
    }

    private List<Sample> poll() throws Exception {
        try (PlcConnection connection = connections.getConnection(config.connection())) {
            if (!tagsChecked) {
                checkTags(connection);
                tagsChecked = true;
            }
            PlcReadRequest.Builder builder = connection.readRequestBuilder();
            List<PlcItem> valid = items.stream().filter(i -> !invalidTags.contains(i.signalRef())).toList();
            valid.forEach(i -> builder.addTagAddress(i.signalRef(), i.tagAddress()));
            long source = DataValues.nowNanos();
            PlcReadResponse response = builder.build().execute()
                    .get(options.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
            long receive = DataValues.nowNanos();
            List<Sample> samples = new ArrayList<>(valid.size());
            for (PlcItem item : valid) {
                PlcResponseCode code = response.getResponseCode(item.signalRef());
                if (code == PlcResponseCode.OK) {
                    double value = DataValues.toDouble(response.getObject(item.signalRef()));
                    samples.add(new Sample(lineId, item.signalRef(), value, source, receive, StatusCodes.Good));
                } else {
                    samples.add(new Sample(lineId, item.signalRef(), Double.NaN, source, receive, status(code)));
                }
            }
            return samples;
        }
    }

    /** Tags PLC4X cannot parse are reported once and left out, so one typo does not stop the others. */
    private void checkTags(PlcConnection connection) {
        for (PlcItem item : items) {
            boolean ok;
            try {
                ok = connection.parseTagAddress(item.tagAddress()).isPresent();
            } catch (RuntimeException e) {
                ok = false;
            }
            if (!ok) {
                invalidTags.add(item.signalRef());
                long now = DataValues.nowNanos();
                String text = "line " + lineId + ", signal " + item.signalRef() + ": PLC tag '" + item.tagAddress()
                        + "' is not a valid address for " + config.connection();
                LOG.error(text);
                sink.event(new Event(lineId, "signal-error", now, now, List.of(item.signalRef()), text));
                sink.samples(List.of(new Sample(lineId, item.signalRef(), Double.NaN, now, now,
                        StatusCodes.Bad_NodeIdInvalid)));
            }
        }
    }

    private void pollSucceeded(List<Sample> samples) {
        if (failures > 0) {
            LOG.info("line {}: PLC {} answers again after {} failed polls", lineId, config.connection(), failures);
        }
        failures = 0;
        nextAttemptMillis = 0;
        if (!samples.isEmpty()) {
            gaps.dataReceived(new long[] {samples.get(0).sourceTimeNanos()}, 1).ifPresent(gap -> sink.event(new Event(lineId, Event.COMMUNICATION_GAP,
                    gap.startNanos(), gap.endNanos(), plcSignals(), "no data from PLC " + config.connection())));
        }
        sink.samples(samples);
    }

    private void pollFailed(Throwable error) {
        Throwable cause = error instanceof ExecutionException && error.getCause() != null ? error.getCause() : error;
        long status = cause instanceof PlcConnectionException ? StatusCodes.Bad_NoCommunication
                : cause instanceof TimeoutException ? StatusCodes.Bad_Timeout : StatusCodes.Bad_CommunicationError;
        // A broken cached connection would be handed out again: drop it so the next attempt reconnects.
        try {
            if (connections instanceof org.apache.plc4x.java.utils.cache.CachedPlcConnectionManager cached) {
                cached.removeCachedConnection(config.connection());
            }
        } catch (RuntimeException e) {
            LOG.debug("line {}: dropping the cached PLC connection failed: {}", lineId, e.getMessage());
        }
        long delay = options.reconnect().delayMillis(failures);
        failures++;
        nextAttemptMillis = System.currentTimeMillis() + delay;
        if (failures <= 6 || failures % 10 == 0) {
            LOG.warn("line {}: PLC {} poll failed (attempt {}): {}; retrying in {} ms", lineId, config.connection(),
                    failures, Failures.describe(cause), delay);
        }
        long now = DataValues.nowNanos();
        if (failures == 1) {
            sink.event(new Event(lineId, OpcUaLineClient.CONNECTION_FAILED, now, now, List.of(), "PLC "
                    + config.connection() + " unavailable: " + Failures.describe(cause) + "; retrying with backoff"));
        }
        OptionalLong gapStart = gaps.connectionLost();
        gapStart.ifPresent(start -> sink.event(new Event(lineId, Event.COMMUNICATION_GAP, start, Event.OPEN,
                plcSignals(), "PLC " + config.connection() + " lost: " + Failures.describe(cause))));
        List<Sample> bad = new ArrayList<>(items.size());
        for (PlcItem item : items) {
            bad.add(new Sample(lineId, item.signalRef(), Double.NaN, now, now, status));
        }
        sink.samples(bad);
    }

    private List<String> plcSignals() {
        return items.stream().map(PlcItem::signalRef).filter(r -> !invalidTags.contains(r)).sorted().toList();
    }

    static long status(PlcResponseCode code) {
        return switch (code) {
            case OK -> StatusCodes.Good;
            case NOT_FOUND, INVALID_ADDRESS -> StatusCodes.Bad_NodeIdUnknown;
            case INVALID_DATATYPE -> StatusCodes.Bad_TypeMismatch;
            case ACCESS_DENIED -> StatusCodes.Bad_NotReadable;
            case INVALID_DATA -> StatusCodes.Bad_OutOfRange;
            case REMOTE_BUSY, RESPONSE_PENDING -> StatusCodes.Bad_ResourceUnavailable;
            case UNSUPPORTED -> StatusCodes.Bad_NotSupported;
            default -> StatusCodes.Bad_DeviceFailure;
        };
    }

    /** Writes a setpoint or command to the signal's tag. */
    Future<Void> write(PlcItem item, double value) {
        return vertx.executeBlocking(() -> {
            PlcWriteResponse response;
            try (PlcConnection connection = connections.getConnection(config.connection())) {
                response = connection.writeRequestBuilder()
                        .addTagAddress(item.signalRef(), item.tagAddress(), item.plcValue(value))
                        .build().execute().get(options.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                throw new WriteFailedException(item.signalRef(), StatusCodes.Bad_CommunicationError, "line " + lineId
                        + ": write of " + value + " to " + item.signalRef() + " (PLC tag " + item.tagAddress()
                        + ") failed: " + Failures.describe(e));
            }
            PlcResponseCode code = response.getResponseCode(item.signalRef());
            if (code != PlcResponseCode.OK) {
                throw new WriteFailedException(item.signalRef(), status(code), "line " + lineId + ": PLC refused "
                        + value + " for " + item.signalRef() + " (tag " + item.tagAddress() + "): " + code);
            }
            return null;
        }, false);
    }

    void stop() {
        stopped = true;
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }
}
