package org.flowpat.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.flowpat.app.FlowpatMain;
import org.flowpat.controller.api.AuditActions;
import org.flowpat.controller.api.AuditEntry;
import org.flowpat.controller.api.AuditRequest;
import org.flowpat.controller.audit.AuditTrail;
import org.flowpat.controller.audit.HistorianCopy;
import org.flowpat.controller.historian.influx.InfluxHistorian;
import org.flowpat.controller.historian.influx.LocalInfluxd;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code flowpat audit verify}: exit 0 and the head for a valid chain, 1 and the first bad entry for a broken one, 2 for usage errors. */
class AuditCommandTest {
    @TempDir
    Path dir;
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void streams() {
        out = new StringWriter();
        err = new StringWriter();
    }

    private int run(String... args) {
        CommandLine cl = FlowpatMain.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    /** A trail of n entries as the controller writes it under {@code dataDir/controller/audit}. */
    private List<AuditEntry> trail(Path dataDir, int n) throws Exception {
        List<AuditEntry> written = new ArrayList<>();
        try (AuditTrail trail = AuditTrail.open(dataDir.resolve("controller").resolve("audit"), HistorianCopy.NONE)) {
            for (int i = 1; i <= n; i++) {
                written.add(trail.append(new AuditRequest("alice", AuditActions.SETPOINT_CHANGE, "L1", "R1.jacketSetpoint",
                        Integer.toString(70 + i), Integer.toString(71 + i), "step " + i)));
            }
        }
        return written;
    }

    private static Path fileUnder(Path dataDir) {
        return dataDir.resolve("controller").resolve("audit").resolve(AuditTrail.FILE_NAME);
    }

    @Test
    void aValidTrailPrintsItsHeadAndExitsZero() throws Exception {
        List<AuditEntry> written = trail(dir, 3);
        assertEquals(0, run("audit", "verify", "--data-dir", dir.toString()), err.toString());
        String printed = out.toString();
        assertTrue(printed.contains(": 3 entries"), printed);
        assertTrue(printed.contains("head seq 3 hash " + written.get(2).hash()), printed);
        assertTrue(printed.contains("chain valid"), printed);

        // the controller's own directory works too
        streams();
        assertEquals(0, run("audit", "verify", "--data-dir", dir.resolve("controller").toString()), err.toString());
        assertTrue(out.toString().contains("chain valid"), out.toString());
    }

    @Test
    void aTamperedTrailNamesTheFirstBadEntryAndExitsOne() throws Exception {
        trail(dir, 4);
        Path file = fileUnder(dir);
        String original = Files.readString(file);
        String tampered = original.replace("\"newValue\":\"73\"", "\"newValue\":\"37\"");
        assertTrue(!original.equals(tampered), "the test must change something");
        Files.writeString(file, tampered);
        assertEquals(1, run("audit", "verify", "--data-dir", dir.toString()));
        String printed = out.toString();
        assertTrue(printed.contains("chain BROKEN at seq 2"), printed);
        assertTrue(printed.contains("first bad entry: seq 2 (line 2)") && printed.contains("user alice")
                && printed.contains("action setpoint.change"), printed);
        assertTrue(!printed.contains("chain valid"), printed);
    }

    @Test
    void usageErrorsExitTwo() throws Exception {
        assertEquals(0, run("audit", "verify", "--help"));
        assertEquals(0, run("audit", "--help"));
        assertEquals(2, run("audit"));
        assertEquals(2, run("audit", "verify", "--influx-db", "plant"));
        assertTrue(err.toString().contains("--influx-db needs --influx"), err.toString());
        assertEquals(2, run("audit", "verify", "--influx", "ftp://127.0.0.1"));
        assertEquals(2, run("audit", "verify", "--data-dir", dir.resolve("nothing-here").toString()));
        assertTrue(err.toString().contains("no audit trail under"), err.toString());
        assertEquals(2, run("audit", "verify", "--bogus"));
    }

    @Test
    void theChainJournaledInInfluxDbIsVerifiedAndCrossCheckedWithTheFile() throws Exception {
        List<AuditEntry> written = trail(dir, 5);
        try (LocalInfluxd influxd = LocalInfluxd.start(dir.resolve("influxd"));
             InfluxHistorian historian = new InfluxHistorian(influxd.url(), "audit_cli")) {
            historian.writeJournal(written);
            assertEquals(0, run("audit", "verify", "--influx", influxd.url(), "--influx-db", "audit_cli"), err.toString());
            assertTrue(out.toString().contains("head seq 5 hash " + written.get(4).hash()), out.toString());
            assertTrue(out.toString().contains("chain valid"), out.toString());

            streams();
            assertEquals(0, run("audit", "verify", "--data-dir", dir.toString(), "--influx", influxd.url(),
                    "--influx-db", "audit_cli"), err.toString());
            assertTrue(out.toString().contains("copies agree up to seq 5"), out.toString());

            AuditEntry e = written.get(3);
            historian.writeJournal(List.of(new AuditEntry(e.seq(), e.timeNanos(), "mallory", e.action(), e.line(), e.target(),
                    e.oldValue(), e.newValue(), e.reason(), e.prevHash(), e.hash())));
            streams();
            assertEquals(1, run("audit", "verify", "--influx", influxd.url(), "--influx-db", "audit_cli"));
            assertTrue(out.toString().contains("chain BROKEN at seq 4") && out.toString().contains("user mallory"), out.toString());
        }
    }
}
