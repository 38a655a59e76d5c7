package org.flowpat.controller.acquisition;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.SessionActivityListener;
import org.eclipse.milo.opcua.sdk.client.UaSession;
import org.eclipse.milo.opcua.sdk.client.identity.AnonymousProvider;
import org.eclipse.milo.opcua.sdk.client.identity.IdentityProvider;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.sdk.client.subscriptions.MonitoredItemServiceOperationResult;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.NamespaceTable;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.eclipse.milo.opcua.stack.core.util.EndpointUtil;
import org.flowpat.config.model.OpcUaEndpoint;
import org.flowpat.controller.api.Event;
import org.flowpat.controller.api.Sample;
import org.flowpat.controller.api.SpectrumSample;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line's OPC UA acquisition: a Milo client with one subscription holding a monitored item per signal.
 *
 * <p>Connection: the first connect is retried with backoff until it succeeds (an unreachable endpoint is never
 * fatal). After that Milo's session state machine reconnects by itself and transfers the subscription; when the
 * transfer fails (e.g. the server restarted) the subscription is created again. A lost session opens a
 * communication gap: every subscribed signal gets a Bad_NoCommunication sample just after the last data time and an
 * open {@code communication-gap} event is published; the first data after the reconnect closes the event with its
 * exact interval. Nothing is interpolated.
 *
 * <p>Threads: connecting, subscribing and writes run as blocking tasks of the owning verticle's context; data and
 * session callbacks arrive on Milo's threads and only touch thread-safe state.
 */
final class OpcUaLineClient {
    private static final Logger LOG = LoggerFactory.getLogger(OpcUaLineClient.class);
    /** Bad marks sit just after the last good time; 1 µs keeps them distinct also in µs-resolution stores. */
    private static final long MARK_OFFSET_NANOS = 1_000;
    private static final int MAX_NOTIFICATIONS_PER_PUBLISH = 5_000;
    /** Event kind published once per outage when an endpoint cannot be reached or refuses the session. */
    static final String CONNECTION_FAILED = "connection-failed";

    private final Vertx vertx;
    private final String lineId;
    private final OpcUaEndpoint endpoint;
    private final List<OpcUaItem> items;
    private final ClientSecurity security;
    private final AcquisitionOptions options;
    private final AcquisitionSink sink;
    private final GapTracker gaps = new GapTracker();
    /** Gaps the server reports through status codes while the session itself is fine. */
    private final GapTracker serverGaps = new GapTracker();
    /** Drops samples the client delivered twice; finds those the server's queues discarded (Overflow bit). */
    private final DeliveredSamples delivered = new DeliveredSamples();
    private long lastDiscardLogNanos = Long.MIN_VALUE;
    /** Signals whose monitored item exists on the server. */
    private final Set<String> subscribed = ConcurrentHashMap.newKeySet();
    /** Node ids resolved against the server's namespace table, per signal. */
    private final Map<String, NodeId> nodeIds = new ConcurrentHashMap<>();
    /** Java type of each signal's last value: writes send the same type (a Boolean node refuses a Double). */
    private final Map<String, Class<?>> valueTypes = new ConcurrentHashMap<>();
    /** Signal errors already reported, so a reconnect does not repeat them. */
    private final Set<String> reportedErrors = ConcurrentHashMap.newKeySet();

    private final SessionActivityListener sessionListener = new SessionActivityListener() {
        @Override
        public void onSessionActive(UaSession session) {
            LOG.info("line {}: OPC UA session to {} active", lineId, endpoint.endpoint());
        }

        @Override
        public void onSessionInactive(UaSession session) {
            if (!stopped) {
                communicationLost("OPC UA session to " + endpoint.endpoint() + " lost");
            }
        }
    };

