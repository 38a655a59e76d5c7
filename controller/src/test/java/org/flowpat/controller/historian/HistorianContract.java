package org.flowpat.controller.historian;

import org.flowpat.controller.api.AlarmTransition;
import org.flowpat.controller.api.AuditEntry;
import org.flowpat.controller.api.LotRecord;
import org.flowpat.controller.api.DiversionCommand;
import org.flowpat.controller.api.DiverterPosition;
import org.flowpat.controller.api.Event;
import org.flowpat.controller.api.LineStateChange;
import org.flowpat.controller.api.SpcResult;
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
    @Test
    void qualityRecordsThroughTheSpoolAreReadBackExactlyOnceAndAReplayAddsNothing() throws Exception {
        String line = newLine();
        List<Object> records = JournalData.all(line, TestData.BASE);
        long to = TestData.BASE + HOUR;
        for (int round = 1; round <= 2; round++) { // round 2: everything delivered again, as after a crash
            try (Spool spool = Spool.open(SpoolConfig.defaults(tmp.resolve("journal-" + line + "-" + round)))) {
                SpoolDrainer drainer = new SpoolDrainer(spool, historian(), 4 << 10, Duration.ofMillis(50), Duration.ofSeconds(1)).start();
                for (Object r : records) {
                    spool.append(RecordEncoding.encode(r));
                }
                assertTrue(drainer.drainAndStop(Duration.ofSeconds(60)), "drained");
                assertEquals(records.size(), drainer.writtenJournal());
            }
            for (String cqa : JournalData.CQAS) {
                List<SpcResult> expected = JournalData.expected(records, JournalKind.SPC, SpcResult.class).stream()
                        .filter(r -> r.cqa().equals(cqa)).toList();
                assertEquals(40, expected.size());
                assertEquals(expected, historian().spcResults(line, cqa, TestData.BASE, to), "SPC results of " + cqa + ", round " + round);
            }
            assertEquals(JournalData.expected(records, JournalKind.ALARMS, AlarmTransition.class),
                    historian().alarmJournal(line, TestData.BASE, to), "alarm journal, round " + round);
            assertEquals(JournalData.expected(records, JournalKind.DIVERSIONS, DiversionCommand.class),
                    historian().diversions(line, TestData.BASE, to), "diversions, round " + round);
            assertEquals(JournalData.expected(records, JournalKind.LINE_STATES, LineStateChange.class),
                    historian().lineStates(line, TestData.BASE, to), "line states, round " + round);
        }
        // NaN chart fields before phase II come back as NaN (record equality compares doubles by bits).
        assertTrue(historian().spcResults(line, "assay", TestData.BASE, to).stream().anyMatch(r -> Double.isNaN(r.center())));
        assertTrue(historian().alarmJournal(line, TestData.BASE, to).stream().anyMatch(a -> Double.isNaN(a.value())));
    }

    @Test
    void lotRecordsSignaturesAndTheAuditChainReadBackExactlyAndALaterLotVersionReplacesTheFirst() throws Exception {
        String line = newLine();
        List<Object> records = JournalData.release(line, TestData.BASE);
        for (int round = 1; round <= 2; round++) { // a replay adds nothing
            historian().writeJournal(records);
        }
        long to = TestData.BASE + 2 * 1_200_000_000_000L;
        List<LotRecord> lots = historian().lots(line, TestData.BASE, to);
        assertEquals(List.of(records.get(2), records.get(3)), lots, "the closed record replaced the open snapshot");
        assertEquals(List.of(records.get(4)), historian().signatures(line, TestData.BASE, to));
        List<AuditEntry> audit = historian().auditEntries(TestData.BASE, to).stream()
                .filter(a -> a.line().equals(line)).toList();
        assertEquals(List.of(records.get(0), records.get(5)), audit);
    }

    @Test
    void journalReadsAreHalfOpenAndPerLine() throws Exception {
        String line = newLine();
        String other = newLine();
        List<SpcResult> spc = JournalData.spc(line, 10, TestData.BASE, 1_000_000_000L);
        historian().writeJournal(spc);
        historian().writeJournal(JournalData.spc(other, 10, TestData.BASE, 1_000_000_000L));
        long t3 = spc.get(3 * JournalData.CQAS.size()).timeNanos();
        long t7 = spc.get(7 * JournalData.CQAS.size()).timeNanos();
        List<SpcResult> got = historian().spcResults(line, "impurity", t3, t7);
        assertEquals(4, got.size());
        assertEquals(t3, got.get(0).timeNanos());
        assertTrue(got.stream().allMatch(r -> r.line().equals(line) && r.cqa().equals("impurity")));
        assertEquals(List.of(), historian().alarmJournal(line, TestData.BASE, TestData.BASE + HOUR), "no alarms written");
    }

    @Test
    void aReplannedDiversionReplacesItsCommandAndTheEndIsASecondRecord() throws Exception {
        String line = newLine();
        long start = TestData.BASE + 77;
        DiversionCommand planned = new DiversionCommand(line, DiverterPosition.WASTE, "cqa:assay", start, start + 30_000_000_000L, 0, 0);
        DiversionCommand extended = new DiversionCommand(line, DiverterPosition.WASTE, "cqa:assay", start, start + 45_000_000_000L, 1.5, 1);
        DiversionCommand ended = new DiversionCommand(line, DiverterPosition.PRODUCT, "cqa:assay", start, start + 44_000_000_001L, 4.25, 3.5);
        historian().writeJournal(List.of(planned));
        historian().writeJournal(List.of(extended, ended));
        assertEquals(List.of(ended, extended), historian().diversions(line, TestData.BASE, TestData.BASE + HOUR));
    }

    @Test
    void journalRefusesWhatItDoesNotKnowNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> historian().writeJournal(List.of("not a record")));
        assertTrue(e.getMessage().contains("java.lang.String"), e.getMessage());
        IllegalArgumentException key = assertThrows(IllegalArgumentException.class,
                () -> historian().readJournal(JournalKind.ALARMS, "L1", java.util.Map.of("cqa", "x"), 0, 1));
        assertTrue(key.getMessage().contains("cqa") && key.getMessage().contains("alarm_id"), key.getMessage());
    }
}
