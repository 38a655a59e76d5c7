package org.flowpat.controller.acquisition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {
    @Test
    void smallValuesAreCountedExactly() {
        LatencyHistogram h = new LatencyHistogram();
        for (int v = 0; v < 100; v++) {
            h.record(v);
        }
        assertEquals(100, h.count());
        assertEquals(49, h.percentile(0.50));
        assertEquals(98, h.percentile(0.99));
        assertEquals(99, h.percentile(1.0));
        assertEquals(99, h.max());
    }

    @Test
    void percentilesOfAWideDistributionAreWithinOneBucketOfTheSortedTruth() {
        LatencyHistogram h = new LatencyHistogram();
        SplittableRandom random = new SplittableRandom(7);
        long[] values = new long[200_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = (long) Math.exp(random.nextDouble(0, 20)); // 1 µs .. 8 minutes, log-uniform
            h.record(values[i]);
        }
        Arrays.sort(values);
        for (double q : new double[] {0.01, 0.5, 0.9, 0.99, 0.999}) {
            long truth = values[(int) Math.ceil(q * values.length) - 1];
            long reported = h.percentile(q);
            assertTrue(reported >= truth && reported <= truth + truth / LatencyHistogram.SUB_BUCKETS,
                    "p" + q + ": " + reported + " vs exact " + truth);
        }
        assertEquals(values[values.length - 1], h.max());
        assertEquals(values[values.length - 1], h.percentile(1.0));
    }

    @Test
    void bucketsTileTheRangeWithoutGapsOrOverlap() {
        long previousEnd = -1;
        for (int i = 0; i < 40 * LatencyHistogram.SUB_BUCKETS; i++) {
            long end = LatencyHistogram.upperEnd(i);
            assertEquals(i, LatencyHistogram.index(previousEnd + 1), "first value after bucket " + (i - 1));
            assertEquals(i, LatencyHistogram.index(end), "last value of bucket " + i);
            previousEnd = end;
        }
    }

    @Test
    void hugeValuesLandInTheTopBucketAndEmptyHistogramsAnswerZero() {
        LatencyHistogram h = new LatencyHistogram();
        assertEquals(0, h.percentile(0.99));
        h.record(Long.MAX_VALUE);
        assertEquals(Long.MAX_VALUE, h.percentile(0.5));
        assertThrows(IllegalArgumentException.class, () -> h.record(-1));
        assertThrows(IllegalArgumentException.class, () -> h.percentile(0));
    }
}
