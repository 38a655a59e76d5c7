package org.flowpat.app.demo;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.atomic.AtomicInteger;
import org.flowpat.controller.api.AuditActions;
import org.flowpat.controller.api.AuditRequest;
import org.flowpat.controller.api.FaultRequest;
import org.flowpat.controller.api.FaultResult;
import org.flowpat.controller.api.HmiAddresses;
import org.flowpat.controller.audit.AuditClient;
import org.flowpat.simulator.model.Fault;
import org.flowpat.simulator.model.FaultType;
import org.flowpat.simulator.model.LineSimulation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Demo mode only: serves the HMI's simulator panel ({@link HmiAddresses#SIMULATOR_FAULTS}) by injecting the
 * requested fault into the simulated line, starting now in simulated time, and records it in the audit trail. Bad
 * requests fail with 400 and a message naming the field; nothing else is touched.
 */
public final class SimulatorFaultService extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatorFaultService.class);
    public static final int BAD_REQUEST = 400;

    private final LineSimulation line;
    private final AtomicInteger next = new AtomicInteger(1);
    private MessageConsumer<Object> consumer;

    public SimulatorFaultService(LineSimulation line) {
        this.line = line;
    }

    @Override
    public Future<?> start() {
        consumer = vertx.eventBus().consumer(HmiAddresses.SIMULATOR_FAULTS, this::answer);
        return consumer.completion();
    }

    private void answer(Message<Object> message) {
        try {
            if (!(message.body() instanceof JsonObject json)) {
                throw new IllegalArgumentException("a fault request is a JSON object");
            }
            FaultRequest request = FaultRequest.fromJson(json);
            FaultType type = parseType(request.type());
            if (!(request.durationS() > 0)) {
                throw new IllegalArgumentException("durationS: must be greater than 0 (or absent for until cleared)");
            }
            String id = "hmi-" + next.getAndIncrement();
            synchronized (line) {
                line.inject(new Fault(id, type, request.target(), request.magnitude(), line.timeSeconds(), request.durationS()));
            }
            LOG.info("fault {} {} on {} (magnitude {}, {} s) injected by {}", id, type, request.target(),
                    request.magnitude(), request.durationS(), request.user());
            FaultResult result = new FaultResult(id, type + " injected on line " + line.lineId());
            // the reply waits for the audit entry: a disturbance someone caused on purpose is on record
            AuditClient.append(vertx, new AuditRequest(request.user() == null || request.user().isBlank() ? "unknown"
                            : request.user(), AuditActions.SIMULATOR_FAULT, line.lineId(),
                    request.target() == null ? "" : request.target(), "", type + " magnitude " + request.magnitude()
                    + " for " + (Double.isFinite(request.durationS()) ? request.durationS() + " s" : "until cleared"),
                    "fault " + id + " injected from the simulator panel"))
                    .onComplete(ar -> {
                        if (ar.failed()) {
                            LOG.error("fault {} NOT in the audit trail: {}", id, ar.cause().getMessage());
                        }
                        message.reply(result.toJson());
                    });
        } catch (RuntimeException e) {
            message.fail(BAD_REQUEST, e.getMessage());
        }
    }

    private static FaultType parseType(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("type: required, one of " + java.util.Arrays.toString(FaultType.values()));
        }
        try {
            return FaultType.valueOf(text.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("type: '" + text + "' is not one of " + java.util.Arrays.toString(FaultType.values()));
        }
    }

    @Override
    public Future<?> stop() {
        return consumer == null ? Future.succeededFuture() : consumer.unregister();
    }
}
