package org.flowpat.controller.historian;

import org.flowpat.controller.api.Quality;
import org.flowpat.controller.api.Sample;
import org.flowpat.controller.historian.influx.InfluxHistorian;
import org.flowpat.controller.historian.influx.InfluxRollups;
import org.flowpat.controller.historian.influx.LocalInfluxd;
import org.flowpat.controller.historian.questdb.QuestDbHistorian;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The 1-minute roll-ups ({@code samples_1m}) of InfluxDB: trends read through them are the trends of the raw
 * samples, however the range falls across rolled-up, stale and not-yet-rolled-up minutes.
 */
@ExtendWith(InfluxdExtension.class)
class InfluxRollupsTest {
    private static final long MINUTE = 60_000_000_000L;
    /** A whole minute; the data starts 7.78 s into it so ranges and minutes never line up by chance. */
    private static final long T0 = TestData.BASE - TestData.BASE % MINUTE;
    private static final String LINE = "RU";
    private static final String SIGNAL = TestData.SIGNALS.get(2);
    private static final List<Duration> MINUTE_BUCKETS =
            List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofHours(1));

    /** 25 minutes of samples of every signal, one a second, with every status and NaN and infinities among them. */
    private static List<Sample> samples() {
        return TestData.samples(LINE, 1500, T0 + 7_777_000_000L, 1_000_000_000L);
    }

    private static List<Sample> inRange(List<Sample> samples, String signal, long from, long to) {
        return samples.stream().filter(s -> s.signal().equals(signal) && s.sourceTimeNanos() >= from && s.sourceTimeNanos() < to)
                .toList();
    }

    private static InfluxHistorian manual(LocalInfluxd influxd, String database) {
        return new InfluxHistorian(influxd.url(), database, null, null, InfluxRollups.Settings.MANUAL);
    }

    @Test
    void aTrendAcrossRolledUpAndNotYetRolledUpMinutesIsTheTrendOfTheRawSamples(LocalInfluxd influxd) throws Exception {
        List<Sample> samples = samples();
        int firstPart = 900 * TestData.SIGNALS.size(); // up to 15 min 7.78 s
        try (InfluxHistorian rolled = manual(influxd, "rollup_equal"); InfluxHistorian rawOnly = manual(influxd, "rollup_equal")) {
            rolled.write(samples.subList(0, firstPart), List.of());
            InfluxRollups.Pass pass = rolled.rollUpNow();
            assertEquals(16, pass.minutes(), "minutes 0 to 15 rolled up");
            assertEquals(Long.MAX_VALUE, rolled.rollups().watermark(), "nothing left to roll up");
            rolled.write(samples.subList(firstPart, samples.size()), List.of());
            assertEquals(T0 + 15 * MINUTE, rolled.rollups().watermark(), "from minute 15 on not rolled up (again) yet");

            long[][] ranges = {{T0, T0 + 3_600_000_000_000L}, {T0 + 150_123_000_000L, T0 + 1_267_000_000_000L},
                {T0 + 60 * 3 * 1_000_000_000L, T0 + 14 * MINUTE}, {T0 + 20 * MINUTE + 1, T0 + 22 * MINUTE}};
            for (long[] r : ranges) {
                for (String signal : TestData.SIGNALS) {
                    for (Duration bucket : MINUTE_BUCKETS) {
                        String what = signal + " per " + bucket + " in [T0 + " + (r[0] - T0) / 1e9 + " s, T0 + " + (r[1] - T0) / 1e9 + " s)";
                        List<TrendBucket> trend = rolled.downsampled(LINE, signal, r[0], r[1], bucket);
                        TestData.assertSameTrend(TestData.expectedTrend(inRange(samples, signal, r[0], r[1]), bucket), trend, what);
                        TestData.assertSameTrend(rawOnly.downsampled(LINE, signal, r[0], r[1], bucket), trend, what + " (raw only)");
                    }
                }
            }
        }
    }

    @Test
    void influxDbThroughItsRollupsAndTheEmbeddedQuestDbGiveTheSameTrends(LocalInfluxd influxd, @TempDir Path tmp) throws Exception {
        List<Sample> samples = samples();
        try (InfluxHistorian influx = manual(influxd, "rollup_quest"); QuestDbHistorian quest = QuestDbHistorian.open(tmp)) {
            influx.write(samples.subList(0, 1000 * TestData.SIGNALS.size()), List.of());
            influx.rollUpNow();
            influx.write(samples.subList(1000 * TestData.SIGNALS.size(), samples.size()), List.of());
            quest.write(samples, List.of());
            long from = T0 + 95_500_000_000L;
            long to = T0 + 24 * MINUTE + 1_000_000_000L;
            for (String signal : TestData.SIGNALS) {
                for (Duration bucket : MINUTE_BUCKETS) {
                    List<TrendBucket> fromInflux = influx.downsampled(LINE, signal, from, to, bucket);
                    assertFalse(fromInflux.isEmpty());
                    TestData.assertSameTrend(quest.downsampled(LINE, signal, from, to, bucket), fromInflux, signal + " per " + bucket);
                }
            }
        }
    }

    @Test
    void minutesTheRollupsCoverAreReadFromThemAndBucketsOfPartMinutesFromTheRawSamples(LocalInfluxd influxd) throws Exception {
        List<Sample> samples = samples();
        try (InfluxHistorian historian = manual(influxd, "rollup_read"); InfluxDB client = InfluxDBFactory.connect(influxd.url())) {
            historian.write(samples, List.of());
            historian.rollUpNow();
            // Spoil minute 5's roll-up behind the historian's back: the trend shows whether it was read.
            client.write("rollup_read", null, InfluxDB.ConsistencyLevel.ONE, TimeUnit.NANOSECONDS,
                    "samples_1m,line=" + LINE + ",signal=" + SIGNAL + " min=-999,max=999,sum=0,count=1i " + (T0 + 5 * MINUTE));
            long from = T0;
            long to = T0 + 20 * MINUTE;
            List<TrendBucket> perMinute = historian.downsampled(LINE, SIGNAL, from, to, Duration.ofMinutes(1));
            TrendBucket spoiled = perMinute.stream().filter(b -> b.startNanos() == T0 + 5 * MINUTE).findFirst().orElseThrow();
            assertEquals(new TrendBucket(T0 + 5 * MINUTE, -999, 0, 999, 1), spoiled);
            List<TrendBucket> others = perMinute.stream().filter(b -> b != spoiled).toList();
            List<TrendBucket> expected = TestData.expectedTrend(inRange(samples, SIGNAL, from, to), Duration.ofMinutes(1)).stream()
                    .filter(b -> b.startNanos() != T0 + 5 * MINUTE).toList();
            TestData.assertSameTrend(expected, others, "the other minutes");

            for (Duration notWholeMinutes : List.of(Duration.ofSeconds(30), Duration.ofSeconds(90))) {
                TestData.assertSameTrend(TestData.expectedTrend(inRange(samples, SIGNAL, from, to), notWholeMinutes),
                        historian.downsampled(LINE, SIGNAL, from, to, notWholeMinutes), notWholeMinutes + " buckets read raw samples");
            }
            // A range starting mid-minute takes that minute's first part from the raw samples.
            long midMinute5 = T0 + 5 * MINUTE + 30_000_000_000L;
            TrendBucket part = historian.downsampled(LINE, SIGNAL, midMinute5, to, Duration.ofMinutes(1)).get(0);
            TestData.assertSameTrend(TestData.expectedTrend(inRange(samples, SIGNAL, midMinute5, T0 + 6 * MINUTE), Duration.ofMinutes(1)),
                    List.of(part), "the second half of minute 5");
        }
    }

    @Test
    void aLateSampleInARolledUpMinuteShowsAtOnceAndIsInItsRollupAfterTheNextPass(LocalInfluxd influxd) throws Exception {
        List<Sample> samples = samples();
        try (InfluxHistorian historian = manual(influxd, "rollup_late")) {
            historian.write(samples, List.of());
            historian.rollUpNow();
            long lateTime = T0 + 3 * MINUTE + 1_500_000_000L; // between two samples of minute 3
            Sample late = new Sample(LINE, SIGNAL, 1_000.0, lateTime, lateTime + 5 * MINUTE, Quality.GOOD_CODE);
            historian.write(List.of(late), List.of());
            assertEquals(T0 + 3 * MINUTE, historian.rollups().watermark(), "minute 3 is stale");
            List<Sample> all = new ArrayList<>(samples);
            all.add(late);
            List<TrendBucket> expected = TestData.expectedTrend(inRange(all, SIGNAL, T0, T0 + 30 * MINUTE), Duration.ofMinutes(5));
            long lateBucket = lateTime - Math.floorMod(lateTime, 5 * MINUTE);
            assertEquals(1_000.0, expected.stream().filter(b -> b.startNanos() == lateBucket).findFirst().orElseThrow().max(),
                    "the late sample is its five minutes' maximum");
            TestData.assertSameTrend(expected, historian.downsampled(LINE, SIGNAL, T0, T0 + 30 * MINUTE, Duration.ofMinutes(5)),
                    "before the next roll-up: raw samples from the stale minute on");

            assertEquals(1, historian.rollUpNow().minutes(), "only minute 3 rolled up again");
            assertEquals(Long.MAX_VALUE, historian.rollups().watermark());
            TestData.assertSameTrend(expected, historian.downsampled(LINE, SIGNAL, T0, T0 + 30 * MINUTE, Duration.ofMinutes(5)),
                    "after it: from the roll-ups");
            assertEquals(1_000.0, rollup(influxd, "rollup_late", SIGNAL, T0 + 3 * MINUTE).max());
        }
    }

    @Test
    void badSamplesAndNonFiniteValuesAreLeftOutOfTheRollup(LocalInfluxd influxd) throws Exception {
        long t = T0 + 40 * MINUTE;
        List<Sample> minute = List.of(
                new Sample(LINE, SIGNAL, 10.0, t + 1_000_000_000L, t + 1_000_000_000L, Quality.GOOD_CODE),
                new Sample(LINE, SIGNAL, 14.0, t + 2_000_000_000L, t + 2_000_000_000L, Quality.UNCERTAIN_CODE),
                new Sample(LINE, SIGNAL, 500.0, t + 3_000_000_000L, t + 3_000_000_000L, Quality.BAD_CODE),
                new Sample(LINE, SIGNAL, Double.NaN, t + 4_000_000_000L, t + 4_000_000_000L, Quality.GOOD_CODE),
                new Sample(LINE, SIGNAL, Double.NEGATIVE_INFINITY, t + 5_000_000_000L, t + 5_000_000_000L, Quality.GOOD_CODE),
                // A minute of nothing usable gets no roll-up point at all.
                new Sample(LINE, SIGNAL, 7.0, t + MINUTE, t + MINUTE, Quality.BAD_CODE),
                new Sample(LINE, SIGNAL, Double.NaN, t + MINUTE + 1, t + MINUTE + 1, Quality.GOOD_CODE));
        try (InfluxHistorian historian = manual(influxd, "rollup_usable")) {
            historian.write(minute, List.of());
            historian.rollUpNow();
            assertEquals(new Rollup(10.0, 14.0, 24.0, 2), rollup(influxd, "rollup_usable", SIGNAL, t));
            assertNull(rollup(influxd, "rollup_usable", SIGNAL, t + MINUTE));
            assertEquals(List.of(new TrendBucket(t, 10.0, 12.0, 14.0, 2)),
                    historian.downsampled(LINE, SIGNAL, t - MINUTE, t + 2 * MINUTE, Duration.ofMinutes(1)));
        }
    }

    @Test
    void aNewHistorianRollsUpWhatThePreviousOneWroteButNeverRolledUp(LocalInfluxd influxd) throws Exception {
        List<Sample> samples = samples();
        int firstPart = 600 * TestData.SIGNALS.size();
        // The first historian is left open: as if its process had been killed, it never rolls up what it wrote last.
        try (InfluxHistorian before = manual(influxd, "rollup_restart")) {
            before.write(samples.subList(0, firstPart), List.of());
            before.rollUpNow();
            before.write(samples.subList(firstPart, samples.size()), List.of());
            assertEquals(11, rollupCount(influxd, "rollup_restart", SIGNAL), "not rolled up beyond minute 10");

            try (InfluxHistorian after = manual(influxd, "rollup_restart")) {
                assertEquals(Long.MIN_VALUE, after.rollups().watermark(), "before its first pass it trusts no roll-up");
                InfluxRollups.Pass pass = after.rollUpNow();
                assertEquals(16, pass.minutes(), "from the newest roll-up point (minute 10) to minute 25");
                assertEquals(26, rollupCount(influxd, "rollup_restart", SIGNAL), "every minute with samples");
                for (Duration bucket : MINUTE_BUCKETS) {
                    TestData.assertSameTrend(TestData.expectedTrend(TestData.ofSignal(samples, SIGNAL), bucket),
                            after.downsampled(LINE, SIGNAL, T0, T0 + 30 * MINUTE, bucket), "per " + bucket);
                }
            }
        }
    }

    @Test
    void aLateSampleWhoseProcessWasKilledBeforeTheNextPassIsRolledUpByTheNextStart(LocalInfluxd influxd) throws Exception {
        List<Sample> samples = samples();
        long lateTime = T0 + 3 * MINUTE + 1_500_000_000L;
        // The first historian is left open: as if killed right after the late write, it never rolls minute 3 up again.
        try (InfluxHistorian before = manual(influxd, "rollup_late_kill")) {
            before.write(samples, List.of());
            before.rollUpNow();
            before.write(List.of(new Sample(LINE, SIGNAL, 1_000.0, lateTime, lateTime + 5 * MINUTE, Quality.GOOD_CODE)),
                    List.of());
            assertEquals(1, staleMarkers(influxd, "rollup_late_kill"), "the stale minute is marked in the database");

            try (InfluxHistorian after = manual(influxd, "rollup_late_kill")) {
                after.rollUpNow();
                assertEquals(1_000.0, rollup(influxd, "rollup_late_kill", SIGNAL, T0 + 3 * MINUTE).max(),
                        "minute 3 rolled up again, with the late sample (the newest roll-up point is minute 25)");
                assertEquals(Long.MAX_VALUE, after.rollups().watermark());
                assertEquals(0, staleMarkers(influxd, "rollup_late_kill"), "the marker is gone once its minute is rolled up");
            }
        }
    }

    private static int staleMarkers(LocalInfluxd influxd, String database) {
        try (InfluxDB client = InfluxDBFactory.connect(influxd.url())) {
            QueryResult r = client.query(new Query("SELECT * FROM \"samples_1m_stale\"", database));
            assertFalse(r.hasError(), r.getError());
            QueryResult.Result result = r.getResults().get(0);
            assertNull(result.getError());
            return result.getSeries() == null ? 0 : result.getSeries().get(0).getValues().size();
        }
    }

    @Test
    void theFirstStartEverRollsUpTheSamplesAlreadyThereSkippingTheYearWithout(LocalInfluxd influxd) throws Exception {
        long now = System.currentTimeMillis() * 1_000_000L;
        long recentStart = now - now % MINUTE - 30 * MINUTE;
        List<Sample> old = samples(); // a year ago
        List<Sample> recent = TestData.samples(LINE, 600, recentStart + 7_777_000_000L, 1_000_000_000L);
        try (InfluxHistorian writer = manual(influxd, "rollup_backfill")) { // never rolls up
            writer.write(old, List.of());
            writer.write(recent, List.of());
        }
        try (InfluxHistorian historian = manual(influxd, "rollup_backfill")) {
            InfluxRollups.Pass pass = historian.rollUpNow();
            assertTrue(pass.minutes() < 200 && pass.queries() <= 12, pass + ": the minutes with samples, not the year between");
            assertEquals(26 + 11, rollupCount(influxd, "rollup_backfill", SIGNAL));
            for (Duration bucket : List.of(Duration.ofMinutes(1), Duration.ofMinutes(5))) {
                TestData.assertSameTrend(TestData.expectedTrend(TestData.ofSignal(old, SIGNAL), bucket),
                        historian.downsampled(LINE, SIGNAL, T0, T0 + 30 * MINUTE, bucket), "old samples per " + bucket);
                TestData.assertSameTrend(TestData.expectedTrend(TestData.ofSignal(recent, SIGNAL), bucket),
                        historian.downsampled(LINE, SIGNAL, recentStart, now, bucket), "recent samples per " + bucket);
            }
        }
    }

    @Test
    void theRollupThreadRollsUpCompleteMinutesOnItsOwnAndLeavesTheLastOneOpen(LocalInfluxd influxd) throws Exception {
        List<Sample> samples = TestData.samples(LINE, 330, T0, 1_000_000_000L); // minutes 0-4 and half of minute 5
        InfluxRollups.Settings fast = new InfluxRollups.Settings(Duration.ofMillis(100), Duration.ofSeconds(10));
        try (InfluxHistorian historian = new InfluxHistorian(influxd.url(), "rollup_thread", null, null, fast)) {
            historian.write(samples, List.of());
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (historian.rollups().watermark() != T0 + 5 * MINUTE && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            // The newest sample is 29 s into minute 5: with 10 s of lateness allowed, minute 5 may still get samples.
            assertEquals(T0 + 5 * MINUTE, historian.rollups().watermark());
            assertEquals(5, rollupCount(influxd, "rollup_thread", SIGNAL));
        }
        assertEquals(6, rollupCount(influxd, "rollup_thread", SIGNAL), "closing rolls up the rest");
    }

    /** One roll-up point as stored. */
    private record Rollup(double min, double max, double sum, long count) {
    }

    private static Rollup rollup(LocalInfluxd influxd, String database, String signal, long minute) {
        List<List<Object>> rows = rollupRows(influxd, database, signal, "time = " + minute);
        if (rows.isEmpty()) {
            return null;
        }
        List<Object> row = rows.get(0);
        return new Rollup((Double) row.get(1), (Double) row.get(2), (Double) row.get(3), Math.round((Double) row.get(4)));
    }

    private static int rollupCount(LocalInfluxd influxd, String database, String signal) {
        return rollupRows(influxd, database, signal, "time > 0").size();
    }

    private static List<List<Object>> rollupRows(LocalInfluxd influxd, String database, String signal, String condition) {
        try (InfluxDB client = InfluxDBFactory.connect(influxd.url())) {
            QueryResult r = client.query(new Query("SELECT \"min\",\"max\",\"sum\",\"count\" FROM \"samples_1m\" WHERE \"line\"='"
                    + LINE + "' AND \"signal\"='" + signal + "' AND " + condition, database));
            assertFalse(r.hasError(), r.getError());
            QueryResult.Result result = r.getResults().get(0);
            assertNull(result.getError());
            return result.getSeries() == null ? List.of() : result.getSeries().get(0).getValues();
        }
    }
}
