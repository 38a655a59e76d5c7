package org.flowpat.controller.api.codec;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageCodec;
import java.util.List;

/**
 * The event-bus codec of the controller's JSON-shaped records (quality, lots, audit, PAT results): within one JVM
 * the immutable record itself is passed on; across a cluster it travels as its {@link JournalJson} text (NaN and
 * infinities included), length-prefixed.
 */
public record JsonRecordCodec<T>(Class<T> type) implements MessageCodec<T, T> {

    /** Registers the codec of every type not yet registered on this bus (safe to call from every verticle). */
    public static void register(EventBus bus, List<Class<?>> types) {
        for (Class<?> type : types) {
            registerOne(bus, type);
        }
    }

    private static <T> void registerOne(EventBus bus, Class<T> type) {
        try {
            bus.registerDefaultCodec(type, new JsonRecordCodec<>(type));
        } catch (IllegalStateException alreadyRegistered) {
            // another verticle registered it first (Vert.x offers no query, so the refusal is the signal)
        }
    }

    @Override
    public void encodeToWire(Buffer buffer, T record) {
        byte[] bytes = JournalJson.toBytes(record);
        buffer.appendInt(bytes.length).appendBytes(bytes);
    }

    @Override
    public T decodeFromWire(int pos, Buffer buffer) {
        int length = buffer.getInt(pos);
        return JournalJson.read(buffer.getBytes(pos + 4, pos + 4 + length), type);
    }

    @Override
    public T transform(T record) {
        return record;
    }

    @Override
    public String name() {
        return "flowpat.json." + type.getSimpleName();
    }

    @Override
    public byte systemCodecID() {
        return -1;
    }
}
