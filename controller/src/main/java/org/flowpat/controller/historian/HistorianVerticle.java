package org.flowpat.controller.historian;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import org.flowpat.controller.api.Event;
import org.flowpat.controller.api.Addresses;
import org.flowpat.controller.api.AuditAddresses;
import org.flowpat.controller.api.LotAddresses;
import org.flowpat.controller.api.HistorianStatus;
import org.flowpat.controller.api.SampleBatch;
import org.flowpat.controller.api.QualityAddresses;
import org.flowpat.controller.api.codec.ControllerCodecs;
import org.flowpat.controller.api.codec.JournalJson;
import org.flowpat.controller.api.codec.RecordEncoding;
import org.flowpat.controller.quality.QualityCodecs;
import org.flowpat.controller.spool.Spool;
import org.flowpat.controller.spool.SpoolConfig;
import org.flowpat.controller.spool.SpoolFullException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Keeps every {@link SampleBatch} ({@link Addresses#SAMPLES}) and {@link Event}
 * ({@link Addresses#EVENTS}) from the event bus, and journals the quality records: SPC results, alarm
 * transitions, diverter commands and line state changes ({@link QualityAddresses}): each message is appended to the durable spool
 * (a sender using request() gets the spool sequence as reply once it is on disk, or a failure when the spool
 * is full), and the spool's writer thread takes it to the {@link Historian}. When the spool's alarm is
 * raised or cleared, a {@link HistorianStatus} is published on {@link Addresses#HISTORIAN_STATUS}.
 * <p>
 * Deploy it as a worker verticle ({@code ThreadingModel.WORKER}): an append is a file write (and a disk flush
 * under {@code FsyncPolicy.EVERY_APPEND}), which does not belong on an event loop. Stopping drains the spool
 * into the database, bounded by the drain timeout; what remains stays on disk for the next start. The
 * historian itself belongs to the caller (trend reads use it too) and is not closed here.
 */
public final class HistorianVerticle extends VerticleBase {
    private static final Logger log = LoggerFactory.getLogger(HistorianVerticle.class);
    /** Failure code of a request refused because the spool is full or failing. */
    public static final int SPOOL_FAILURE = 503;

    /** Quality records journaled beside samples and events. */
    private static final List<String> JOURNALED = List.of(QualityAddresses.SPC, QualityAddresses.ALARMS,
            QualityAddresses.DIVERSION, QualityAddresses.LINE_STATE, AuditAddresses.ENTRIES, LotAddresses.LOTS,
            LotAddresses.SIGNATURES);

    private final Historian historian;
    private final SpoolConfig spoolConfig;
    private final Duration drainTimeout;
    private Spool spool;
    private SpoolDrainer drainer;
    private MessageConsumer<SampleBatch> samples;
    private MessageConsumer<Event> events;
    private final List<MessageConsumer<Object>> journal = new ArrayList<>();
    private boolean refusing;

    public HistorianVerticle(Historian historian, SpoolConfig spoolConfig, Duration drainTimeout) {
        this.historian = Objects.requireNonNull(historian, "historian");
        this.spoolConfig = Objects.requireNonNull(spoolConfig, "spool configuration");
        this.drainTimeout = Objects.requireNonNull(drainTimeout, "drain timeout");
    }

    /** The spool, for status and tests; null before start. */
    public Spool spool() {
        return spool;
    }

    public SpoolDrainer drainer() {
        return drainer;
    }

    @Override
    public Future<?> start() {
        ControllerCodecs.register(vertx.eventBus());
        QualityCodecs.register(vertx.eventBus());
        return vertx.executeBlocking(() -> {
            spool = Spool.open(spoolConfig, this::publishStatus);
            drainer = new SpoolDrainer(spool, historian).start();
            log.info("historian: spool {} feeding {}", spoolConfig.directory(), historian.describe());
            return null;
        }).compose(v -> {
            samples = vertx.eventBus().consumer(Addresses.SAMPLES, this::store);
            events = vertx.eventBus().consumer(Addresses.EVENTS, this::store);
            List<Future<Void>> registered = new ArrayList<>(List.of(samples.completion(), events.completion()));
            for (String address : JOURNALED) {
                MessageConsumer<Object> consumer = vertx.eventBus().consumer(address, this::store);
                journal.add(consumer);
                registered.add(consumer.completion());
            }
            return Future.all(registered);
        });
    }

    private void store(Message<?> message) {
        Object body = message.body();
        if (!(body instanceof SampleBatch) && !(body instanceof Event) && !JournalJson.journaled(body)) {
            log.error("historian: ignoring a {} on {}", body == null ? "null" : body.getClass().getName(), message.address());
            if (message.replyAddress() != null) {
                message.fail(400, "the historian stores SampleBatch, Event, SpcResult, AlarmTransition, "
                        + "DiversionCommand, LineStateChange, AuditEntry, LotRecord and LotSignature records, not " + (body == null ? "null" : body.getClass().getSimpleName()));
            }
            return;
        }
        try {
            long sequence = spool.append(RecordEncoding.encode(body));
            drainer.appended(sequence, body); // spares the writer decoding the bytes it reads back
            if (refusing) {
                refusing = false;
                log.info("historian: spool accepts records again");
            }
            if (message.replyAddress() != null) {
                message.reply(sequence);
            }
        } catch (Exception e) {
            if (!refusing) {
                refusing = true;
                log.error("historian: spool refuses records, they are LOST until it has room: {}", e.getMessage());
            }
            if (message.replyAddress() != null) {
                message.fail(SPOOL_FAILURE, (e instanceof SpoolFullException ? "" : "spool append failed: ") + e.getMessage());
            }
        }
    }

    private void publishStatus(boolean alarm, long bytes, long capacity) {
        if (vertx == null) {
            return;
        }
        String lastError = drainer == null ? "" : drainer.lastError();
        vertx.eventBus().publish(Addresses.HISTORIAN_STATUS, new HistorianStatus(bytes, capacity, alarm, lastError));
    }

    @Override
    public Future<?> stop() {
        List<Future<Void>> unregistering = new ArrayList<>();
        if (samples != null) {
            unregistering.add(samples.unregister());
        }
        if (events != null) {
            unregistering.add(events.unregister());
        }
        journal.forEach(c -> unregistering.add(c.unregister()));
        Future<?> unregistered = Future.all(unregistering);
        return unregistered.eventually(() -> vertx.executeBlocking(() -> {
            if (drainer != null) {
                drainer.drainAndStop(drainTimeout);
            }
            if (spool != null) {
                spool.close();
            }
            return null;
        }));
    }
}