    private final OpcUaSubscription.SubscriptionListener subscriptionListener =
            new OpcUaSubscription.SubscriptionListener() {
                @Override
                public void onDataReceived(OpcUaSubscription s, List<OpcUaMonitoredItem> monitored,
                                           List<DataValue> values) {
                    dataReceived(monitored, values);
                }

                @Override
                public void onTransferFailed(OpcUaSubscription s, StatusCode status) {
                    LOG.warn("line {}: subscription transfer failed ({}); creating it again", lineId,
                            StatusNames.of(status.getValue()));
                    vertx.runOnContext(v -> recreateSubscription(0));
                }

                @Override
                public void onNotificationDataLost(OpcUaSubscription s) {
                    // The server's sequence numbers skipped: notifications were lost between two publishes.
                    long now = DataValues.nowNanos();
                    LOG.warn("line {}: the server reports lost notifications", lineId);
                    sink.event(new Event(lineId, "notification-data-lost", now, now, List.copyOf(subscribed),
                            "OPC UA server reported lost notifications on the subscription"));
                }

                @Override
                public void onWatchdogTimerElapsed(OpcUaSubscription s) {
                    LOG.warn("line {}: no publish response or keep-alive within the subscription's watchdog time",
                            lineId);
                }
            };

    private volatile boolean stopped;
    private volatile OpcUaClient client;
    /** The server's namespace table of the current session, for node ids written outside the plant's signals. */
    private volatile NamespaceTable namespaces;
    private volatile OpcUaSubscription subscription;
    private int connectAttempts;
    private long retryTimer = -1;

    OpcUaLineClient(Vertx vertx, String lineId, OpcUaEndpoint endpoint, List<OpcUaItem> items,
                    ClientSecurity security, AcquisitionOptions options, AcquisitionSink sink) {
        this.vertx = vertx;
        this.lineId = lineId;
        this.endpoint = endpoint;
        this.items = List.copyOf(items);
        this.security = security;
        this.options = options;
        this.sink = sink;
    }

    /** Starts connecting in the background; must be called on the owning verticle's context. */
    void start() {
        if (!items.isEmpty()) {
            tryConnect();
        }
    }

    /** Samples the client delivered twice and this line dropped. */
    long duplicatesDropped() {
        return delivered.duplicates();
    }

    boolean connected() {
        OpcUaSubscription s = subscription;
        return s != null && s.getSubscriptionId().isPresent() && !gaps.isLost();
    }

    private void tryConnect() {
        if (stopped) {
            return;
        }
        vertx.<Void>executeBlocking(() -> {
            try {
                connectAndSubscribe();
            } catch (Exception | Error e) {
                disconnectQuietly(client);
                client = null;
                subscription = null;
                throw e;
            }
            return null;
        }).onComplete(ar -> {
            if (ar.succeeded()) {
                if (connectAttempts > 0) {
                    LOG.info("line {}: connected to {} after {} failed attempts", lineId, endpoint.endpoint(),
                            connectAttempts);
                }
                connectAttempts = 0;
                return;
            }
            if (stopped) {
                return;
            }
            long delay = options.reconnect().delayMillis(connectAttempts);
            connectAttempts++;
            if (connectAttempts == 1) {
                long now = DataValues.nowNanos();
                sink.event(new Event(lineId, CONNECTION_FAILED, now, now, List.of(), "OPC UA endpoint "
                        + endpoint.endpoint() + " unavailable: " + Failures.describe(ar.cause())
                        + "; retrying with backoff"));
            }
            // Log every failure until the delay is at its cap, then every tenth: clear but not flooding.
            if (connectAttempts <= 6 || connectAttempts % 10 == 0) {
                LOG.warn("line {}: OPC UA endpoint {} unavailable (attempt {}): {}; retrying in {} ms", lineId,
                        endpoint.endpoint(), connectAttempts, Failures.describe(ar.cause()), delay);
            }
            retryTimer = vertx.setTimer(delay, t -> tryConnect());
        });
    }

