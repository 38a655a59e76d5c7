package org.flowpat.controller.control;

import org.flowpat.controller.acquisition.LineSamples;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.flowpat.config.model.Cqa;
import org.flowpat.config.model.Line;
import org.flowpat.config.model.Signal;
import org.flowpat.config.model.SupervisorySettings;
import org.flowpat.controller.api.Addresses;
import org.flowpat.controller.api.HmiAddresses;
import org.flowpat.controller.api.LineStateChange;
import org.flowpat.controller.api.QualityAddresses;
import org.flowpat.controller.api.Sample;
import org.flowpat.controller.api.SampleBatch;
import org.flowpat.controller.api.SetpointRequest;
import org.flowpat.controller.api.SetpointResult;
import org.flowpat.controller.api.codec.ControllerCodecs;
import org.flowpat.controller.quality.QualityCodecs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a line's supervisory loops: CQA and setpoint samples in ({@link Addresses#SAMPLES}), the line state in
 * ({@link QualityAddresses#LINE_STATE}); each move goes out as a {@link SetpointRequest} on
 * {@link HmiAddresses#SETPOINTS} by user {@code system:supervisory:<id>} with its reason, as a person's would, so
 * the setpoint service checks, writes and audits it. The line is taken as not in Execute until a state change says
 * otherwise.
 */
public final class SupervisoryVerticle extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(SupervisoryVerticle.class);

    private final Line line;
    private final List<SupervisoryLoop> loops = new ArrayList<>();
    private final List<MessageConsumer<?>> consumers = new ArrayList<>();

    public SupervisoryVerticle(Line line) {
        this.line = line;
    }

    @Override
    public Future<?> start() {
        if (line.quality().supervisory().isEmpty()) {
            return Future.succeededFuture();
        }
        ControllerCodecs.register(vertx.eventBus());
        QualityCodecs.register(vertx.eventBus());
        for (SupervisorySettings s : line.quality().supervisory()) {
            Cqa cqa = line.cqas().stream().filter(c -> c.id().equals(s.cqa())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("line " + line.id() + ": supervisory loop " + s.id()
                            + " holds CQA '" + s.cqa() + "', which the line does not have"));
            String unit = line.signal(s.manipulated()).map(Signal::unit).orElse("");
            loops.add(new SupervisoryLoop(s, cqa.signal(), cqa.unit(), unit, null));
        }
        var bus = vertx.eventBus();
        consumers.add(LineSamples.consumer(vertx, line.id(), m -> {
            for (Sample s : m.body().samples()) {
                if (line.id().equals(s.line())) {
                    for (SupervisoryLoop loop : loops) {
                        loop.accept(s).ifPresent(d -> act(loop, d));
                    }
                }
            }
        }));
        consumers.add(bus.<LineStateChange>consumer(QualityAddresses.LINE_STATE, m -> {
            if (line.id().equals(m.body().line())) {
                loops.forEach(l -> l.lineState(m.body().to()));
            }
        }));
        return Future.all(consumers.stream().map(MessageConsumer::completion).toList());
    }

    private void act(SupervisoryLoop loop, SupervisoryLoop.Decision d) {
        if (!d.move()) {
            LOG.debug("line {} supervisory {}: no move ({})", line.id(), loop.settings().id(), d.reason());
            return;
        }
        SetpointRequest request = new SetpointRequest(line.id(), loop.settings().manipulated(), d.to(), d.reason(),
                loop.user());
        vertx.eventBus().<JsonObject>request(HmiAddresses.SETPOINTS, request.toJson()).onComplete(ar -> {
            String refusal = ar.failed() ? ar.cause().getMessage()
                    : SetpointResult.fromJson(ar.result().body()).written() ? null
                    : SetpointResult.fromJson(ar.result().body()).message();
            if (refusal != null) {
                loop.rejected(d);
                LOG.warn("line {} supervisory {}: {} not written: {}", line.id(), loop.settings().id(), d.reason(), refusal);
            }
        });
    }

    @Override
    public Future<?> stop() {
        return Future.all(consumers.stream().map(MessageConsumer::unregister).toList());
    }
}
