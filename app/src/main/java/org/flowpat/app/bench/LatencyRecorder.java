package org.flowpat.app.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * Latencies in microseconds from many threads, kept whole (no histogram buckets: a benchmark's few million
 * values fit) so percentiles are exact nearest-rank values. Grows by doubling up to a fixed cap; values beyond
 * the cap are counted as {@link #overflow()} rather than silently lost.
 */
public final class LatencyRecorder {
    private final int capacity;
    private long[] micros = new long[1024];
    private int size;
    private long overflow;

    /** @param capacity the most values kept; a bound on memory (8 bytes each) */
    public LatencyRecorder(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, got " + capacity);
        }
        this.capacity = capacity;
    }

    public synchronized void add(long valueMicros) {
        if (size == capacity) {
            overflow++;
            return;
        }
        if (size == micros.length) {
            micros = Arrays.copyOf(micros, (int) Math.min(capacity, 2L * micros.length));
        }
        micros[size++] = valueMicros;
    }

    public synchronized int count() {
        return size;
    }

    /** Values not kept because the recorder was full. */
    public synchronized long overflow() {
        return overflow;
    }

    /** The percentiles of what was recorded so far. */
    public synchronized Summary summary() {
        long[] sorted = Arrays.copyOf(micros, size);
        Arrays.sort(sorted);
        return Summary.of(sorted);
    }

    /**
     * Nearest-rank percentiles, in microseconds.
     *
     * @param count how many values
     */
    public record Summary(int count, long p50, long p95, long p99, long max, long min) {
        static Summary of(long[] sorted) {
            if (sorted.length == 0) {
                return new Summary(0, 0, 0, 0, 0, 0);
            }
            return new Summary(sorted.length, rank(sorted, 0.50), rank(sorted, 0.95), rank(sorted, 0.99),
                    sorted[sorted.length - 1], sorted[0]);
        }

        /** The value at or below which a fraction {@code q} of the values lie (nearest rank). */
        static long rank(long[] sorted, double q) {
            int index = (int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
            return sorted[index];
        }

        /** {@code p50 12.3 ms, p95 ..., p99 ..., max ...} */
        public String millis() {
            return String.format(Locale.ROOT, "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (min %.1f ms, %,d values)",
                    p50 / 1e3, p95 / 1e3, p99 / 1e3, max / 1e3, min / 1e3, count);
        }
    }
}
