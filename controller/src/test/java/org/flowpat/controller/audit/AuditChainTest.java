package org.flowpat.controller.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.flowpat.controller.api.AuditActions;
import org.flowpat.controller.api.AuditEntry;
import org.flowpat.controller.api.AuditRequest;
import org.junit.jupiter.api.Test;

/** The hash rule and what verification detects. */
class AuditChainTest {
    private static final long T0 = 1_763_000_000_000_000_000L;

    /** A chain of n entries, sealed as the trail seals them. */
    static List<AuditEntry> chain(int n) {
        List<AuditEntry> entries = new ArrayList<>();
        String prev = AuditChain.GENESIS;
        for (int i = 1; i <= n; i++) {
            AuditEntry e = AuditChain.seal(i, T0 + i * 1_000_000L, new AuditRequest("alice", AuditActions.SETPOINT_CHANGE,
                    "L1", "R1.jacketSetpoint", Double.toString(70 + i), Double.toString(71 + i), "step " + i), prev);
            entries.add(e);
            prev = e.hash();
        }
        return entries;
    }

    @Test
    void aSealedChainVerifiesAndNamesItsHead() {
        List<AuditEntry> entries = chain(6);
        ChainVerification v = AuditChain.verify(entries);
        assertTrue(v.valid(), v.message());
        assertEquals(6, v.entries());
        assertEquals(entries.get(5), v.head());
        assertEquals(0, v.firstBadSeq());
        assertEquals(AuditChain.GENESIS, entries.get(0).prevHash());
        for (int i = 1; i < entries.size(); i++) {
            assertEquals(entries.get(i - 1).hash(), entries.get(i).prevHash());
        }
    }

    @Test
    void theHashIsSha256OfPrevHashAndLengthPrefixedComponentsAsDocumented() throws Exception {
        AuditEntry e = chain(1).get(0);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(e.prevHash().getBytes(StandardCharsets.US_ASCII));
        for (String c : new String[]{Long.toString(e.seq()), Long.toString(e.timeNanos()), e.user(), e.action(), e.line(),
            e.target(), e.oldValue(), e.newValue(), e.reason()}) {
            byte[] utf8 = c.getBytes(StandardCharsets.UTF_8);
            out.writeInt(utf8.length);
            out.write(utf8);
        }
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray()));
        assertEquals(expected, e.hash());
    }

    @Test
    void movingCharactersBetweenComponentsChangesTheHash() {
        AuditRequest a = new AuditRequest("ab", "x.y", "L1", "c", "", "", "");
        AuditRequest b = new AuditRequest("a", "x.y", "L1", "bc", "", "", "");
        assertNotEquals(AuditChain.seal(1, T0, a, AuditChain.GENESIS).hash(), AuditChain.seal(1, T0, b, AuditChain.GENESIS).hash());
    }

    @Test
    void aChangedEntryIsNamed() {
        List<AuditEntry> entries = new ArrayList<>(chain(6));
        AuditEntry e = entries.get(2);
        entries.set(2, new AuditEntry(e.seq(), e.timeNanos(), e.user(), e.action(), e.line(), e.target(), e.oldValue(),
                "99.0", e.reason(), e.prevHash(), e.hash()));
        ChainVerification v = AuditChain.verify(entries);
        assertFalse(v.valid());
        assertEquals(3, v.firstBadSeq());
        assertTrue(v.message().contains("changed"), v.message());
        assertEquals(entries.get(1), v.head());
    }

    @Test
    void aRemovedEntryIsNamedByTheGapItLeaves() {
        List<AuditEntry> entries = new ArrayList<>(chain(6));
        entries.remove(3);
        ChainVerification v = AuditChain.verify(entries);
        assertFalse(v.valid());
        assertEquals(5, v.firstBadSeq());
        assertTrue(v.message().contains("entry 4 is missing"), v.message());
    }

    @Test
    void aRemovedEntryWithTheRestRenumberedIsCaughtByThePrevHash() {
        List<AuditEntry> entries = new ArrayList<>(chain(6));
        entries.remove(3);
        AuditEntry e = entries.get(3);
        entries.set(3, new AuditEntry(4, e.timeNanos(), e.user(), e.action(), e.line(), e.target(), e.oldValue(),
                e.newValue(), e.reason(), e.prevHash(), e.hash()));
        ChainVerification v = AuditChain.verify(entries);
        assertFalse(v.valid());
        assertEquals(4, v.firstBadSeq());
        assertTrue(v.message().contains("prevHash"), v.message());
    }

    @Test
    void reorderedEntriesAreNamed() {
        List<AuditEntry> entries = new ArrayList<>(chain(6));
        entries.set(2, chain(6).get(3));
        entries.set(3, chain(6).get(2));
        ChainVerification v = AuditChain.verify(entries);
        assertFalse(v.valid());
        assertEquals(4, v.firstBadSeq());
        assertTrue(v.message().contains("out of order"), v.message());
    }

    @Test
    void anInsertedEntryIsNamedEvenWhenItIsProperlyChainedToItsPredecessor() {
        List<AuditEntry> entries = new ArrayList<>(chain(6));
        AuditEntry forged = AuditChain.seal(3, entries.get(1).timeNanos() + 1,
                new AuditRequest("mallory", AuditActions.ALARM_ACKNOWLEDGE, "L1", "HI-T", "", "", "cover-up"), entries.get(1).hash());
        entries.add(2, forged);
        ChainVerification v = AuditChain.verify(entries);
        assertFalse(v.valid());
        assertEquals(3, v.firstBadSeq());
        assertTrue(v.message().contains("seq 3 follows seq 3"), v.message());
        assertEquals(forged, v.head());
    }

    @Test
    void anInsertedForeignEntryIsNamed() {
        List<AuditEntry> entries = new ArrayList<>(chain(6));
        entries.add(4, chain(9).get(8));
        ChainVerification v = AuditChain.verify(entries);
        assertFalse(v.valid());
        assertEquals(9, v.firstBadSeq());
    }

    @Test
    void aBrokenGenesisIsNamed() {
        AuditEntry first = AuditChain.seal(1, T0, new AuditRequest("alice", "x.y", "", "", "", "", ""), "1".repeat(64));
        ChainVerification v = AuditChain.verify(List.of(first));
        assertFalse(v.valid());
        assertEquals(1, v.firstBadSeq());
        assertTrue(v.message().contains("genesis"), v.message());

        ChainVerification headless = AuditChain.verify(chain(6).subList(2, 6));
        assertFalse(headless.valid());
        assertEquals(3, headless.firstBadSeq());
        assertTrue(headless.message().contains("beginning is missing"), headless.message());
    }

    @Test
    void anEmptyChainIsValidWithoutAHead() {
        ChainVerification v = AuditChain.verify(List.of());
        assertTrue(v.valid());
        assertEquals(0, v.entries());
        assertEquals(null, v.head());
    }
}
