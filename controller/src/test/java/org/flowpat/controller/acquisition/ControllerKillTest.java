package org.flowpat.controller.acquisition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.flowpat.config.Plants;
import org.flowpat.controller.ControllerApplication;
import org.flowpat.controller.api.Sample;
import org.flowpat.controller.api.SampleBatch;
import org.flowpat.controller.api.codec.RecordEncoding;
import org.flowpat.controller.historian.InfluxdExtension;
import org.flowpat.controller.historian.influx.InfluxHistorian;
import org.flowpat.controller.historian.influx.LocalInfluxd;
import org.flowpat.controller.spool.Spool;
import org.flowpat.controller.spool.SpoolConfig;
import org.flowpat.controller.spool.SpoolRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault test "SIGKILL the controller and restart: the spool replays". The whole controller runs in a
 * child JVM against the simulator while InfluxDB is down, so everything it acquires waits in its spool; it is killed
 * with SIGKILL mid-run. What the spool holds after the kill is exactly what it acknowledged (an append returns once
 * the bytes are in the file; a torn last record was never acknowledged). The controller restarted on the same data
 * directory, with InfluxDB back and the simulator gone (so only the replay writes samples), must bring every one of
 * those samples into InfluxDB, each exactly once, with its value, times and status.
 */
@ExtendWith(InfluxdExtension.class)
class ControllerKillTest {
    private static final long MIN_SAMPLES_BEFORE_KILL = 3_000;

    @TempDir
    Path tmp;

    @Test
    void aKilledControllerReplaysEverySpooledSampleOnceAfterRestart(LocalInfluxd influxd) throws Exception {
        Path dataDir = tmp.resolve("controller");
        influxd.stop(); // the outage: acquired samples stay in the spool
        long publishedBeforeKill;
        try (SimulatedPlant simulator = new SimulatedPlant(Plants.bundled(), tmp.resolve("sim-pki"), 0.1, 5.0, 60)) {
            simulator.startOpcUa();
            publishedBeforeKill = runAndKill(dataDir, influxd.url(), simulator.endpointUrl());
        } // the simulator is gone before the restart: no new samples, only the replay

        Map<String, List<Sample>> spooled = spooledSamples(dataDir);
        long spooledCount = spooled.values().stream().mapToLong(List::size).sum();
        assertTrue(spooledCount >= MIN_SAMPLES_BEFORE_KILL / 2, "the killed controller spooled " + spooledCount
                + " samples; it had published " + publishedBeforeKill);

        influxd.start();
        Vertx vertx = Vertx.vertx();
        try (InfluxHistorian reader = new InfluxHistorian(influxd.url(), ControllerKillMain.DATABASE)) {
            ControllerApplication restarted = ControllerApplication.start(vertx,
                    ControllerKillMain.plant(simulatorGoneEndpoint()), ControllerKillMain.options(dataDir, influxd.url()))
                    .await(60, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            long stored = 0;
            while (System.nanoTime() < deadline && (stored = countSafely(reader)) < spooledCount) {
                Thread.sleep(200);
            }
            restarted.stop().await(60, TimeUnit.SECONDS);
            stored = reader.countSamples("L1", 0, Long.MAX_VALUE / 2);
            assertEquals(spooledCount, stored, "samples in InfluxDB after the replay (the killed controller had "
                    + "published " + publishedBeforeKill + " on its bus)");
            for (Map.Entry<String, List<Sample>> signal : spooled.entrySet()) {
                List<Sample> expected = signal.getValue();
                assertEquals(expected, reader.raw("L1", signal.getKey(), 0, Long.MAX_VALUE / 2),
                        signal.getKey() + ": every spooled sample once, with its value, times and status");
            }
            System.out.printf("controller kill test: %d samples on the bus before SIGKILL, %d in the spool after it, "
                    + "%d in InfluxDB after the restart%n", publishedBeforeKill, spooledCount, stored);
        } finally {
            vertx.close().await(30, TimeUnit.SECONDS);
        }
    }

    /** Starts the controller in a child JVM, kills it with SIGKILL once it has acquired enough; returns its count. */
    private long runAndKill(Path dataDir, String influxUrl, String endpoint) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path err = tmp.resolve("child.err");
        Process child = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                ControllerKillMain.class.getName(), dataDir.toString(), influxUrl, endpoint)
                .redirectError(err.toFile())
                .start();
        long published = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(45);
            String line;
            while (published < MIN_SAMPLES_BEFORE_KILL && System.nanoTime() < deadline && (line = out.readLine()) != null) {
                if (line.startsWith("PUBLISHED ")) {
                    published = Long.parseLong(line.substring(10));
                }
            }
            assertTrue(child.isAlive(), "the controller child exited early; its stderr:\n" + Files.readString(err));
            assertTrue(child.toHandle().destroyForcibly()); // SIGKILL on Linux: no shutdown hook, no drain
            assertTrue(child.waitFor(10, TimeUnit.SECONDS));
        } finally {
            child.destroyForcibly();
        }
        assertTrue(published >= MIN_SAMPLES_BEFORE_KILL, "the controller published only " + published
                + " samples in 45 s; its stderr:\n" + Files.readString(err));
        return published;
    }

    /** Every sample in the spool's records, by signal in source-time order (opening recovers a torn tail). */
    private static Map<String, List<Sample>> spooledSamples(Path dataDir) throws Exception {
        Map<String, List<Sample>> bySignal = new TreeMap<>();
        try (Spool spool = Spool.open(SpoolConfig.defaults(dataDir.resolve("spool")))) {
            long last = spool.lastAppended();
            long read = spool.confirmed();
            while (read < last) {
                List<SpoolRecord> records = spool.poll(1 << 20, 1_000);
                assertTrue(!records.isEmpty(), "the spool stopped delivering at " + read + " of " + last);
                for (SpoolRecord record : records) {
                    if (RecordEncoding.decode(record.payload()) instanceof SampleBatch batch) {
                        for (Sample s : batch.samples()) {
                            bySignal.computeIfAbsent(s.signal(), k -> new ArrayList<>()).add(s);
                        }
                    }
                    read = record.sequence();
                }
            }
        } // closed without confirming: the restarted controller reads the same records
        bySignal.values().forEach(list -> list.sort(Comparator.comparingLong(Sample::sourceTimeNanos)));
        return bySignal;
    }

    private static long countSafely(InfluxHistorian reader) {
        try {
            return reader.countSamples("L1", 0, Long.MAX_VALUE / 2);
        } catch (Exception e) {
            return 0; // not yet reachable or database not yet created
        }
    }

    /** An endpoint where nothing listens: the restarted controller retries it in the background. */
    private static String simulatorGoneEndpoint() throws Exception {
        return "opc.tcp://127.0.0.1:" + SimulatedPlant.freePort() + "/flowpat";
    }
}
