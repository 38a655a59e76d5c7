package org.flowpat.hmi;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.flowpat.controller.api.FaultRequest;
import org.flowpat.controller.api.FaultResult;
import org.flowpat.controller.api.HmiAddresses;
import org.flowpat.simulator.model.Fault;
import org.flowpat.simulator.model.FaultType;
import org.flowpat.simulator.model.LineSimulation;

/**
 * For browser tests: serves {@link HmiAddresses#SIMULATOR_FAULTS} like the app's demo fault service (which the hmi
 * module cannot depend on), injecting into the test's simulated line; bad requests fail with 400.
 */
final class FaultInjector extends VerticleBase {
    private final LineSimulation line;
    private final AtomicInteger next = new AtomicInteger(1);
    private MessageConsumer<JsonObject> consumer;

    FaultInjector(LineSimulation line) {
        this.line = line;
    }

    @Override
    public Future<?> start() {
        consumer = vertx.eventBus().consumer(HmiAddresses.SIMULATOR_FAULTS, m -> {
            try {
                FaultRequest r = FaultRequest.fromJson(m.body());
                FaultType type = FaultType.valueOf(r.type().toUpperCase(Locale.ROOT));
                String id = "test-" + next.getAndIncrement();
                synchronized (line) {
                    line.inject(new Fault(id, type, r.target(), r.magnitude(), line.timeSeconds(), r.durationS()));
                }
                m.reply(new FaultResult(id, type + " injected on line " + line.lineId()).toJson());
            } catch (RuntimeException e) {
                m.fail(400, e.getMessage());
            }
        });
        return consumer.completion();
    }

    @Override
    public Future<?> stop() {
        return consumer.unregister();
    }
}
