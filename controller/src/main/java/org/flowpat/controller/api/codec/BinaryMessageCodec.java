package org.flowpat.controller.api.codec;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;

/**
 * Event-bus codec of one controller record type. In one JVM the record itself is passed on (records are
 * immutable, so sharing is safe); across a cluster it travels in {@link RecordEncoding}'s binary form.
 */
public final class BinaryMessageCodec<T> implements MessageCodec<T, T> {
    private final Class<T> type;

    public BinaryMessageCodec(Class<T> type) {
        this.type = type;
    }

    @Override
    public void encodeToWire(Buffer buffer, T record) {
        byte[] bytes = RecordEncoding.encode(record);
        buffer.appendInt(bytes.length).appendBytes(bytes);
    }

    @Override
    public T decodeFromWire(int pos, Buffer buffer) {
        int length = buffer.getInt(pos);
        byte[] bytes = buffer.getBytes(pos + 4, pos + 4 + length);
        return type.cast(RecordEncoding.decode(bytes));
    }

    @Override
    public T transform(T record) {
        return record;
    }

    @Override
    public String name() {
        return "flowpat." + type.getSimpleName();
    }

    @Override
    public byte systemCodecID() {
        return -1;
    }
}