    private void connectAndSubscribe() throws Exception {
        OpcUaClient c = OpcUaClient.create(endpoint.endpoint(), this::selectEndpoint, transport -> {
        }, config -> config
                .setApplicationName(LocalizedText.english("FlowPAT controller"))
                .setApplicationUri(ClientSecurity.APPLICATION_URI)
                .setProductUri("urn:flowpat")
                .setKeyPair(security.keyPair())
                .setCertificate(security.certificate())
                .setCertificateChain(new java.security.cert.X509Certificate[] {security.certificate()})
                .setCertificateValidator(security.validator())
                .setIdentityProvider(identity())
                .setRequestTimeout(uint(options.requestTimeout().toMillis())));
        client = c;
        c.connect();
        if (stopped) {
            throw new IllegalStateException("stopped while connecting");
        }
        c.addSessionActivityListener(sessionListener);
        NamespaceTable namespaces = c.readNamespaceTable();
        this.namespaces = namespaces;

        OpcUaSubscription s = new OpcUaSubscription(c, endpoint.publishingIntervalMs());
        s.setMaxMonitoredItemsPerCall(uint(options.maxMonitoredItemsPerCall()));
        s.setMaxNotificationsPerPublish(uint(MAX_NOTIFICATIONS_PER_PUBLISH));
        s.setSubscriptionListener(subscriptionListener);
        s.create();
        s.addMonitoredItems(monitoredItems(namespaces));
        subscription = s;
        applyCreateResults(s.createMonitoredItems());
        LOG.info("line {}: subscribed {} of {} signals on {} (publishing every {} ms)", lineId, subscribed.size(),
                items.size(), endpoint.endpoint(), s.getRevisedPublishingInterval().orElse(Double.NaN));
    }

    /** The server's endpoint with the configured policy and mode, reached at the configured host and port. */
    private Optional<EndpointDescription> selectEndpoint(List<EndpointDescription> endpoints) {
        String policyUri = SecurityPolicy.valueOf(endpoint.securityPolicy()).getUri();
        MessageSecurityMode mode = MessageSecurityMode.valueOf(endpoint.securityMode());
        String host = EndpointUtil.getHost(endpoint.endpoint());
        int port = EndpointUtil.getPort(endpoint.endpoint());
        // Servers often advertise a host name the controller cannot resolve; keep the address we reached them at.
        Optional<EndpointDescription> match = endpoints.stream()
                .filter(e -> policyUri.equals(e.getSecurityPolicyUri()) && e.getSecurityMode() == mode)
                .findFirst()
                .map(e -> EndpointUtil.updateUrl(e, host, port));
        if (match.isEmpty()) {
            LOG.error("line {}: {} offers no endpoint with security policy {} and mode {}", lineId,
                    endpoint.endpoint(), endpoint.securityPolicy(), endpoint.securityMode());
        }
        return match;
    }

    private IdentityProvider identity() {
        if (endpoint.username() == null) {
            return new AnonymousProvider();
        }
        return new UsernameProvider(endpoint.username(), endpoint.password() == null ? "" : endpoint.password());
    }

    private List<OpcUaMonitoredItem> monitoredItems(NamespaceTable namespaces) {
        List<OpcUaMonitoredItem> monitored = new ArrayList<>(items.size());
        for (OpcUaItem item : items) {
            MonitoredItems.resolve(item, namespaces, this::signalError).ifPresent(nodeId -> {
                nodeIds.put(item.signalRef(), nodeId);
                monitored.add(MonitoredItems.create(item, nodeId, endpoint.publishingIntervalMs()));
            });
        }
        return monitored;
    }

    private void applyCreateResults(List<MonitoredItemServiceOperationResult> results) {
        List<OpcUaMonitoredItem> failed = new ArrayList<>();
        for (MonitoredItemServiceOperationResult result : results) {
            OpcUaItem item = (OpcUaItem) result.monitoredItem().getUserObject().orElseThrow();
            if (result.isGood()) {
                subscribed.add(item.signalRef());
            } else {
                long code = result.operationResult().map(StatusCode::getValue)
                        .orElse(result.serviceResult().getValue());
                signalError(item, code, "node id '" + item.nodeId() + "' cannot be monitored: "
                        + StatusNames.of(code));
                failed.add(result.monitoredItem());
            }
        }
        // Dropped so a recreate does not ask again for nodes the server does not have.
        OpcUaSubscription s = subscription;
        if (s != null && !failed.isEmpty()) {
            s.removeMonitoredItems(failed);
        }
    }

