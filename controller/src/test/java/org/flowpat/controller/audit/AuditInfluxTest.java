package org.flowpat.controller.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.flowpat.controller.api.AuditActions;
import org.flowpat.controller.api.AuditEntry;
import org.flowpat.controller.api.AuditRequest;
import org.flowpat.controller.api.codec.JournalJson;
import org.flowpat.controller.historian.HistorianVerticle;
import org.flowpat.controller.historian.InfluxdExtension;
import org.flowpat.controller.historian.influx.InfluxHistorian;
import org.flowpat.controller.historian.influx.LocalInfluxd;
import org.flowpat.controller.spool.SpoolConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The historian's copy of the chain in a real InfluxDB: it verifies, a tampered point is named, and it backs up the file. */
@ExtendWith(InfluxdExtension.class)
class AuditInfluxTest {
    private static final int N = 6;

    @TempDir
    Path dir;

    /** Runs the audit service with the historian verticle in front of InfluxDB; appends N entries; returns the file. */
    private Path journal(InfluxHistorian historian) throws Exception {
        Vertx vertx = Vertx.vertx();
        Path audit = dir.resolve("audit");
        try {
            DeploymentOptions worker = new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER);
            vertx.deployVerticle(new HistorianVerticle(historian, SpoolConfig.defaults(dir.resolve("spool")),
                    Duration.ofSeconds(10)), worker).await(10, TimeUnit.SECONDS);
            vertx.deployVerticle(new AuditService(audit, HistorianCopy.of(historian), null), worker).await(10, TimeUnit.SECONDS);
            for (int i = 1; i <= N; i++) {
                AuditClient.append(vertx, new AuditRequest("alice", AuditActions.SETPOINT_CHANGE, "L1", "R1.jacketSetpoint",
                        Integer.toString(70 + i), Integer.toString(71 + i), "step " + i)).await(10, TimeUnit.SECONDS);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (AuditVerifier.historianEntries(historian).size() < N && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        } finally {
            vertx.close().await(20, TimeUnit.SECONDS);
        }
        return audit.resolve(AuditTrail.FILE_NAME);
    }

    @Test
    void journaledEntriesVerifyAndATamperedPointIsNamed(LocalInfluxd influxd) throws Exception {
        try (InfluxHistorian historian = new InfluxHistorian(influxd.url(), "audit_tamper")) {
            Path file = journal(historian);
            List<AuditEntry> journaled = AuditVerifier.historianEntries(historian);
            assertEquals(AuditTrailFile.read(file).entries(), journaled, "the historian holds the same entries as the file");
            AuditVerifier.Report report = AuditVerifier.verifyHistorian("influx", journaled);
            assertTrue(report.valid(), report.lines().toString());
            assertTrue(report.lines().contains("head seq " + N + " hash " + journaled.get(N - 1).hash()), report.lines().toString());
            AuditVerifier.Report both = AuditVerifier.crossCheck(AuditTrailFile.read(file), "influx", journaled);
            assertTrue(both.valid(), both.lines().toString());

            // someone with write access to the database rewrites seq 3's new value in place
            AuditEntry e = journaled.get(2);
            historian.writeJournal(List.of(new AuditEntry(e.seq(), e.timeNanos(), e.user(), e.action(), e.line(), e.target(),
                    e.oldValue(), "99", e.reason(), e.prevHash(), e.hash())));
            List<AuditEntry> tampered = AuditVerifier.historianEntries(historian);
            assertEquals(N, tampered.size(), "the point was rewritten, not added");
            assertEquals("99", tampered.get(2).newValue());
            AuditVerifier.Report broken = AuditVerifier.verifyHistorian("influx", tampered);
            assertFalse(broken.valid());
            assertTrue(broken.lines().stream().anyMatch(l -> l.startsWith("chain BROKEN at seq 3") && l.contains("changed")),
                    broken.lines().toString());
            assertTrue(broken.lines().stream().anyMatch(l -> l.startsWith("first bad entry: seq 3") && l.contains("alice")),
                    broken.lines().toString());
            assertFalse(AuditVerifier.crossCheck(AuditTrailFile.read(file), "influx", tampered).valid());
        }
    }

    @Test
    void aFileCutShortIsCaughtByTheHistoriansCopyAndALostFileIsRestoredFromIt(LocalInfluxd influxd) throws Exception {
        try (InfluxHistorian historian = new InfluxHistorian(influxd.url(), "audit_backup")) {
            Path file = journal(historian);
            List<String> lines = Files.readAllLines(file);
            List<AuditEntry> journaled = AuditVerifier.historianEntries(historian);

            // the last two lines cut off: still a valid chain on its own, but shorter than the historian's copy
            Files.write(file, lines.subList(0, N - 2), StandardCharsets.UTF_8);
            assertTrue(AuditTrailFile.read(file).verify().valid(), "a chain alone cannot see its lost tail");
            AuditVerifier.Report cut = AuditVerifier.crossCheck(AuditTrailFile.read(file), "influx", journaled);
            assertFalse(cut.valid());
            assertTrue(cut.lines().stream().anyMatch(l -> l.contains("lost its tail")), cut.lines().toString());

            Files.delete(file);
            try (AuditTrail trail = AuditTrail.open(file.getParent(), HistorianCopy.of(historian))) {
                assertEquals(journaled.get(N - 1), trail.last());
                AuditEntry next = trail.append(new AuditRequest("bob", AuditActions.LOGIN, "", "hmi", "", "", "login"));
                assertEquals(N + 1, next.seq());
            }
            assertEquals(journaled, AuditTrailFile.read(file).entries().subList(0, N));
            assertTrue(AuditTrailFile.read(file).verify().valid());
            assertEquals(JournalJson.toText(journaled.get(0)), Files.readAllLines(file).get(0));
        }
    }
}
