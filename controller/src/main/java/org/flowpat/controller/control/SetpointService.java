package org.flowpat.controller.control;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import org.flowpat.config.model.Plant;
import org.flowpat.config.model.Signal;
import org.flowpat.controller.acquisition.Acquisition;
import org.flowpat.controller.api.Addresses;
import org.flowpat.controller.api.AuditActions;
import org.flowpat.controller.api.AuditRequest;
import org.flowpat.controller.api.Sample;
import org.flowpat.controller.api.SampleBatch;
import org.flowpat.controller.audit.AuditClient;
import org.flowpat.controller.api.HmiAddresses;
import org.flowpat.controller.api.LoopAddresses;
import org.flowpat.controller.api.LoopMode;
import org.flowpat.controller.api.LoopStatus;
import org.flowpat.controller.api.SetpointRequest;
import org.flowpat.controller.api.SetpointResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers people's {@link SetpointRequest}s on {@link HmiAddresses#SETPOINTS}: checks that the signal exists and is
 * writable and that a reason is given, writes it through acquisition, and replies with a {@link SetpointResult}.
 * A refusal is an answer (written = false, with the reason), not a failure; only a malformed request fails (400).
 * <p>
 * Every write is recorded in the audit trail (user, signal, old value = the last sample of that signal seen on
 * {@link Addresses#SAMPLES}, new value, reason) before the reply; people and automatic writers (the supervisory
 * loop, user {@code system:supervisory:<id>}) alike. A write the trail could not record is still reported written,
 * with that failure in the message and the log, since the value is already on the line.
 * <p>
 * The output of a PID loop in AUTO is refused: the loop owns it and would overwrite the value at its next
 * sample. People change such a loop's setpoint, or switch it to MANUAL first ({@link LoopAddresses}); the modes
 * come from the loops' status messages.
 */
public final class SetpointService extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(SetpointService.class);
    public static final int BAD_REQUEST = 400;

    private final Plant plant;
    private final Acquisition acquisition;
    private MessageConsumer<Object> consumer;
    private MessageConsumer<SampleBatch> samples;
    /** The last value of each writable signal, by line then signal: the audit trail's old value. */
    private final Map<String, Map<String, Double>> lastValues = new HashMap<>();
    /** The loop each loop output signal belongs to, by line then signal. */
    private final Map<String, Map<String, String>> loopOfOutput = new HashMap<>();
    /** The last reported mode of each loop, by {@code line/loop}. */
    private final Map<String, LoopMode> loopModes = new HashMap<>();
    private MessageConsumer<JsonObject> loopStatus;

    public SetpointService(Plant plant, Acquisition acquisition) {
        this.plant = plant;
        this.acquisition = acquisition;
    }

    @Override
    public Future<?> start() {
        for (var line : plant.lines()) {
            Map<String, Double> values = new HashMap<>();
            for (var unit : line.units()) {
                unit.signals().stream().filter(sig -> sig.kind().writable())
                        .forEach(sig -> values.put(unit.id() + "." + sig.id(), null));
            }
            lastValues.put(line.id(), values);
            Map<String, String> outputs = new HashMap<>();
            line.quality().loops().forEach(loop -> outputs.put(loop.output(), loop.id()));
            loopOfOutput.put(line.id(), outputs);
        }
        samples = vertx.eventBus().localConsumer(Addresses.SAMPLES, m -> remember(m.body()));
        loopStatus = vertx.eventBus().consumer(LoopAddresses.STATUS, m -> {
            try {
                LoopStatus status = LoopStatus.fromJson(m.body());
                loopModes.put(status.line() + "/" + status.loop(), status.mode());
            } catch (RuntimeException e) {
                LOG.warn("ignoring a malformed loop status on {}: {}", LoopAddresses.STATUS, e.getMessage());
            }
        });
        consumer = vertx.eventBus().consumer(HmiAddresses.SETPOINTS, this::answer);
        return Future.all(samples.completion(), loopStatus.completion(), consumer.completion());
    }

    private void remember(SampleBatch batch) {
        for (Sample s : batch.samples()) {
            var values = lastValues.get(s.line());
            if (values != null && values.containsKey(s.signal())) {
                values.put(s.signal(), s.value());
            }
        }
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
        Double before = lastValues.get(request.line()).get(request.signal());
        acquisition.write(request.line(), request.signal(), request.value()).onComplete(ar -> {
            if (ar.succeeded()) {
                LOG.info("setpoint {}/{} = {} by {}: {}", request.line(), request.signal(), request.value(),
                        request.user(), request.reason());
                long writtenAt = System.currentTimeMillis() * 1_000_000L;
                AuditClient.append(vertx, new AuditRequest(request.user(), AuditActions.SETPOINT_CHANGE, request.line(),
                        request.signal(), before == null ? "" : AuditClient.number(before),
                        AuditClient.number(request.value()), request.reason())).onComplete(audited -> {
                    if (audited.failed()) {
                        LOG.error("setpoint {}/{} = {} by {} written but NOT in the audit trail: {}", request.line(),
                                request.signal(), request.value(), request.user(), audited.cause().getMessage());
                    }
                    message.reply(new SetpointResult(true, audited.succeeded() ? "written"
                            : "written, but not recorded in the audit trail: " + audited.cause().getMessage(), writtenAt).toJson());
                });
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
        String loop = loopOfOutput.get(r.line()).get(r.signal());
        if (loop != null && loopModes.get(r.line() + "/" + loop) == LoopMode.AUTO) {
            return r.signal() + " is the output of loop " + loop + ", which is in AUTO: change the loop's setpoint, "
                    + "or switch it to MANUAL to set its output";
        }
        return signal.rangeViolation(r.signal(), r.value());
    }

    @Override
    public Future<?> stop() {
        return Future.all(consumer == null ? Future.succeededFuture() : consumer.unregister(),
                samples == null ? Future.succeededFuture() : samples.unregister(),
                loopStatus == null ? Future.succeededFuture() : loopStatus.unregister());
    }
}