    /** A per-signal configuration or server error: logged, published as an event and a Bad sample, once. */
    private void signalError(OpcUaItem item, long statusCode, String message) {
        subscribed.remove(item.signalRef());
        if (!reportedErrors.add(item.signalRef() + "|" + statusCode)) {
            return;
        }
        long now = DataValues.nowNanos();
        String text = "line " + lineId + ", signal " + item.signalRef() + ": " + message;
        LOG.error(text);
        sink.event(new Event(lineId, "signal-error", now, now, List.of(item.signalRef()), text));
        if (item.spectrum()) {
            sink.spectrum(new SpectrumSample(lineId, item.signalRef(), new double[0], now, now, statusCode));
        } else {
            sink.samples(List.of(new Sample(lineId, item.signalRef(), Double.NaN, now, now, statusCode)));
        }
    }

    private void dataReceived(List<OpcUaMonitoredItem> monitored, List<DataValue> values) {
        long receive = DataValues.nowNanos();
        List<Sample> batch = new ArrayList<>(values.size());
        long[] sources = new long[values.size()];
        int count = 0;
        long[] usableSources = new long[values.size()];
        int usable = 0;
        long serverLoss = StatusCodes.Good;
        List<SpectrumSample> spectra = new ArrayList<>(0);
        for (int i = 0; i < values.size(); i++) {
            Object user = monitored.get(i).getUserObject().orElse(null);
            if (!(user instanceof OpcUaItem item)) {
                continue;
            }
            DataValue value = values.get(i);
            long source = DataValues.sourceNanos(value, receive);
            long status = DataValues.status(value);
            double[] spectrum = item.spectrum() ? DataValues.array(value) : null;
            double scalar = item.spectrum() ? Double.NaN : DataValues.scalar(value);
            long valueBits = item.spectrum() ? java.util.Arrays.hashCode(spectrum) : Double.doubleToLongBits(scalar);
            if (!delivered.accept(item.signalRef(), source, valueBits, status)) {
                continue; // delivered twice by the client (a republished message): it is on the bus already
            }
            sources[count++] = source;
            if (reportsLostCommunication(status)) {
                serverLoss = status;
            } else {
                usableSources[usable++] = source;
            }
            if (item.spectrum()) {
                spectra.add(new SpectrumSample(lineId, item.signalRef(), spectrum, source, receive, status));
            } else {
                batch.add(new Sample(lineId, item.signalRef(), scalar, source, receive, status));
                Object raw = value.getValue() == null ? null : value.getValue().getValue();
                if (raw != null && item.writable()) {
                    valueTypes.put(item.signalRef(), raw.getClass());
                }
            }
        }
        if (count > 0) {
            gaps.dataReceived(sources, count).ifPresent(gap -> {
                LOG.info("line {}: OPC UA data flows again; communication gap {} ms", lineId,
                        (gap.endNanos() - gap.startNanos()) / 1_000_000);
                sink.event(new Event(lineId, Event.COMMUNICATION_GAP, gap.startNanos(), gap.endNanos(),
                        sortedSubscribed(), "no OPC UA data from " + endpoint.endpoint()));
            });
        }
        serverReportedGaps(usableSources, usable, serverLoss);
        delivered.endOfBatch().ifPresent(d -> {
            if (lastDiscardLogNanos == Long.MIN_VALUE || receive - lastDiscardLogNanos > 60_000_000_000L) {
                lastDiscardLogNanos = receive;
                LOG.warn("line {}: the OPC UA server discarded samples of {} (queue overflow: its publishing fell "
                        + "behind the sampling); recorded as {} events, logged at most once a minute", lineId,
                        d.signals(), Event.SAMPLES_DISCARDED);
            }
            sink.event(new Event(lineId, Event.SAMPLES_DISCARDED, d.fromNanos(), d.toNanos(), List.copyOf(d.signals()),
                    "OPC UA server " + endpoint.endpoint() + " discarded samples between these times (monitored item "
                            + "queue overflow)"));
        });
        sink.samples(batch);
        spectra.forEach(sink::spectrum);
    }

