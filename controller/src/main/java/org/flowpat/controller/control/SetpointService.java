package org.flowpat.controller.control;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import org.flowpat.config.model.Plant;
import org.flowpat.config.model.Signal;
import org.flowpat.controller.acquisition.Acquisition;
import org.flowpat.controller.api.HmiAddresses;
import org.flowpat.controller.api.SetpointRequest;
import org.flowpat.controller.api.SetpointResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers people's {@link SetpointRequest}s on {@link HmiAddresses#SETPOINTS}: checks that the signal exists and is
 * writable and that a reason is given, writes it through acquisition, and replies with a {@link SetpointResult}.
 * A refusal is an answer (written = false, with the reason), not a failure; only a malformed request fails (400).
 */
public final class SetpointService extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(SetpointService.class);
    public static final int BAD_REQUEST = 400;

    private final Plant plant;
    private final Acquisition acquisition;
    private MessageConsumer<Object> consumer;

    public SetpointService(Plant plant, Acquisition acquisition) {
        this.plant = plant;
        this.acquisition = acquisition;
    }

    @Override
    public Future<?> start() {
        consumer = vertx.eventBus().consumer(HmiAddresses.SETPOINTS, this::answer);
        return consumer.completion();
    }

    private void answer(Message<Object> message) {
        SetpointRequest request;
        try {
            if (!(message.body() instanceof JsonObject json)) {
                throw new IllegalArgumentException("a setpoint request is a JSON object");
            }
            request = SetpointRequest.fromJson(json);
        } catch (RuntimeException e) {
            message.fail(BAD_REQUEST, "malformed setpoint request: " + e.getMessage());
            return;
        }
        String refusal = refusal(request);
        if (refusal != null) {
            message.reply(new SetpointResult(false, refusal, 0).toJson());
            return;
        }
        acquisition.write(request.line(), request.signal(), request.value()).onComplete(ar -> {
            if (ar.succeeded()) {
                LOG.info("setpoint {}/{} = {} by {}: {}", request.line(), request.signal(), request.value(),
                        request.user(), request.reason());
                message.reply(new SetpointResult(true, "written", System.currentTimeMillis() * 1_000_000L).toJson());
            } else {
                message.reply(new SetpointResult(false, ar.cause().getMessage(), 0).toJson());
            }
        });
    }

    private String refusal(SetpointRequest r) {
        if (r.user() == null || r.user().isBlank()) {
            return "a setpoint change must be attributed to a user";
        }
        if (r.reason() == null || r.reason().isBlank()) {
            return "a setpoint change needs a reason";
        }
        if (!Double.isFinite(r.value())) {
            return "value must be a finite number";
        }
        var line = plant.lines().stream().filter(l -> l.id().equals(r.line())).findFirst();
        if (line.isEmpty()) {
            return "no line '" + r.line() + "'";
        }
        Signal signal = line.get().signal(r.signal()).orElse(null);
        if (signal == null) {
            return "no signal '" + r.signal() + "' on line " + r.line();
        }
        if (!signal.kind().writable()) {
            return r.signal() + " is a " + signal.kind().name().toLowerCase(java.util.Locale.ROOT) + ", not writable";
        }
        if (signal.range() != null && !signal.range().contains(r.value())) {
            return r.signal() + " = " + r.value() + " is outside its range [" + signal.range().min() + ", "
                    + signal.range().max() + "] " + signal.unit();
        }
        return null;
    }

    @Override
    public Future<?> stop() {
        return consumer == null ? Future.succeededFuture() : consumer.unregister();
    }
}
