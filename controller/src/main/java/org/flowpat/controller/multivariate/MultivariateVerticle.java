package org.flowpat.controller.multivariate;

import org.flowpat.controller.acquisition.LineSamples;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import org.flowpat.config.model.Line;
import org.flowpat.controller.api.Addresses;
import org.flowpat.controller.api.PatAddresses;
import org.flowpat.controller.api.PatCodecs;
import org.flowpat.controller.api.Sample;
import org.flowpat.controller.api.SampleBatch;
import org.flowpat.controller.api.codec.ControllerCodecs;

/**
 * Runs one line's multivariate monitoring on the event bus: samples in ({@link Addresses#SAMPLES}), one
 * {@link org.flowpat.controller.api.MultivariateResult} out per complete observation
 * ({@link PatAddresses#MULTIVARIATE}). Does nothing for a line without {@code quality.multivariate}.
 */
public final class MultivariateVerticle extends VerticleBase {
    private final Line line;
    private MultivariateMonitor monitor;
    private MessageConsumer<SampleBatch> consumer;

    public MultivariateVerticle(Line line) {
        this.line = line;
    }

    @Override
    public Future<?> start() {
        if (line.quality().multivariate() == null) {
            return Future.succeededFuture();
        }
        ControllerCodecs.register(vertx.eventBus());
        PatCodecs.register(vertx.eventBus());
        monitor = new MultivariateMonitor(line, line.quality().multivariate());
        consumer = LineSamples.consumer(vertx, line.id(), m -> {
            for (Sample s : m.body().samples()) {
                monitor.accept(s).ifPresent(r -> vertx.eventBus().publish(PatAddresses.MULTIVARIATE, r));
            }
        });
        return consumer.completion();
    }

    @Override
    public Future<?> stop() {
        return consumer == null ? Future.succeededFuture() : consumer.unregister();
    }

    /** For tests on the verticle's context. */
    MultivariateMonitor monitor() {
        return monitor;
    }
}
