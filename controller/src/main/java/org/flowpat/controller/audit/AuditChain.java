package org.flowpat.controller.audit;

import org.flowpat.controller.api.codec.Sha256;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.flowpat.controller.api.AuditEntry;
import org.flowpat.controller.api.AuditRequest;

/**
 * The hash rule of the audit trail, pure and stateless.
 * <p>
 * {@code hash = lower-hex(SHA-256(prevHash || canonical(entry)))}, where {@code prevHash} enters as its 64 ASCII
 * hex characters (64 zeros for the first entry, {@link #GENESIS}) and {@code canonical} is, for each of seq,
 * timeNanos, user, action, line, target, oldValue, newValue and reason in this order: a 4-byte big-endian length
 * followed by the component's UTF-8 bytes (numbers as decimal text; a missing text as length -1 and no bytes).
 * Length prefixes make the encoding unambiguous ("ab"+"c" differs from "a"+"bc") and independent of any JSON
 * formatting, so the chain can be re-checked with any SHA-256 tool.
 * <p>
 * {@link #verify} detects an entry changed in place (its hash no longer matches), removed (a gap in seq and a
 * prevHash that names another entry), reordered or inserted (seq out of order, prevHash mismatch) and a broken
 * genesis (first entry not seq 1 or not chained to 64 zeros). What a chain alone cannot detect: the loss of its
 * tail (the last entries cut off leave a shorter, valid chain), and a wholesale rewrite by someone who recomputes
 * every hash after the change. The historian keeps a second copy of every entry (measurement/table {@code audit});
 * comparing the local file's head with the historian's ({@link AuditVerifier#crossCheck}) covers both, unless both
 * copies are rewritten alike.
 */
public final class AuditChain {
    /** The prevHash of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    /** Numbers, times and chains a request: the entry as the trail writes it. */
    public static AuditEntry seal(long seq, long timeNanos, AuditRequest r, String prevHash) {
        AuditEntry unsealed = new AuditEntry(seq, timeNanos, r.user(), r.action(), r.line(), r.target(), r.oldValue(),
                r.newValue(), r.reason(), prevHash, null);
        return withHash(unsealed, hash(unsealed));
    }

    /** The hash an entry should carry, computed from its prevHash and other components (its own hash ignored). */
    public static String hash(AuditEntry e) {
        MessageDigest sha = Sha256.newDigest();
        sha.update(e.prevHash() == null ? new byte[0] : e.prevHash().getBytes(StandardCharsets.US_ASCII));
        sha.update(canonical(e));
        return HexFormat.of().formatHex(sha.digest());
    }

    /** The canonical bytes of an entry without prevHash and hash (see the class comment). */
    public static byte[] canonical(AuditEntry e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        for (String component : new String[]{Long.toString(e.seq()), Long.toString(e.timeNanos()), e.user(), e.action(),
            e.line(), e.target(), e.oldValue(), e.newValue(), e.reason()}) {
            put(out, component);
        }
        return out.toByteArray();
    }

    private static void put(ByteArrayOutputStream out, String component) {
        if (component == null) {
            out.writeBytes(ByteBuffer.allocate(4).putInt(-1).array());
            return;
        }
        byte[] bytes = component.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }

    static AuditEntry withHash(AuditEntry e, String hash) {
        return new AuditEntry(e.seq(), e.timeNanos(), e.user(), e.action(), e.line(), e.target(), e.oldValue(),
                e.newValue(), e.reason(), e.prevHash(), hash);
    }

    /**
     * Checks a whole chain, in the order given (the file's order; sort a database's copy by seq first): seq runs
     * 1, 2, 3, ... without gaps, each prevHash is the previous entry's hash (64 zeros first), and each hash matches
     * its entry. Stops at the first entry that does not check out and names it.
     */
    public static ChainVerification verify(List<AuditEntry> entries) {
        AuditEntry previous = null;
        for (int i = 0; i < entries.size(); i++) {
            AuditEntry e = entries.get(i);
            String problem = problem(previous, e);
            if (problem != null) {
                long expectedSeq = previous == null ? 1 : previous.seq() + 1;
                if (e.seq() > expectedSeq && appearsLater(entries, i + 1, expectedSeq)) {
                    problem = "seq " + e.seq() + " follows seq " + (expectedSeq - 1) + " while entry " + expectedSeq
                            + " comes later: entries are out of order";
                }
                return ChainVerification.broken(entries.size(), e.seq(), problem, e, previous);
            }
            previous = e;
        }
        return ChainVerification.valid(entries.size(), previous);
    }

    private static boolean appearsLater(List<AuditEntry> entries, int from, long seq) {
        for (int j = from; j < entries.size(); j++) {
            if (entries.get(j).seq() == seq) {
                return true;
            }
        }
        return false;
    }

    /** What is wrong with {@code e} following {@code previous} (null for the first entry), or null. */
    static String problem(AuditEntry previous, AuditEntry e) {
        long expectedSeq = previous == null ? 1 : previous.seq() + 1;
        String expectedPrev = previous == null ? GENESIS : previous.hash();
        if (e.seq() != expectedSeq) {
            if (previous == null) {
                return "the chain starts at seq " + e.seq() + ", not 1: its beginning is missing";
            }
            if (e.seq() > expectedSeq) {
                return "seq " + e.seq() + " follows seq " + previous.seq() + ": entr"
                        + (e.seq() - expectedSeq == 1 ? "y " + expectedSeq + " is" : "ies " + expectedSeq + "-" + (e.seq() - 1) + " are")
                        + " missing";
            }
            return "seq " + e.seq() + " follows seq " + previous.seq() + ": entries are out of order, duplicated or inserted";
        }
        if (!expectedPrev.equals(e.prevHash())) {
            return previous == null
                    ? "the first entry's prevHash is " + e.prevHash() + ", not 64 zeros: the genesis is broken"
                    : "entry " + e.seq() + " names prevHash " + e.prevHash() + " but entry " + previous.seq()
                    + " has hash " + previous.hash() + ": an entry was removed, replaced or inserted";
        }
        if (!hash(e).equals(e.hash())) {
            return "entry " + e.seq() + " does not match its hash: it was changed after it was written";
        }
        return null;
    }
}
