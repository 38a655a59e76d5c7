package org.flowpat.controller.historian;

import org.flowpat.controller.historian.questdb.QuestDbHistorian;
import org.flowpat.controller.spool.Spool;
import org.flowpat.controller.spool.SpoolConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The embedded historian killed with SIGKILL while samples stream in: after a restart every batch the spool
 * acknowledged is in QuestDB exactly once (spool replay, WAL recovery at start-up and dedup together).
 */
class HistorianKillTest {
    @TempDir
    Path dataDir;

    @Test
    void aKilledControllerLosesNoAcknowledgedSampleAndDuplicatesNone() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                HistorianKillMain.class.getName(), dataDir.toString())
                .redirectError(dataDir.resolve("child.err").toFile())
                .start();
        long lastAck = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            String line;
            while (lastAck < 500 && System.nanoTime() < deadline && (line = out.readLine()) != null) {
                if (line.matches("\\d+")) {
                    lastAck = Long.parseLong(line);
                }
            }
            assertTrue(child.toHandle().destroyForcibly()); // SIGKILL
            assertTrue(child.waitFor(10, TimeUnit.SECONDS));
            while ((line = out.readLine()) != null) {
                if (line.matches("\\d+")) {
                    lastAck = Long.parseLong(line);
                }
            }
        } finally {
            child.destroyForcibly();
        }
        assertTrue(lastAck >= 100, "the child acknowledged " + lastAck + " batches before the kill; its stderr:\n"
                + Files.readString(dataDir.resolve("child.err")));

        try (QuestDbHistorian historian = QuestDbHistorian.open(dataDir);
             Spool spool = Spool.open(SpoolConfig.defaults(Historians.spoolDirectory(dataDir)))) {
            long appended = spool.lastAppended();
            assertTrue(appended >= lastAck, "spool holds " + appended + " batches, " + lastAck + " were acknowledged");
            SpoolDrainer drainer = new SpoolDrainer(spool, historian).start();
            assertTrue(drainer.drainAndStop(Duration.ofSeconds(60)));
            long end = TestData.BASE + (appended + 2) * 1_000_000_000L;
            assertEquals(appended * HistorianKillMain.PER_BATCH, historian.countSamples("K1", TestData.BASE, end),
                    "every batch in the spool once, none twice");
            for (long n : new long[]{1, lastAck / 2, lastAck}) {
                long t = TestData.BASE + n * 1_000_000_000L;
                assertEquals(TestData.ofSignal(HistorianKillMain.batch(n), "AT1.impurity"),
                        historian.raw("K1", "AT1.impurity", t, t + 1_000_000_000L), "batch " + n);
            }
        }
    }
}
