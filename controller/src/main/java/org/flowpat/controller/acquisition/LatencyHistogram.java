package org.flowpat.controller.acquisition;

/**
 * Counts of non-negative values (e.g. latencies in µs) in fixed log-linear buckets, so a benchmark's recording
 * takes the same memory (50 KB) after a billion values as after one, unlike a growing array: each power of
 * two is split into {@value #SUB_BUCKETS} equal buckets, so a percentile is reported within 1/{@value #SUB_BUCKETS}
 * (0.8 %) of the true value, and values below {@value #SUB_BUCKETS} exactly. Values beyond 2^{@value #MAGNITUDES}
 * count in the top bucket. Single writer; read it after writing stopped (or under the writer's lock).
 */
public final class LatencyHistogram {
    static final int SUB_BUCKETS = 128;
    static final int MAGNITUDES = 56;
    private static final int SUB_BITS = Integer.numberOfTrailingZeros(SUB_BUCKETS);

    private final long[] counts = new long[(MAGNITUDES - SUB_BITS + 1) * SUB_BUCKETS];
    private long total;
    private long max;

    public synchronized void record(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("a histogram value must not be negative, got " + value);
        }
        counts[index(value)]++;
        total++;
        max = Math.max(max, value);
    }

    public synchronized long count() {
        return total;
    }

    public synchronized long max() {
        return max;
    }

    /**
     * The smallest recorded value (to bucket precision: the bucket's upper end, capped at the max) with at least
     * {@code q} of all values at or below it; 0 when empty.
     */
    public synchronized long percentile(double q) {
        if (!(q > 0 && q <= 1)) {
            throw new IllegalArgumentException("a percentile is in (0, 1], got " + q);
        }
        if (total == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(q * total);
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return i == counts.length - 1 ? max : Math.min(max, upperEnd(i)); // the top bucket is open-ended
            }
        }
        return max;
    }

    /** Bucket of a value: values below SUB_BUCKETS map to themselves, larger ones by magnitude and top bits. */
    static int index(long value) {
        if (value < SUB_BUCKETS) {
            return (int) value;
        }
        int magnitude = 63 - Long.numberOfLeadingZeros(value); // >= SUB_BITS
        if (magnitude >= MAGNITUDES) {
            return (MAGNITUDES - SUB_BITS + 1) * SUB_BUCKETS - 1;
        }
        int sub = (int) (value >>> (magnitude - SUB_BITS)) - SUB_BUCKETS; // the next SUB_BITS bits below the top one
        return (magnitude - SUB_BITS + 1) * SUB_BUCKETS + sub;
    }

    /** The largest value that falls into bucket {@code index}. */
    static long upperEnd(int index) {
        if (index < SUB_BUCKETS) {
            return index;
        }
        int magnitude = index / SUB_BUCKETS - 1 + SUB_BITS;
        long sub = index % SUB_BUCKETS + SUB_BUCKETS;
        long width = 1L << (magnitude - SUB_BITS);
        return sub * width + width - 1;
    }
}
