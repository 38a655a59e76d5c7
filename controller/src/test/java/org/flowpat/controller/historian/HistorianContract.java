package org.flowpat.controller.historian;

import org.flowpat.controller.api.Event;
import org.flowpat.controller.api.Quality;
import org.flowpat.controller.api.Sample;
import org.flowpat.controller.api.SampleBatch;
import org.flowpat.controller.api.codec.RecordEncoding;
import org.flowpat.controller.spool.Spool;
import org.flowpat.controller.spool.SpoolConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/** What every {@link Historian} must do; each test uses its own line so they share one database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HistorianContract {
    private static final AtomicInteger LINES = new AtomicInteger();
    private static final long HOUR = 3_600_000_000_000L;

    @TempDir
    Path tmp;

    abstract Historian historian();

    static String newLine() {
        return "T" + LINES.incrementAndGet();
    }

    @Test
    void everySampleIsStoredWithItsStatusAndNonFiniteValuesAreFlaggedNotDropped() throws Exception {
        String line = newLine();
        List<Sample> samples = TestData.samples(line, 300, TestData.BASE, 100_000_000L);
        historian().write(samples, List.of());

        assertEquals(samples.size(), historian().countSamples(line, TestData.BASE, TestData.BASE + HOUR));
        for (String signal : TestData.SIGNALS) {
            List<Sample> expected = TestData.ofSignal(samples, signal);
            List<Sample> stored = historian().raw(line, signal, TestData.BASE, TestData.BASE + HOUR);
            assertEquals(expected, stored, "samples of " + signal); // value bits, both times and status code
        }
        List<Sample> stored = historian().raw(line, TestData.SIGNALS.get(0), TestData.BASE, TestData.BASE + HOUR);
        assertTrue(stored.stream().anyMatch(s -> Double.isNaN(s.value())), "NaN kept");
        assertTrue(stored.stream().anyMatch(s -> s.quality() == Quality.BAD), "Bad kept");
        assertTrue(stored.stream().anyMatch(s -> s.quality() == Quality.UNCERTAIN), "Uncertain kept");
        assertTrue(stored.stream().anyMatch(s -> s.value() == Double.POSITIVE_INFINITY), "Infinity kept");
    }

    @Test
    void writingTheSameSamplesAgainLeavesOneCopy() throws Exception {
        String line = newLine();
        List<Sample> samples = TestData.samples(line, 100, TestData.BASE, 50_000_000L);
        historian().write(samples, List.of());
        historian().write(samples.subList(40, 250), List.of()); // a replay overlapping what landed
        historian().write(samples, List.of());
        assertEquals(samples.size(), historian().countSamples(line, TestData.BASE, TestData.BASE + HOUR));
    }

    @Test
    void rangesAreHalfOpen() throws Exception {
        String line = newLine();
        List<Sample> samples = TestData.samples(line, 10, TestData.BASE, 1_000_000_000L);
        historian().write(samples, List.of());
        long t3 = samples.get(3 * TestData.SIGNALS.size()).sourceTimeNanos();
        long t7 = samples.get(7 * TestData.SIGNALS.size()).sourceTimeNanos();
        List<Sample> got = historian().raw(line, TestData.SIGNALS.get(1), t3, t7);
        assertEquals(4, got.size());
        assertEquals(t3, got.get(0).sourceTimeNanos());
        assertEquals(4L * TestData.SIGNALS.size(), historian().countSamples(line, t3, t7));
    }

    @Test
    void downsampledTrendIsMinMeanMaxOfUsableValuesPerEpochAlignedBucket() throws Exception {
        String line = newLine();
        // Starts mid-bucket, so alignment matters.
        List<Sample> samples = TestData.samples(line, 500, TestData.BASE + 1_234_567_891L, 37_000_000L);
        historian().write(samples, List.of());
        for (Duration bucket : List.of(Duration.ofSeconds(1), Duration.ofMillis(250), Duration.ofSeconds(5))) {
            for (String signal : TestData.SIGNALS) {
                List<TrendBucket> expected = TestData.expectedTrend(TestData.ofSignal(samples, signal), bucket);
                TestData.assertSameTrend(expected, historian().downsampled(line, signal, TestData.BASE, TestData.BASE + HOUR, bucket),
                        signal + " per " + bucket);
            }
        }
        assertThrows(IllegalArgumentException.class,
                () -> historian().downsampled(line, "x", 0, 1, Duration.ofSeconds(7)), "7 s does not divide a day");
    }

    @Test
    void eventsAreStoredAndAnOpenEventIsClosedByWritingItAgain() throws Exception {
        String line = newLine();
        long start = TestData.BASE + 5_000_000_123L;
        Event open = new Event(line, Event.COMMUNICATION_GAP, start, Event.OPEN, List.of("AT1.impurity", "R1.temperature"), "");
        historian().write(List.of(), List.of(open));
        assertEquals(List.of(open), historian().events(line, TestData.BASE, TestData.BASE + HOUR));

        Event closed = new Event(line, Event.COMMUNICATION_GAP, start, start + 31_000_000_007L,
                List.of("AT1.impurity", "R1.temperature"), "OPC UA session lost, it's back");
        Event other = new Event(line, "operator-note", start + 1, Event.OPEN, List.of(), "sampled by hand");
        historian().write(List.of(), List.of(closed, other));
        historian().write(List.of(), List.of(closed)); // replayed
        assertEquals(List.of(closed, other), historian().events(line, TestData.BASE, TestData.BASE + HOUR));
    }

    @Test
    void everySampleAcknowledgedByTheSpoolReachesTheDatabaseExactlyOnce() throws Exception {
        String line = newLine();
        List<Sample> samples = TestData.samples(line, 5_000, TestData.BASE, 1_000_000L); // 20,000 samples
        try (Spool spool = Spool.open(SpoolConfig.defaults(tmp.resolve("spool-" + line)))) {
            SpoolDrainer drainer = new SpoolDrainer(spool, historian(), 64 << 10, Duration.ofMillis(50), Duration.ofSeconds(1)).start();
            for (int i = 0; i < samples.size(); i += 40) {
                spool.append(RecordEncoding.encode(new SampleBatch(samples.subList(i, Math.min(samples.size(), i + 40)))));
            }
            spool.append(RecordEncoding.encode(new Event(line, Event.COMMUNICATION_GAP, TestData.BASE, TestData.BASE + 1, List.of(), "")));
            assertTrue(drainer.drainAndStop(Duration.ofSeconds(60)), "drained");
            assertEquals(samples.size(), drainer.writtenSamples());
            assertEquals(1, drainer.writtenEvents());
        }
        assertEquals(samples.size(), historian().countSamples(line, TestData.BASE, TestData.BASE + HOUR));
        assertEquals(1, historian().events(line, TestData.BASE, TestData.BASE + HOUR).size());
    }
}
