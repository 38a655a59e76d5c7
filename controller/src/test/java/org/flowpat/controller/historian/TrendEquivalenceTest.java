package org.flowpat.controller.historian;

import org.flowpat.controller.api.Sample;
import org.flowpat.controller.historian.influx.InfluxHistorian;
import org.flowpat.controller.historian.influx.LocalInfluxd;
import org.flowpat.controller.historian.questdb.QuestDbHistorian;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The trend screens read the same answers from InfluxDB and from the embedded QuestDB. */
@ExtendWith(InfluxdExtension.class)
class TrendEquivalenceTest {
    @TempDir
    Path tmp;

    @Test
    void bothDatabasesGiveTheSameRawAndDownsampledSeries(LocalInfluxd influxd) throws Exception {
        List<Sample> samples = TestData.samples("EQ", 2_000, TestData.BASE + 987_654_321L, 13_000_000L);
        long from = TestData.BASE, to = TestData.BASE + 60_000_000_000L;
        try (InfluxHistorian influx = new InfluxHistorian(influxd.url(), "equivalence");
             QuestDbHistorian quest = QuestDbHistorian.open(tmp)) {
            influx.write(samples, List.of());
            quest.write(samples, List.of());
            assertEquals(samples.size(), influx.countSamples("EQ", from, to));
            assertEquals(samples.size(), quest.countSamples("EQ", from, to));
            for (String signal : TestData.SIGNALS) {
                assertEquals(influx.raw("EQ", signal, from, to), quest.raw("EQ", signal, from, to), "raw " + signal);
                for (Duration bucket : List.of(Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(10))) {
                    List<TrendBucket> fromInflux = influx.downsampled("EQ", signal, from, to, bucket);
                    List<TrendBucket> fromQuest = quest.downsampled("EQ", signal, from, to, bucket);
                    assertFalse(fromInflux.isEmpty());
                    TestData.assertSameTrend(fromInflux, fromQuest, signal + " per " + bucket);
                    // A part of the range cut mid-bucket gives the same partial buckets too.
                    long cut = from + 3_333_333_333L;
                    TestData.assertSameTrend(influx.downsampled("EQ", signal, cut, to, bucket),
                            quest.downsampled("EQ", signal, cut, to, bucket), signal + " from mid-bucket per " + bucket);
                }
            }
        }
    }
}
