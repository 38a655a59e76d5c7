package org.flowpat.controller.chemometrics;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import org.flowpat.config.model.ChemometricsSettings;
import org.flowpat.config.model.Line;
import org.flowpat.controller.api.Addresses;
import org.flowpat.controller.api.PatAddresses;
import org.flowpat.controller.api.PatCodecs;
import org.flowpat.controller.api.SpectrumSample;
import org.flowpat.controller.api.codec.SpectrumSampleCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a line's PLS model to its analyzer's spectra ({@link Addresses#SPECTRA}) and publishes each prediction
 * on {@link PatAddresses#PREDICTIONS}. Does nothing for a line without {@code quality.chemometrics}. The model
 * file is read once at start (off the event loop); a missing or broken file fails the deployment, naming it.
 */
public final class ChemometricsVerticle extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(ChemometricsVerticle.class);

    private final Line line;
    private SpectrumPredictions predictions;
    private MessageConsumer<SpectrumSample> consumer;
    private boolean warnedLength;

    public ChemometricsVerticle(Line line) {
        this.line = line;
    }

    @Override
    public Future<?> start() {
        ChemometricsSettings settings = line.quality().chemometrics();
        if (settings == null) {
            return Future.succeededFuture();
        }
        SpectrumSampleCodec.register(vertx.eventBus());
        PatCodecs.register(vertx.eventBus());
        return vertx.executeBlocking(() -> ModelFiles.load(settings.model())).compose(file -> {
            predictions = new SpectrumPredictions(line.id(), settings.spectrum(), file, settings.alpha());
            LOG.info("line {}: PLS model {} ({} latent variables, {} points) on {}", line.id(), settings.model(),
                    file.components(), file.points(), settings.spectrum());
            consumer = vertx.eventBus().consumer(Addresses.SPECTRA, m -> {
                predictions.accept(m.body()).ifPresent(p -> vertx.eventBus().publish(PatAddresses.PREDICTIONS, p));
                if (predictions.wrongLength() > 0 && !warnedLength) {
                    warnedLength = true;
                    LOG.warn("line {}: {} has {} points, the PLS model {} expects {}: not predicted", line.id(),
                            settings.spectrum(), m.body().length(), settings.model(), file.points());
                }
            });
            return consumer.completion();
        });
    }

    @Override
    public Future<?> stop() {
        return consumer == null ? Future.succeededFuture() : consumer.unregister();
    }

    /** For tests on the verticle's context. */
    SpectrumPredictions predictions() {
        return predictions;
    }
}
