package org.flowpat.controller.lots;

import org.flowpat.controller.acquisition.LineSamples;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.ArrayList;
import java.util.List;
import org.flowpat.config.model.Line;
import org.flowpat.controller.api.Addresses;
import org.flowpat.controller.api.AlarmTransition;
import org.flowpat.controller.api.AuditAddresses;
import org.flowpat.controller.api.AuditEntry;
import org.flowpat.controller.api.DiversionCommand;
import org.flowpat.controller.api.Event;
import org.flowpat.controller.api.LineStateChange;
import org.flowpat.controller.api.LotAddresses;
import org.flowpat.controller.api.LotRecord;
import org.flowpat.controller.api.LotStatus;
import org.flowpat.controller.api.QualityAddresses;
import org.flowpat.controller.api.SampleBatch;
import org.flowpat.controller.api.SpcResult;
import org.flowpat.controller.api.codec.ControllerCodecs;
import org.flowpat.controller.quality.QualityCodecs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one line's {@link LotTracker} on the event bus: it hears the samples, SPC results, alarms, diverter commands,
 * line states, events and audit entries, and publishes every lot record on {@link LotAddresses#LOTS} (the historian
 * journals them, the {@link LotService} serves them). When a lot opens, its id goes to the analyzer's context if a
 * {@link LotContextWriter} is given. When the data stop coming (no newer source time for {@code staleMs} of host
 * time) lots that have closed are finished with what is known.
 */
public final class LotVerticle extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(LotVerticle.class);

    private final Line line;
    private final LotContextWriter contextWriter;
    private final long settleNanos;
    private final long staleMs;
    private final List<MessageConsumer<?>> consumers = new ArrayList<>();
    private LotTracker tracker;
    private long timer = -1;
    private long lastClock = Long.MIN_VALUE;

    /**
     * @param contextWriter where the open lot's id is written, or null
     * @param settleNanos   data time after which the diverter's handling of material is taken as known
     * @param staleMs       host time without new data after which closed lots are finished anyway
     */
    public LotVerticle(Line line, LotContextWriter contextWriter, long settleNanos, long staleMs) {
        this.line = line;
        this.contextWriter = contextWriter;
        this.settleNanos = settleNanos;
        this.staleMs = staleMs;
    }

    @Override
    public Future<?> start() {
        EventBus bus = vertx.eventBus();
        ControllerCodecs.register(bus);
        QualityCodecs.register(bus);
        tracker = new LotTracker(line, this::publish, settleNanos);
        consumers.add(LineSamples.consumer(vertx, line.id(), m -> tracker.onSamples(m.body().samples())));
        consumers.add(bus.<SpcResult>consumer(QualityAddresses.SPC, m -> tracker.onSpc(m.body())));
        consumers.add(bus.<AlarmTransition>consumer(QualityAddresses.ALARMS, m -> tracker.onAlarm(m.body())));
        consumers.add(bus.<DiversionCommand>consumer(QualityAddresses.DIVERSION, m -> tracker.onDiversion(m.body())));
        consumers.add(bus.<LineStateChange>consumer(QualityAddresses.LINE_STATE, m -> tracker.onLineState(m.body())));
        consumers.add(bus.<Event>consumer(Addresses.EVENTS, m -> tracker.onEvent(m.body())));
        consumers.add(bus.<AuditEntry>consumer(AuditAddresses.ENTRIES, m -> tracker.onAudit(m.body())));
        timer = vertx.setPeriodic(Math.max(1, staleMs), id -> {
            if (tracker.nowNanos() == lastClock) {
                tracker.finishClosed();
            }
            lastClock = tracker.nowNanos();
        });
        return Future.all(consumers.stream().map(MessageConsumer::completion).toList());
    }

    private void publish(LotRecord lot) {
        vertx.eventBus().publish(LotAddresses.LOTS, lot);
        if (lot.status() == LotStatus.OPEN && contextWriter != null) {
            contextWriter.writeLotId(lot.id()).onFailure(e -> LOG.warn("line {}: writing lot id {} to the analyzer "
                    + "context failed: {}", line.id(), lot.id(), e.getMessage()));
        }
    }

    @Override
    public Future<?> stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        return Future.all(consumers.stream().map(MessageConsumer::unregister).toList());
    }
}
