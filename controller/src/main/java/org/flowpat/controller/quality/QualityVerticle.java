package org.flowpat.controller.quality;

import org.flowpat.controller.acquisition.LineSamples;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.flowpat.config.model.Line;
import org.flowpat.controller.alarms.AlarmManager;
import org.flowpat.controller.alarms.AlarmPermissionException;
import org.flowpat.controller.api.Addresses;
import org.flowpat.controller.api.AlarmAction;
import org.flowpat.controller.api.AuditActions;
import org.flowpat.controller.api.AuditRequest;
import org.flowpat.controller.api.Event;
import org.flowpat.controller.api.HistorianStatus;
import org.flowpat.controller.api.LineStateChange;
import org.flowpat.controller.api.QualityAddresses;
import org.flowpat.controller.api.Sample;
import org.flowpat.controller.api.SampleBatch;
import org.flowpat.controller.api.SpcResult;
import org.flowpat.controller.api.codec.ControllerCodecs;
import org.flowpat.controller.audit.AuditClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one line's CQA monitoring and alarms on the event bus: samples in ({@link Addresses#SAMPLES}), SPC results
 * out ({@link QualityAddresses#SPC}), alarm transitions out ({@link QualityAddresses#ALARMS}); communication gaps
 * ({@link Addresses#EVENTS}), the historian's spool status and line-state changes feed the alarms; acknowledge and
 * shelve arrive as {@link AlarmAction} requests; each one that changes an alarm is recorded in the audit trail (user,
 * alarm, state before and after, shelve expiry, reason) before the reply. A one-second timer advances alarm delays and shelve expiries.
 * All state lives on this verticle's event loop.
 */
public final class QualityVerticle extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(QualityVerticle.class);
    static final long TICK_MS = 1000;

    private final Line line;
    private CqaMonitor monitor;
    private AlarmManager alarms;
    private final List<MessageConsumer<?>> consumers = new ArrayList<>();
    private long timer = -1;
    private long latestSourceNanos = Long.MIN_VALUE;

    public QualityVerticle(Line line) {
        this.line = line;
    }

    @Override
    public Future<?> start() {
        ControllerCodecs.register(vertx.eventBus());
        QualityCodecs.register(vertx.eventBus());
        monitor = new CqaMonitor(line);
        alarms = new AlarmManager(line, t -> vertx.eventBus().publish(QualityAddresses.ALARMS, t));
        var bus = vertx.eventBus();
        consumers.add(LineSamples.consumer(vertx, line.id(), m -> onBatch(m.body())));
        consumers.add(bus.<Event>consumer(Addresses.EVENTS, m -> onEvent(m.body())));
        consumers.add(bus.<HistorianStatus>consumer(Addresses.HISTORIAN_STATUS,
                m -> alarms.onSpoolFilling(m.body().alarm(), m.body().fillRatio(), nowNanos())));
        consumers.add(bus.<LineStateChange>consumer(QualityAddresses.LINE_STATE, m -> {
            if (line.id().equals(m.body().line())) {
                alarms.onLineState(m.body().to(), m.body().timeNanos());
            }
        }));
        consumers.add(bus.<AlarmAction>consumer(QualityAddresses.alarmActions(line.id()), this::onAction));
        timer = vertx.setPeriodic(TICK_MS, id -> alarms.tick(alarmClock()));
        return Future.all(consumers.stream().map(MessageConsumer::completion).toList());
    }

    private static long nowNanos() {
        return System.currentTimeMillis() * 1_000_000L;
    }

    /**
     * Alarm delays run on the samples' source time; between samples the wall clock moves them on. A simulator
     * run faster than real time keeps its own (later) time, so the later of the two is taken.
     */
    private long alarmClock() {
        return Math.max(nowNanos(), latestSourceNanos);
    }

    private void onBatch(SampleBatch batch) {
        for (Sample s : batch.samples()) {
            if (!line.id().equals(s.line())) {
                continue;
            }
            latestSourceNanos = Math.max(latestSourceNanos, s.sourceTimeNanos());
            alarms.onSample(s);
            for (SpcResult r : monitor.accept(s)) {
                vertx.eventBus().publish(QualityAddresses.SPC, r);
                alarms.onSpc(r);
            }
        }
    }

    private void onEvent(Event e) {
        if (line.id().equals(e.line()) && Event.COMMUNICATION_GAP.equals(e.kind())) {
            alarms.onCommunication(e.open(), e.open() ? e.startNanos() : e.endNanos());
        }
    }

    private void onAction(Message<AlarmAction> m) {
        AlarmAction a = m.body();
        if (!line.id().equals(a.line())) {
            m.fail(400, "alarm action for line " + a.line() + " sent to line " + line.id());
            return;
        }
        // the clock the alarm delays and shelve expiries run on (tick), or a shelve would expire at once when the
        // data run ahead of the wall clock
        long now = alarmClock();
        try {
            String before = alarms.alarm(a.alarmId()).state().name();
            String audited = switch (a.action()) {
                case "ACKNOWLEDGE" -> alarms.acknowledge(a.alarmId(), a.user(), now) ? AuditActions.ALARM_ACKNOWLEDGE : null;
                case "SHELVE" -> {
                    Duration duration = Duration.ofMillis(Math.round(a.durationS() * 1000));
                    alarms.shelve(a.alarmId(), a.user(), a.role(), duration, a.reason(), now);
                    yield AuditActions.ALARM_SHELVE;
                }
                case "UNSHELVE" -> alarms.unshelve(a.alarmId(), a.user(), now) ? AuditActions.ALARM_UNSHELVE : null;
                default -> throw new IllegalArgumentException("unknown alarm action '" + a.action()
                        + "' (ACKNOWLEDGE, SHELVE or UNSHELVE)");
            };
            String after = alarms.alarm(a.alarmId()).state().name();
            if (audited == null) {
                m.reply(after); // nothing changed (already acknowledged, not shelved): nothing to record
                return;
            }
            String newValue = AuditActions.ALARM_SHELVE.equals(audited)
                    ? after + " until " + java.time.Instant.ofEpochSecond(0, now).plusMillis(Math.round(a.durationS() * 1000))
                    : after;
            // the reply waits for the audit entry, so what the user sees confirmed is on record
            AuditClient.append(vertx, new AuditRequest(a.user(), audited, line.id(), a.alarmId(), before, newValue,
                    a.reason())).onComplete(ar -> {
                        if (ar.failed()) {
                            LOG.error("alarm {} {} by {} NOT in the audit trail: {}", a.alarmId(), audited, a.user(),
                                    ar.cause().getMessage());
                        }
                        m.reply(after);
                    });
        } catch (AlarmPermissionException e) {
            m.fail(403, e.getMessage());
        } catch (IllegalArgumentException | NullPointerException e) {
            m.fail(400, e.getMessage() == null ? "incomplete alarm action " + a : e.getMessage());
        }
    }

    @Override
    public Future<?> stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        return Future.all(consumers.stream().map(MessageConsumer::unregister).toList());
    }

    /** For tests on the verticle's context: the monitor and the alarms. */
    CqaMonitor monitor() {
        return monitor;
    }

    AlarmManager alarms() {
        return alarms;
    }
}
