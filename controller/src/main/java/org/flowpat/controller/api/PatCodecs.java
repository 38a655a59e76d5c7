package org.flowpat.controller.api;

import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageCodec;
import java.util.List;
import org.flowpat.controller.api.codec.JsonRecordCodec;

/**
 * Event-bus codecs of the PAT model results ({@link PatPrediction}, {@link MultivariateResult}): the record itself
 * within one JVM, its JSON (as the journal writes it, NaN included) across a cluster.
 */
public final class PatCodecs {
    private static final List<Class<?>> TYPES = List.of(PatPrediction.class, MultivariateResult.class);

    private PatCodecs() {
    }

    /** Registers every codec not yet registered on this bus (safe to call from every verticle). */
    public static void register(EventBus bus) {
        JsonRecordCodec.register(bus, TYPES);
    }

    /** The codec of one type (what {@link #register} registers). */
    static <T> MessageCodec<T, T> codec(Class<T> type) {
        return new JsonRecordCodec<>(type);
    }
}
