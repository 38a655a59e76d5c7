package org.flowpat.controller.control;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.flowpat.config.model.Line;
import org.flowpat.config.model.LoopSettings;
import org.flowpat.config.model.Range;
import org.flowpat.config.model.Signal;
import org.flowpat.controller.acquisition.LineSamples;
import org.flowpat.controller.acquisition.SignalWriter;
import org.flowpat.controller.api.AuditActions;
import org.flowpat.controller.api.AuditRequest;
import org.flowpat.controller.api.LoopAddresses;
import org.flowpat.controller.api.LoopCommand;
import org.flowpat.controller.api.LoopCommandResult;
import org.flowpat.controller.api.LoopMode;
import org.flowpat.controller.api.Sample;
import org.flowpat.controller.audit.AuditClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a line's PID loops ({@code quality.loops} of the plant file): measurements in from the line's samples, outputs
 * out through acquisition's {@link SignalWriter} (the path the setpoint service writes on). The continuous moves of a
 * loop in AUTO are not audited (thousands an hour, all following from the audited mode and setpoint); every change a
 * person makes is: a mode change as {@link AuditActions#LOOP_MODE} (target the loop id), a setpoint as
 * {@link AuditActions#SETPOINT_CHANGE} on {@code <loop>.setpoint}, a manual output on {@code <loop>.output}.
 * <p>
 * A mode or setpoint change is applied only once the trail has recorded it; a manual output is written first and
 * then recorded (as the setpoint service does), since the trail must say what the line has. Every command is
 * answered with a {@link LoopCommandResult}; a refusal names the field at fault. Status goes out on
 * {@link LoopAddresses#STATUS} after each change and every {@code statusPeriodMs}.
 */
public final class LoopVerticle extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(LoopVerticle.class);
    public static final int BAD_REQUEST = 400;

    private final Line line;
    private final SignalWriter writer;
    private final long statusPeriodMs;
    private final Map<String, LoopRuntime> loops = new LinkedHashMap<>();
    private final List<MessageConsumer<?>> consumers = new ArrayList<>();
    private long timer = -1;
    /** Whether the last output write failed, so a failing connection logs once, not at every sample. */
    private boolean writeFailing;

    /**
     * @throws IllegalArgumentException naming the loop when its measurement or output is not a signal of the line,
     *                                  or its output is not writable
     */
    public LoopVerticle(Line line, SignalWriter writer, long statusPeriodMs) {
        this.line = line;
        this.writer = writer;
        this.statusPeriodMs = statusPeriodMs;
        for (LoopSettings s : line.quality().loops()) {
            signal(s, "pv", s.pv());
            if (!signal(s, "output", s.output()).kind().writable()) {
                throw new IllegalArgumentException("line " + line.id() + ": loop " + s.id() + " output " + s.output()
                        + " is not a writable signal");
            }
            loops.put(s.id(), new LoopRuntime(line.id(), s));
        }
    }

    private Signal signal(LoopSettings s, String key, String ref) {
        return line.signal(ref).orElseThrow(() -> new IllegalArgumentException("line " + line.id() + ": loop " + s.id()
                + " " + key + " '" + ref + "' is not a signal of the line"));
    }

    @Override
    public Future<?> start() {
        var bus = vertx.eventBus();
        if (!loops.isEmpty()) {
            consumers.add(LineSamples.consumer(vertx, line.id(), m -> {
                for (Sample s : m.body().samples()) {
                    for (LoopRuntime loop : loops.values()) {
                        loop.accept(s).ifPresent(out -> write(loop, out));
                    }
                }
            }));
            timer = vertx.setPeriodic(statusPeriodMs, id -> loops.values().forEach(this::publish));
        }
        consumers.add(bus.<Object>consumer(LoopAddresses.commands(line.id()), this::command));
        consumers.add(bus.consumer(LoopAddresses.query(line.id()), m -> m.reply(new JsonObject().put("line", line.id())
                .put("loops", new JsonArray(loops.values().stream().map(l -> l.status().toJson()).toList())))));
        return Future.all(consumers.stream().map(MessageConsumer::completion).toList());
    }

    private void write(LoopRuntime loop, double output) {
        writer.write(loop.settings().output(), output).onComplete(ar -> {
            if (ar.failed()) {
                loop.writeFailed();
                if (!writeFailing) {
                    LOG.warn("line {} loop {}: writing {} = {} failed: {}", line.id(), loop.settings().id(),
                            loop.settings().output(), output, ar.cause().getMessage());
                }
            } else if (writeFailing) {
                LOG.info("line {} loop {}: writing {} works again", line.id(), loop.settings().id(), loop.settings().output());
            }
            writeFailing = ar.failed();
        });
    }

    private void publish(LoopRuntime loop) {
        vertx.eventBus().publish(LoopAddresses.STATUS, loop.status().toJson());
    }

    private void command(Message<Object> message) {
        LoopCommand c;
        try {
            if (!(message.body() instanceof JsonObject json)) {
                throw new IllegalArgumentException("a loop command is a JSON object");
            }
            c = LoopCommand.fromJson(json);
        } catch (RuntimeException e) {
            message.fail(BAD_REQUEST, "malformed loop command: " + e.getMessage());
            return;
        }
        LoopRuntime loop = line.id().equals(c.line()) ? loops.get(c.loop()) : null;
        LoopCommandResult refusal = loop == null
                ? LoopCommandResult.refused(line.id().equals(c.line()) ? "loop" : "line", "no loop '" + c.loop()
                + "' on line " + c.line(), null)
                : refusal(c, loop);
        if (refusal != null) {
            message.reply(refusal.toJson());
            return;
        }
        apply(c, loop).onComplete(ar -> {
            publish(loop);
            message.reply((ar.succeeded() ? new LoopCommandResult(true, null, ar.result(), loop.status())
                    : LoopCommandResult.refused(ar.cause() instanceof FieldException f ? f.field : null,
                    ar.cause().getMessage(), loop.status())).toJson());
        });
    }

    /** Null when the command may be applied, else the refusal naming the field. */
    private LoopCommandResult refusal(LoopCommand c, LoopRuntime loop) {
        LoopSettings s = loop.settings();
        if (c.user() == null || c.user().isBlank()) {
            return refused(loop, "user", "a loop change must be attributed to a user");
        }
        if (c.reason() == null || c.reason().isBlank()) {
            return refused(loop, "reason", "a loop change needs a reason");
        }
        if (c.mode() == null && c.setpoint() == null && c.output() == null) {
            return refused(loop, "mode", "give a mode, a setpoint or an output");
        }
        String badSetpoint = c.setpoint() == null ? null : outside(c.setpoint(), null, s.pv());
        if (badSetpoint != null) {
            return refused(loop, "setpoint", badSetpoint);
        }
        if (c.output() != null) {
            boolean auto = c.mode() == LoopMode.AUTO || c.mode() == null && loop.mode() == LoopMode.AUTO;
            String badOutput = auto ? "loop " + s.id() + " is in AUTO: its output is set by the PID; switch to MANUAL first"
                    : outside(c.output(), new Range(s.outputMin(), s.outputMax()), s.output());
            if (badOutput != null) {
                return refused(loop, "output", badOutput);
            }
        }
        if (c.mode() == LoopMode.AUTO && loop.mode() == LoopMode.MANUAL && !loop.outputKnown()) {
            return refused(loop, "mode", "output " + s.output() + " has not been read yet, so AUTO could not start from it");
        }
        return null;
    }

    private static LoopCommandResult refused(LoopRuntime loop, String field, String why) {
        return LoopCommandResult.refused(field, field + ": " + why, loop.status());
    }

    /** Why the value is not acceptable (outside the loop's limits or the signal's range), or null. */
    private String outside(double value, Range limits, String ref) {
        Signal signal = line.signal(ref).orElseThrow();
        if (!Double.isFinite(value)) {
            return "must be a finite number";
        }
        if (limits != null && !limits.contains(value)) {
            return value + " lies outside the loop's output limits [" + limits.min() + ", " + limits.max() + "] "
                    + signal.unit();
        }
        return signal.rangeViolation(ref, value);
    }

    /** Setpoint, then mode, then output; succeeds with what was done, fails naming what was not. */
    private Future<String> apply(LoopCommand c, LoopRuntime loop) {
        LoopSettings s = loop.settings();
        List<String> done = new ArrayList<>();
        Future<Void> chain = Future.succeededFuture();
        if (c.setpoint() != null && c.setpoint() != loop.setpoint()) {
            chain = chain.compose(v -> audit(c, AuditActions.SETPOINT_CHANGE, s.id() + ".setpoint",
                    AuditClient.number(loop.setpoint()), AuditClient.number(c.setpoint())))
                    .map(v -> {
                        loop.setpoint(c.setpoint());
                        done.add("setpoint " + c.setpoint());
                        return null;
                    });
        }
        if (c.mode() != null && c.mode() != loop.mode()) {
            chain = chain.compose(v -> audit(c, AuditActions.LOOP_MODE, s.id(), loop.mode().name(), c.mode().name()))
                    .map(v -> {
                        if (c.mode() == LoopMode.AUTO) {
                            loop.automatic();
                        } else {
                            loop.manual();
                        }
                        done.add(c.mode().name());
                        return null;
                    });
        }
        if (c.output() != null) {
            chain = chain.compose(v -> {
                if (loop.mode() == LoopMode.AUTO) { // switched by another command meanwhile
                    return Future.failedFuture(new FieldException("output", "output: loop " + s.id()
                            + " is in AUTO: its output is set by the PID; switch to MANUAL first"));
                }
                double before = loop.output();
                return writer.write(s.output(), c.output())
                        .recover(e -> Future.failedFuture(new FieldException("output", "output: " + s.output()
                                + " not written: " + e.getMessage())))
                        .compose(w -> {
                            loop.manual(c.output());
                            done.add("output " + c.output());
                            // already on the line: a trail failure is reported, not turned into a refusal
                            return audit(c, AuditActions.SETPOINT_CHANGE, s.id() + ".output",
                                    AuditClient.number(before), AuditClient.number(c.output()))
                                    .recover(e -> {
                                        done.add("but NOT recorded in the audit trail: " + e.getMessage());
                                        return Future.succeededFuture();
                                    });
                        });
            });
        }
        return chain.map(v -> done.isEmpty() ? "no change" : String.join(", ", done));
    }

    private Future<Void> audit(LoopCommand c, String action, String target, String oldValue, String newValue) {
        LOG.info("line {} loop {}: {} {} → {} by {}: {}", line.id(), c.loop(), target, oldValue, newValue, c.user(),
                c.reason());
        return AuditClient.append(vertx, new AuditRequest(c.user(), action, line.id(), target, oldValue, newValue,
                        c.reason()))
                .<Void>mapEmpty()
                .recover(e -> {
                    LOG.error("line {} loop {}: {} not changed, the audit trail could not record it: {}", line.id(),
                            c.loop(), target, e.getMessage());
                    return Future.failedFuture(new IllegalStateException(target + " not changed: the audit trail "
                            + "could not record it: " + e.getMessage()));
                });
    }

    /** A failure about one field of the command. */
    private static final class FieldException extends RuntimeException {
        final String field;

        FieldException(String field, String message) {
            super(message, null, false, false);
            this.field = field;
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
