package org.flowpat.controller.api.codec;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageCodec;
import java.nio.charset.StandardCharsets;
import org.flowpat.controller.api.SpectrumSample;

/**
 * Event-bus codec of {@link SpectrumSample}: the record itself in one JVM (it is immutable), a compact binary form
 * across a cluster (line, signal, times, status, then the points as doubles).
 */
public final class SpectrumSampleCodec implements MessageCodec<SpectrumSample, SpectrumSample> {

    /** Registers this codec as the default for {@link SpectrumSample}; a second call on the same bus is a no-op. */
    public static void register(EventBus eventBus) {
        try {
            eventBus.registerDefaultCodec(SpectrumSample.class, new SpectrumSampleCodec());
        } catch (IllegalStateException alreadyRegistered) {
            // registered by another verticle first
        }
    }

    @Override
    public void encodeToWire(Buffer buffer, SpectrumSample s) {
        appendString(buffer, s.line());
        appendString(buffer, s.signal());
        buffer.appendLong(s.sourceTimeNanos()).appendLong(s.receiveTimeNanos()).appendLong(s.statusCode());
        double[] values = s.values();
        buffer.appendInt(values.length);
        for (double v : values) {
            buffer.appendDouble(v);
        }
    }

    @Override
    public SpectrumSample decodeFromWire(int pos, Buffer buffer) {
        int[] at = {pos};
        String line = readString(buffer, at);
        String signal = readString(buffer, at);
        long source = buffer.getLong(at[0]);
        long receive = buffer.getLong(at[0] + 8);
        long status = buffer.getLong(at[0] + 16);
        int n = buffer.getInt(at[0] + 24);
        int p = at[0] + 28;
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = buffer.getDouble(p + 8 * i);
        }
        return new SpectrumSample(line, signal, values, source, receive, status);
    }

    private static void appendString(Buffer buffer, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        buffer.appendInt(bytes.length).appendBytes(bytes);
    }

    private static String readString(Buffer buffer, int[] at) {
        int length = buffer.getInt(at[0]);
        String s = buffer.getString(at[0] + 4, at[0] + 4 + length, "UTF-8");
        at[0] += 4 + length;
        return s;
    }

    @Override
    public SpectrumSample transform(SpectrumSample s) {
        return s;
    }

    @Override
    public String name() {
        return "flowpat.SpectrumSample";
    }

    @Override
    public byte systemCodecID() {
        return -1;
    }
}
