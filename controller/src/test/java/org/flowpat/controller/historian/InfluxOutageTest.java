package org.flowpat.controller.historian;

import org.flowpat.controller.api.Sample;
import org.flowpat.controller.api.SampleBatch;
import org.flowpat.controller.api.codec.RecordEncoding;
import org.flowpat.controller.historian.influx.InfluxHistorian;
import org.flowpat.controller.historian.influx.LocalInfluxd;
import org.flowpat.controller.spool.Spool;
import org.flowpat.controller.spool.SpoolConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * InfluxDB goes away while the line keeps producing, then comes back: the spool holds the samples and replays
 * them, none lost, none twice. The outage lasts 30 s, as the issue asks ({@code -Dflowpat.outage.seconds=N}
 * shortens it while working on the spool).
 */
@ExtendWith(InfluxdExtension.class)
class InfluxOutageTest {
    private static final int SAMPLES_PER_BATCH = 40;   // 10 signals x 4 readings, as one notification
    private static final long BATCH_PERIOD_MILLIS = 10; // 4,000 samples/s

    @TempDir
    Path tmp;

    @Test
    void anOutageLosesNothingAndDuplicatesNothing(LocalInfluxd influxd) throws Exception {
        long outageSeconds = Long.getLong("flowpat.outage.seconds", 30);
        String line = "OUT";
        List<Sample> produced = new ArrayList<>();
        long t0 = TestData.BASE;
        int batchNo = 0;
        try (InfluxHistorian historian = new InfluxHistorian(influxd.url(), "outage");
             Spool spool = Spool.open(SpoolConfig.defaults(tmp.resolve("spool")))) {
            SpoolDrainer drainer = new SpoolDrainer(spool, historian, 256 << 10, Duration.ofMillis(50), Duration.ofMillis(500)).start();
            long stopAt = 1_000, restartAt = stopAt + outageSeconds * 1000, endAt = restartAt + 1_000;
            long start = System.currentTimeMillis();
            boolean stopped = false, restarted = false;
            long backlogDuringOutage = 0;
            while (System.currentTimeMillis() - start < endAt) {
                long elapsed = System.currentTimeMillis() - start;
                if (!stopped && elapsed >= stopAt) {
                    influxd.stop();
                    stopped = true;
                }
                if (stopped && !restarted && elapsed >= restartAt) {
                    backlogDuringOutage = spool.lastAppended() - spool.confirmed();
                    influxd.start();
                    restarted = true;
                }
                List<Sample> batch = new ArrayList<>(SAMPLES_PER_BATCH);
                for (int i = 0; i < SAMPLES_PER_BATCH; i++) {
                    long t = t0 + (long) batchNo * 1_000_000 + i / 10 * 1000 + 7;
                    batch.add(new Sample(line, "S" + (i % 10), batchNo + i / 10.0, t, t + 500, 0));
                }
                batchNo++;
                spool.append(RecordEncoding.encode(new SampleBatch(batch)));
                produced.addAll(batch);
                Thread.sleep(BATCH_PERIOD_MILLIS);
            }
            assertTrue(restarted, "influxd was restarted");
            assertTrue(drainer.drainAndStop(Duration.ofSeconds(60)), "the backlog is written once InfluxDB is back");
            assertTrue(drainer.failedWrites() > 0, "writes failed during the outage");
            assertTrue(backlogDuringOutage > 0.5 * outageSeconds * 1000 / BATCH_PERIOD_MILLIS / 2,
                    "batches waited in the spool during the outage: " + backlogDuringOutage);

            long end = t0 + (long) batchNo * 1_000_000 + 1;
            assertEquals(produced.size(), historian.countSamples(line, t0, end), "samples in InfluxDB");
            for (int k = 0; k < 10; k++) {
                String signal = "S" + k;
                List<Sample> expected = produced.stream().filter(s -> s.signal().equals(signal)).toList();
                assertEquals(expected, historian.raw(line, signal, t0, end), "every sample of " + signal + " exactly once, in order");
            }
            System.out.printf("outage test: %d s outage, %d samples produced, %d batches waited in the spool, %d failed writes%n",
                    outageSeconds, produced.size(), backlogDuringOutage, drainer.failedWrites());
        }
    }
}
