package org.flowpat.controller.api.codec;

import io.vertx.core.eventbus.EventBus;
import org.flowpat.controller.api.Event;
import org.flowpat.controller.api.HistorianStatus;
import org.flowpat.controller.api.SampleBatch;

import java.util.List;

/** Registers the default codecs of the controller's message records on an event bus. */
public final class ControllerCodecs {
    private static final List<Class<?>> TYPES = List.of(SampleBatch.class, Event.class, HistorianStatus.class);

    private ControllerCodecs() {
    }

    /**
     * Safe to call from every verticle that sends or receives these records: a type already registered on
     * this event bus is left as it is (Vert.x offers no query, so the refusal is the signal).
     */
    public static void register(EventBus eventBus) {
        for (Class<?> type : TYPES) {
            registerOne(eventBus, type);
        }
    }

    private static <T> void registerOne(EventBus eventBus, Class<T> type) {
        try {
            eventBus.registerDefaultCodec(type, new BinaryMessageCodec<>(type));
        } catch (IllegalStateException alreadyRegistered) {
            // another verticle registered it first
        }
    }
}