    /** Status codes by which a server (or gateway) says it lost the device behind it. */
    static boolean reportsLostCommunication(long status) {
        long code = status & 0xFFFF0000L;
        return code == StatusCodes.Bad_CommunicationError || code == StatusCodes.Bad_NoCommunication
                || code == StatusCodes.Bad_NotConnected || code == StatusCodes.Bad_ServerNotConnected;
    }

    /**
     * A gap the server reports itself (its values turn Bad_CommunicationError and the like while the session lives):
     * from the last data with a usable communication status to the first one after it. The samples themselves carry
     * the Bad status already.
     */
    private void serverReportedGaps(long[] usableSources, int usable, long lossStatus) {
        if (usable > 0) {
            serverGaps.dataReceived(usableSources, usable).ifPresent(gap -> sink.event(new Event(lineId,
                    Event.COMMUNICATION_GAP, gap.startNanos(), gap.endNanos(), sortedSubscribed(),
                    "server " + endpoint.endpoint() + " reported lost communication with the line")));
        }
        if (lossStatus != StatusCodes.Good) {
            serverGaps.connectionLost().ifPresent(start -> {
                LOG.warn("line {}: server {} reports {}", lineId, endpoint.endpoint(), StatusNames.of(lossStatus));
                sink.event(new Event(lineId, Event.COMMUNICATION_GAP, start, Event.OPEN, sortedSubscribed(),
                        "server " + endpoint.endpoint() + " reports " + StatusNames.of(lossStatus)));
            });
        }
    }

    private void communicationLost(String reason) {
        OptionalLong start = gaps.connectionLost();
        if (start.isEmpty()) {
            return;
        }
        long mark = start.getAsLong() + MARK_OFFSET_NANOS;
        long now = DataValues.nowNanos();
        List<String> signals = sortedSubscribed();
        LOG.warn("line {}: {}; marking {} signals Bad_NoCommunication until data flows again", lineId, reason,
                signals.size());
        sink.event(new Event(lineId, Event.COMMUNICATION_GAP, start.getAsLong(), Event.OPEN, signals, reason));
        List<Sample> marks = new ArrayList<>(signals.size());
        for (OpcUaItem item : items) {
            if (!signals.contains(item.signalRef())) {
                continue;
            }
            if (item.spectrum()) {
                sink.spectrum(new SpectrumSample(lineId, item.signalRef(), new double[0], mark, now,
                        StatusCodes.Bad_NoCommunication));
            } else {
                marks.add(new Sample(lineId, item.signalRef(), Double.NaN, mark, now, StatusCodes.Bad_NoCommunication));
            }
        }
        sink.samples(marks);
    }

    private List<String> sortedSubscribed() {
        return subscribed.stream().sorted().toList();
    }

    /** After a failed transfer: the same subscription and items, created again on the new session. */
    private void recreateSubscription(int attempt) {
        OpcUaSubscription s = subscription;
        if (stopped || s == null) {
            return;
        }
        vertx.<Void>executeBlocking(() -> {
            s.create();
            applyCreateResults(s.createMonitoredItems());
            return null;
        }).onComplete(ar -> {
            if (ar.succeeded()) {
                LOG.info("line {}: subscription created again with {} signals", lineId, subscribed.size());
            } else if (!stopped) {
                long delay = options.reconnect().delayMillis(attempt);
                LOG.warn("line {}: creating the subscription again failed: {}; retrying in {} ms", lineId,
                        Failures.describe(ar.cause()), delay);
                s.reset();
                vertx.setTimer(delay, t -> recreateSubscription(attempt + 1));
            }
        });
    }

