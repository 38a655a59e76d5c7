package org.flowpat.controller.quality;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.flowpat.controller.api.AlarmAction;
import org.flowpat.controller.api.AlarmTransition;
import org.flowpat.controller.api.AuditEntry;
import org.flowpat.controller.api.LotRecord;
import org.flowpat.controller.api.LotSignature;
import org.flowpat.controller.api.DiversionCommand;
import org.flowpat.controller.api.LineCommandRequest;
import org.flowpat.controller.api.LineStateChange;
import org.flowpat.controller.api.SpcResult;

/**
 * Event-bus codecs of the quality-control records. In one JVM the immutable record itself is passed on; across a
 * cluster it travels as JSON (Jackson reads and writes records as they are).
 */
public final class QualityCodecs {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Class<?>> TYPES = List.of(SpcResult.class, AlarmTransition.class, AlarmAction.class,
            LineStateChange.class, LineCommandRequest.class, DiversionCommand.class, AuditEntry.class, LotRecord.class,
            LotSignature.class);

    private QualityCodecs() {
    }

    /** Registers every codec not yet registered on this bus (safe to call from every verticle). */
    public static void register(EventBus bus) {
        for (Class<?> type : TYPES) {
            registerOne(bus, type);
        }
    }

    private static <T> void registerOne(EventBus bus, Class<T> type) {
        try {
            bus.registerDefaultCodec(type, new JsonRecordCodec<>(type));
        } catch (IllegalStateException alreadyRegistered) {
            // another verticle registered it first
        }
    }

    /** The JSON bytes of a record (also what the wire form carries). */
    static byte[] toJson(Object record) {
        try {
            return JSON.writeValueAsBytes(record);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> T fromJson(byte[] json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a " + type.getSimpleName() + " in JSON: " + e.getMessage(), e);
        }
    }

    private static final class JsonRecordCodec<T> implements MessageCodec<T, T> {
        private final Class<T> type;

        JsonRecordCodec(Class<T> type) {
            this.type = type;
        }

        @Override
        public void encodeToWire(Buffer buffer, T record) {
            byte[] bytes = toJson(record);
            buffer.appendInt(bytes.length).appendBytes(bytes);
        }

        @Override
        public T decodeFromWire(int pos, Buffer buffer) {
            int length = buffer.getInt(pos);
            return fromJson(buffer.getBytes(pos + 4, pos + 4 + length), type);
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
}
