package org.flowpat.controller.linestate;

import org.flowpat.controller.acquisition.LineSamples;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.ArrayList;
import java.util.List;
import org.flowpat.config.model.InterlockSettings;
import org.flowpat.config.model.Line;
import org.flowpat.controller.api.Addresses;
import org.flowpat.controller.api.AuditActions;
import org.flowpat.controller.api.AuditEntry;
import org.flowpat.controller.api.AuditRequest;
import org.flowpat.controller.api.LineCommandRequest;
import org.flowpat.controller.api.LineState;
import org.flowpat.controller.api.LineStateChange;
import org.flowpat.controller.api.QualityAddresses;
import org.flowpat.controller.api.Sample;
import org.flowpat.controller.api.SampleBatch;
import org.flowpat.controller.api.codec.ControllerCodecs;
import org.flowpat.controller.audit.AuditClient;
import org.flowpat.controller.quality.QualityCodecs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line's PackML state on the event bus: commands arrive as {@link LineCommandRequest}s, the HOLD, STOP and
 * ABORT interlocks act on the samples, and every change is published on {@link QualityAddresses#LINE_STATE}. An
 * acting state (Starting, Holding, ...) completes {@code actingMs} after it is entered; the line's own sequences
 * are not modelled yet. DIVERT interlocks are the diversion verticle's business. Commands and interlock actions are
 * recorded in the audit trail.
 */
public final class LineStateVerticle extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(LineStateVerticle.class);
    private final Line line;
    private final long actingMs;
    private final List<MessageConsumer<?>> consumers = new ArrayList<>();
    private LineSupervisor supervisor;

    public LineStateVerticle(Line line, long actingMs) {
        this.line = line;
        this.actingMs = actingMs;
    }

    @Override
    public Future<?> start() {
        ControllerCodecs.register(vertx.eventBus());
        QualityCodecs.register(vertx.eventBus());
        LineStateMachine machine = new LineStateMachine(line.id(), LineState.STOPPED, this::published);
        List<InterlockSettings> stateInterlocks = line.quality().interlocks().stream()
                .filter(i -> !"DIVERT".equals(i.action())).toList();
        supervisor = new LineSupervisor(machine, new Interlocks(stateInterlocks));
        consumers.add(LineSamples.consumer(vertx, line.id(), m -> {
            for (Sample s : m.body().samples()) {
                if (line.id().equals(s.line())) {
                    supervisor.onSample(s);
                }
            }
        }));
        consumers.add(vertx.eventBus().<LineCommandRequest>consumer(QualityAddresses.lineCommands(line.id()), this::onCommand));
        return Future.all(consumers.stream().map(MessageConsumer::completion).toList());
    }

    private void published(LineStateChange change) {
        vertx.eventBus().publish(QualityAddresses.LINE_STATE, change);
        if (change.by().startsWith("interlock:")) {
            audit(change, "system:" + change.by(), change.reason());
        }
        if (change.to().acting()) {
            LineState acting = change.to();
            vertx.setTimer(Math.max(1, actingMs), id -> {
                // only if nothing (an abort, a stop) has moved the line on meanwhile
                if (supervisor.machine().state() == acting) {
                    supervisor.machine().complete(System.currentTimeMillis() * 1_000_000L);
                }
            });
        }
    }

    private void onCommand(Message<LineCommandRequest> m) {
        LineCommandRequest r = m.body();
        try {
            LineStateChange c = supervisor.machine().command(r.command(), r.user(), System.currentTimeMillis() * 1_000_000L);
            // the reply waits for the audit entry, so what the user sees confirmed is on record
            audit(c, r.user(), r.reason()).onComplete(ar -> m.reply(c.to().name()));
        } catch (IllegalLineCommandException e) {
            m.fail(409, e.getMessage());
        } catch (IllegalArgumentException | NullPointerException e) {
            m.fail(400, e.getMessage() == null ? "incomplete line command " + r : e.getMessage());
        }
    }

    /**
     * Records a commanded or interlock-forced change (who, command, from → to, why). An acting state completing on
     * its own is not an action of anyone: it is in the line-state journal, not the audit trail.
     */
    private Future<AuditEntry> audit(LineStateChange c, String user, String reason) {
        return AuditClient.append(vertx, new AuditRequest(user, AuditActions.LINE_COMMAND, c.line(), c.command(),
                c.from().name(), c.to().name(), reason)).onFailure(e -> LOG.error("line {} {} by {} NOT in the audit "
                + "trail: {}", c.line(), c.command(), user, e.getMessage()));
    }

    /** The line's state now (read it on the verticle's context). */
    public LineState state() {
        return supervisor.machine().state();
    }

    @Override
    public Future<?> stop() {
        return Future.all(consumers.stream().map(MessageConsumer::unregister).toList());
    }
}
