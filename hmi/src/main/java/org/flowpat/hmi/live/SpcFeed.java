package org.flowpat.hmi.live;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.flowpat.controller.api.MultivariateResult;
import org.flowpat.controller.api.PatAddresses;
import org.flowpat.controller.api.PatPrediction;
import org.flowpat.controller.api.QualityAddresses;
import org.flowpat.controller.api.SpcResult;

/**
 * The SPC results the quality monitors publish on {@link QualityAddresses#SPC}, the multivariate results on
 * {@link PatAddresses#MULTIVARIATE} and the PLS predictions on {@link PatAddresses#PREDICTIONS} (the records
 * themselves, by their codecs), fanned out to the live sockets, and
 * the newest result time per CQA: a line simulated faster than real time runs ahead of the wall clock, so the
 * control charts back-fill up to the data's own time.
 */
public final class SpcFeed {
    private final List<Consumer<SpcResult>> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<MultivariateResult>> multivariateListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<PatPrediction>> predictionListeners = new CopyOnWriteArrayList<>();
    private final Map<String, Long> newest = new ConcurrentHashMap<>();
    private MessageConsumer<Object> consumer;
    private MessageConsumer<Object> multivariate;
    private MessageConsumer<Object> predictions;

    public void start(Vertx vertx) {
        consumer = vertx.eventBus().consumer(QualityAddresses.SPC, m -> {
            if (m.body() instanceof SpcResult r) {
                accept(r);
            }
        });
        multivariate = vertx.eventBus().consumer(PatAddresses.MULTIVARIATE, m -> {
            if (m.body() instanceof MultivariateResult r) {
                multivariateListeners.forEach(l -> l.accept(r));
            }
        });
        predictions = vertx.eventBus().consumer(PatAddresses.PREDICTIONS, m -> {
            if (m.body() instanceof PatPrediction p) {
                predictionListeners.forEach(l -> l.accept(p));
            }
        });
    }

    void accept(SpcResult r) {
        newest.merge(key(r.line(), r.cqa()), r.timeNanos(), Math::max);
        listeners.forEach(l -> l.accept(r));
    }

    /** Time of the newest result of {@code line}'s CQA seen since start, epoch ns, or 0. */
    public long newestNanos(String line, String cqa) {
        return newest.getOrDefault(key(line, cqa), 0L);
    }

    public static String key(String line, String cqa) {
        return line + "/" + cqa;
    }

    public void addListener(Consumer<SpcResult> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<SpcResult> listener) {
        listeners.remove(listener);
    }

    public void addMultivariateListener(Consumer<MultivariateResult> listener) {
        multivariateListeners.add(listener);
    }

    public void removeMultivariateListener(Consumer<MultivariateResult> listener) {
        multivariateListeners.remove(listener);
    }

    public void addPredictionListener(Consumer<PatPrediction> listener) {
        predictionListeners.add(listener);
    }

    public void removePredictionListener(Consumer<PatPrediction> listener) {
        predictionListeners.remove(listener);
    }

    public void stop() {
        if (consumer != null) {
            consumer.unregister();
        }
        if (multivariate != null) {
            multivariate.unregister();
        }
        if (predictions != null) {
            predictions.unregister();
        }
    }
}
