package org.flowpat.controller.acquisition;

import java.lang.reflect.Array;
import java.time.Instant;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;

/** Turns Milo {@link DataValue}s into the plain numbers of a sample; never throws on odd content. */
final class DataValues {
    private DataValues() {
    }

    /** The scalar as a double: numbers as they are, booleans as 1/0, anything else (null, text, arrays) NaN. */
    static double scalar(DataValue value) {
        Variant variant = value.getValue();
        return variant == null ? Double.NaN : toDouble(variant.getValue());
    }

    /** The array as doubles; an empty array for null or a scalar, NaN for elements that are not numbers. */
    static double[] array(DataValue value) {
        Object content = value.getValue() == null ? null : value.getValue().getValue();
        if (content == null || !content.getClass().isArray()) {
            return new double[0];
        }
        int n = Array.getLength(content);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = toDouble(Array.get(content, i));
        }
        return out;
    }

    static double toDouble(Object o) {
        if (o instanceof Number n) {
            return n.doubleValue();
        }
        if (o instanceof Boolean b) {
            return b ? 1.0 : 0.0;
        }
        return Double.NaN;
    }

    /** Source time in epoch nanos; the server time when the source sent none, else the fallback (receive time). */
    static long sourceNanos(DataValue value, long fallbackNanos) {
        long nanos = nanos(value.getSourceTime());
        if (nanos == Long.MIN_VALUE) {
            nanos = nanos(value.getServerTime());
        }
        return nanos == Long.MIN_VALUE ? fallbackNanos : nanos;
    }

    static long status(DataValue value) {
        return value.getStatusCode() == null ? StatusCodes.Good : value.getStatusCode().getValue();
    }

    private static long nanos(DateTime time) {
        if (time == null || time.isNull() || time.getUtcTime() == 0) {
            return Long.MIN_VALUE;
        }
        return epochNanos(time.getJavaInstant());
    }

    static long epochNanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    static long nowNanos() {
        return epochNanos(Instant.now());
    }
}