    /** Writes a setpoint or command value to the signal's node. */
    Future<Void> write(OpcUaItem item, double value) {
        OpcUaClient c = client;
        NodeId nodeId = nodeIds.get(item.signalRef());
        if (c == null || nodeId == null || !connected()) {
            return Future.failedFuture(new WriteFailedException(item.signalRef(), StatusCodes.Bad_NotConnected,
                    "line " + lineId + ": cannot write " + item.signalRef() + ", OPC UA server "
                            + endpoint.endpoint() + " not connected"));
        }
        Variant variant = new Variant(MonitoredItems.typed(valueTypes.get(item.signalRef()), value));
        Promise<Void> promise = Promise.promise();
        c.writeValuesAsync(List.of(nodeId), List.of(DataValue.valueOnly(variant)))
                .orTimeout(options.requestTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((codes, error) -> {
                    if (error != null) {
                        promise.fail(new WriteFailedException(item.signalRef(), StatusCodes.Bad_CommunicationError,
                                "line " + lineId + ": write of " + value + " to " + item.signalRef() + " failed: "
                                        + Failures.describe(error)));
                    } else if (!codes.get(0).isGood()) {
                        long code = codes.get(0).getValue();
                        promise.fail(new WriteFailedException(item.signalRef(), code, "line " + lineId + ": "
                                + item.signalRef() + " refused " + value + ": " + StatusNames.of(code)));
                    } else {
                        promise.complete();
                    }
                });
        return promise.future();
    }

    /**
     * Writes a text to a node that is not one of the line's signals, such as the analyzer's lot context
     * ({@code nsu=...;s=...} or {@code ns=...;s=...}).
     */
    Future<Void> writeText(String nodeIdText, String text) {
        OpcUaClient c = client;
        NamespaceTable ns = namespaces;
        if (c == null || ns == null || !connected()) {
            return Future.failedFuture(new WriteFailedException(nodeIdText, StatusCodes.Bad_NotConnected,
                    "line " + lineId + ": cannot write " + nodeIdText + ", OPC UA server " + endpoint.endpoint()
                            + " not connected"));
        }
        Optional<NodeId> nodeId;
        try {
            nodeId = ExpandedNodeId.parse(nodeIdText).toNodeId(ns);
        } catch (RuntimeException e) {
            return Future.failedFuture(new WriteFailedException(nodeIdText, StatusCodes.Bad_NodeIdInvalid,
                    "line " + lineId + ": node id '" + nodeIdText + "' cannot be parsed"));
        }
        if (nodeId.isEmpty()) {
            return Future.failedFuture(new WriteFailedException(nodeIdText, StatusCodes.Bad_NodeIdUnknown,
                    "line " + lineId + ": node id '" + nodeIdText + "': the server has no such namespace"));
        }
        Promise<Void> promise = Promise.promise();
        c.writeValuesAsync(List.of(nodeId.get()), List.of(DataValue.valueOnly(new Variant(text))))
                .orTimeout(options.requestTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((codes, error) -> {
                    if (error != null) {
                        promise.fail(new WriteFailedException(nodeIdText, StatusCodes.Bad_CommunicationError,
                                "line " + lineId + ": write to " + nodeIdText + " failed: " + Failures.describe(error)));
                    } else if (!codes.get(0).isGood()) {
                        long code = codes.get(0).getValue();
                        promise.fail(new WriteFailedException(nodeIdText, code, "line " + lineId + ": " + nodeIdText
                                + " refused '" + text + "': " + StatusNames.of(code)));
                    } else {
                        promise.complete();
                    }
                });
        return promise.future();
    }

    /** Deletes the subscription and closes the session; completes also when the server is gone. */
    Future<Void> stop() {
        stopped = true;
        if (retryTimer >= 0) {
            vertx.cancelTimer(retryTimer);
        }
        OpcUaClient c = client;
        OpcUaSubscription s = subscription;
        if (c == null) {
            return Future.succeededFuture();
        }
        return vertx.executeBlocking(() -> {
            if (s != null && s.getSubscriptionId().isPresent()) {
                try {
                    s.delete();
                } catch (UaException | RuntimeException e) {
                    LOG.debug("line {}: deleting the subscription failed: {}", lineId, e.getMessage());
                }
            }
            disconnectQuietly(c);
            return null;
        });
    }

    private void disconnectQuietly(OpcUaClient c) {
        if (c == null) {
            return;
        }
        try {
            c.removeSessionActivityListener(sessionListener);
            c.disconnectAsync().get(options.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            LOG.debug("line {}: disconnect from {} failed: {}", lineId, endpoint.endpoint(), e.getMessage());
        }
    }
}
