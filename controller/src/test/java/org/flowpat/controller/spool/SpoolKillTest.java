package org.flowpat.controller.spool;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** A real SIGKILL of a process appending to the spool: every acknowledged record is there after reopening. */
class SpoolKillTest {
    @TempDir
    Path dir;

    @Test
    void nothingAcknowledgedIsLostToKillDashNine() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                SpoolAppendMain.class.getName(), dir.toString(), "100000000")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        List<Long> acknowledged = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            String line;
            // Kill it mid-stream, after a good number of acknowledgements.
            while (acknowledged.size() < 20_000 && System.nanoTime() < deadline && (line = out.readLine()) != null) {
                acknowledged.add(Long.parseLong(line.trim()));
            }
            // SIGKILL through the handle: Process.destroyForcibly would also close our end of its stdout.
            assertTrue(child.toHandle().destroyForcibly());
            assertTrue(child.waitFor(10, TimeUnit.SECONDS));
            assertEquals(137, child.exitValue(), "killed by SIGKILL");
            // Acknowledgements printed before the kill are still in the pipe.
            while ((line = out.readLine()) != null) {
                if (!line.isBlank()) {
                    acknowledged.add(Long.parseLong(line.trim()));
                }
            }
        } finally {
            child.destroyForcibly();
        }
        assertTrue(acknowledged.size() >= 1000, "the child acknowledged " + acknowledged.size() + " records");

        try (Spool spool = Spool.open(SpoolConfig.defaults(dir).withSegmentBytes(64 << 10).withCapacityBytes(256L << 20))) {
            List<SpoolRecord> replay = SpoolTest.drain(spool);
            long lastAck = acknowledged.get(acknowledged.size() - 1);
            assertTrue(replay.size() >= lastAck, "replayed " + replay.size() + " records, acknowledged up to " + lastAck);
            for (long seq : acknowledged) {
                SpoolRecord r = replay.get((int) seq - 1);
                assertEquals(seq, r.sequence());
                assertArrayEquals(SpoolTest.payload(seq), r.payload(), "payload of acknowledged record " + seq);
            }
        }
    }
}
