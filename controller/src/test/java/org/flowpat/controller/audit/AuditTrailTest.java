package org.flowpat.controller.audit;

import org.flowpat.controller.api.codec.Sha256;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.flowpat.controller.api.AuditActions;
import org.flowpat.controller.api.AuditEntry;
import org.flowpat.controller.api.AuditRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trail file: durable appends, restarts, torn lines, tampering and the historian's copy. */
class AuditTrailTest {
    @TempDir
    Path dir;

    private static AuditRequest request(int i) {
        return new AuditRequest("alice", AuditActions.SETPOINT_CHANGE, "L1", "R1.jacketSetpoint", Integer.toString(i),
                Integer.toString(i + 1), "reason " + i);
    }

    private Path file() {
        return dir.resolve(AuditTrail.FILE_NAME);
    }

    @Test
    void appendsAreNumberedChainedAndOnePerLine() throws Exception {
        List<AuditEntry> written = new ArrayList<>();
        try (AuditTrail trail = AuditTrail.open(dir, HistorianCopy.NONE)) {
            for (int i = 1; i <= 3; i++) {
                written.add(trail.append(request(i)));
            }
        }
        assertEquals(List.of(1L, 2L, 3L), written.stream().map(AuditEntry::seq).toList());
        AuditTrailFile content = AuditTrailFile.read(file());
        assertEquals(written, content.entries());
        assertEquals(3, Files.readAllLines(file()).size());
        assertTrue(content.verify().valid());
        assertEquals("reason 2", content.entries().get(1).reason());
    }

    @Test
    void aReopenedTrailContinuesTheChain() throws Exception {
        AuditEntry before;
        try (AuditTrail trail = AuditTrail.open(dir, HistorianCopy.NONE)) {
            trail.append(request(1));
            before = trail.append(request(2));
        }
        try (AuditTrail trail = AuditTrail.open(dir, HistorianCopy.NONE)) {
            assertEquals(before, trail.last());
            AuditEntry next = trail.append(request(3));
            assertEquals(3, next.seq());
            assertEquals(before.hash(), next.prevHash());
        }
        ChainVerification v = AuditTrailFile.read(file()).verify();
        assertTrue(v.valid(), v.message());
        assertEquals(3, v.entries());
    }

    @Test
    void aTornLastLineIsKeptEndedAndRecordedAndTheChainGoesOn() throws Exception {
        try (AuditTrail trail = AuditTrail.open(dir, HistorianCopy.NONE)) {
            trail.append(request(1));
            trail.append(request(2));
        }
        byte[] torn = "{\"seq\":3,\"timeNanos\":17630".getBytes(StandardCharsets.UTF_8);
        Files.write(file(), torn, StandardOpenOption.APPEND);
        assertTrue(AuditTrailFile.read(file()).torn());
        assertTrue(AuditTrailFile.read(file()).verify().valid(), "an unacknowledged torn tail does not break the chain");

        AuditEntry after;
        try (AuditTrail trail = AuditTrail.open(dir, HistorianCopy.NONE)) {
            AuditEntry recovery = trail.last();
            assertEquals(3, recovery.seq());
            assertEquals(AuditActions.AUDIT_RECOVERY, recovery.action());
            assertEquals("line 3", recovery.target());
            assertEquals(Sha256.hex(torn), recovery.newValue());
            after = trail.append(request(4));
        }
        assertEquals(4, after.seq());
        AuditTrailFile content = AuditTrailFile.read(file());
        assertArrayEquals(torn, content.lines().get(2).bytes(), "the torn bytes are kept as they were");
        assertFalse(content.torn());
        ChainVerification v = content.verify();
        assertTrue(v.valid(), v.message());
        assertEquals(4, v.entries());
    }

    @Test
    void aStrayLineNobodyRecordedBreaksVerificationAndTheTrailRefusesToOpen() throws Exception {
        try (AuditTrail trail = AuditTrail.open(dir, HistorianCopy.NONE)) {
            trail.append(request(1));
            trail.append(request(2));
        }
        List<String> lines = new ArrayList<>(Files.readAllLines(file()));
        lines.add(1, "note: nothing happened here");
        Files.write(file(), lines);
        ChainVerification v = AuditTrailFile.read(file()).verify();
        assertFalse(v.valid());
        assertEquals(2, v.firstBadSeq());
        assertTrue(v.message().contains("line 2"), v.message());
        AuditTrailException refused = assertThrows(AuditTrailException.class, () -> AuditTrail.open(dir, HistorianCopy.NONE));
        assertTrue(refused.getMessage().contains("does not verify at seq 2"), refused.getMessage());
    }

    @Test
    void aTamperedFileIsRefusedAndLeftAsItIs() throws Exception {
        try (AuditTrail trail = AuditTrail.open(dir, HistorianCopy.NONE)) {
            for (int i = 1; i <= 4; i++) {
                trail.append(request(i));
            }
        }
        String original = Files.readString(file());
        String tampered = original.replace("\"newValue\":\"3\"", "\"newValue\":\"30\"");
        assertFalse(original.equals(tampered), "the test must change something");
        Files.writeString(file(), tampered);
        AuditTrailException refused = assertThrows(AuditTrailException.class, () -> AuditTrail.open(dir, HistorianCopy.NONE));
        assertTrue(refused.getMessage().contains("seq 2") && refused.getMessage().contains("changed"), refused.getMessage());
        assertEquals(tampered, Files.readString(file()));
    }

    @Test
    void aMissingFileIsRestoredFromTheHistoriansCopyAndContinued() throws Exception {
        List<AuditEntry> copy = new ArrayList<>(AuditChainTest.chain(5));
        java.util.Collections.reverse(copy); // a database may return them in any order
        try (AuditTrail trail = AuditTrail.open(dir, () -> copy)) {
            AuditEntry next = trail.append(request(6));
            assertEquals(6, next.seq());
            assertEquals(AuditChainTest.chain(5).get(4).hash(), next.prevHash());
        }
        ChainVerification v = AuditTrailFile.read(file()).verify();
        assertTrue(v.valid(), v.message());
        assertEquals(6, v.entries());
    }

    @Test
    void aBrokenHistorianCopyIsNotContinued() {
        List<AuditEntry> copy = new ArrayList<>(AuditChainTest.chain(5));
        copy.remove(2);
        AuditTrailException refused = assertThrows(AuditTrailException.class, () -> AuditTrail.open(dir, () -> copy));
        assertTrue(refused.getMessage().contains("historian"), refused.getMessage());
    }

    @Test
    void anUnreadableHistorianStartsANewChain() throws Exception {
        try (AuditTrail trail = AuditTrail.open(dir, () -> {
            throw new java.io.IOException("connection refused");
        })) {
            assertEquals(1, trail.append(request(1)).seq());
        }
    }

    @Test
    void aFailedWriteIsReportedAndNotAcknowledged() throws Exception {
        Path full = Path.of("/dev/full");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isWritable(full), "needs Linux /dev/full");
        Files.createSymbolicLink(file(), full);
        try (AuditTrail trail = AuditTrail.open(dir, HistorianCopy.NONE)) {
            AuditTrailException e = assertThrows(AuditTrailException.class, () -> trail.append(request(1)));
            assertTrue(e.getMessage().contains(AuditTrail.FILE_NAME), e.getMessage());
            assertEquals(null, trail.last());
            assertThrows(AuditTrailException.class, () -> trail.append(request(1)), "still failing, still refused");
        }
    }
}
