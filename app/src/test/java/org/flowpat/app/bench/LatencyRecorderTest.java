package org.flowpat.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LatencyRecorderTest {

    @Test
    void percentilesAreNearestRankValuesWhateverTheOrderOfArrival() {
        int n = 1000;
        List<Long> values = new ArrayList<>();
        for (long v = 1; v <= n; v++) {
            values.add(v * 10);
        }
        Collections.shuffle(values, new java.util.Random(7));
        LatencyRecorder recorder = new LatencyRecorder(10_000);
        values.forEach(recorder::add);

        LatencyRecorder.Summary s = recorder.summary();
        // With values 10, 20, ..., 10n the q-quantile by nearest rank is the ceil(q n)-th value: 10 ceil(q n).
        assertEquals(n, s.count());
        assertEquals(10 * (long) Math.ceil(0.50 * n), s.p50());
        assertEquals(10 * (long) Math.ceil(0.95 * n), s.p95());
        assertEquals(10 * (long) Math.ceil(0.99 * n), s.p99());
        assertEquals(10L * n, s.max());
        assertEquals(10, s.min());
    }

    @Test
    void aSingleSlowValueInAHundredShowsAtTheMaximumButNotAtP99() {
        LatencyRecorder recorder = new LatencyRecorder(1_000);
        for (int i = 0; i < 99; i++) {
            recorder.add(100);
        }
        recorder.add(900_000);
        LatencyRecorder.Summary s = recorder.summary();
        assertEquals(100, s.p99());
        assertEquals(900_000, s.max());
    }

    @Test
    void valuesFromManyThreadsAreAllKept() throws Exception {
        LatencyRecorder recorder = new LatencyRecorder(1_000_000);
        int threads = 4;
        int perThread = 20_000;
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            long base = t * 1_000_000L;
            Thread thread = new Thread(() -> {
                for (int i = 0; i < perThread; i++) {
                    recorder.add(base + i);
                }
                done.countDown();
            });
            thread.start();
        }
        assertTrue(done.await(30, TimeUnit.SECONDS));
        assertEquals(threads * perThread, recorder.count());
        assertEquals((threads - 1) * 1_000_000L + perThread - 1, recorder.summary().max());
        assertEquals(0, recorder.overflow());
    }

    @Test
    void beyondItsCapacityItCountsWhatItDidNotKeep() {
        LatencyRecorder recorder = new LatencyRecorder(3);
        for (int i = 1; i <= 5; i++) {
            recorder.add(i);
        }
        assertEquals(3, recorder.count());
        assertEquals(2, recorder.overflow());
        assertEquals(3, recorder.summary().max());
    }

    @Test
    void anEmptyRecorderSummarisesToNothingAndABadCapacityIsRefused() {
        assertEquals(0, new LatencyRecorder(10).summary().count());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LatencyRecorder(0));
        assertTrue(e.getMessage().contains("capacity"), e.getMessage());
    }

    @Test
    void summaryPrintsMillisecondsWithTheCount() {
        LatencyRecorder recorder = new LatencyRecorder(10);
        recorder.add(1_500);
        String text = recorder.summary().millis();
        assertTrue(text.startsWith("p50 1.5 ms"), text);
        assertTrue(text.endsWith("1 values)"), text);
    }
}
