package org.flowpat.controller.audit;

import io.vertx.core.json.JsonObject;
import org.flowpat.controller.api.AuditEntry;

/**
 * The outcome of checking an audit chain.
 *
 * @param valid       whether every entry checked out
 * @param entries     how many entries the chain holds (all of them, also when it is broken)
 * @param firstBadSeq the seq the first entry that does not check out carries (the entry after a gap, the first
 *                    entry out of order, the changed entry); 0 when valid
 * @param message     what is wrong, in one sentence; {@code "chain valid"} when valid
 * @param firstBad    the first entry that does not check out, or null (valid, or nothing there to show)
 * @param head        the last entry that checked out (the chain's head when valid), or null for an empty chain
 *                    or a bad first entry
 */
public record ChainVerification(boolean valid, int entries, long firstBadSeq, String message, AuditEntry firstBad,
                                AuditEntry head) {
    public static final String VALID = "chain valid";

    static ChainVerification valid(int entries, AuditEntry head) {
        return new ChainVerification(true, entries, 0, VALID, null, head);
    }

    static ChainVerification broken(int entries, long firstBadSeq, String message, AuditEntry firstBad, AuditEntry head) {
        return new ChainVerification(false, entries, firstBadSeq, message, firstBad, head);
    }

    /** The form the audit service's query reply carries: {@code {valid, entries, firstBadSeq, message}}. */
    public JsonObject toJson() {
        return new JsonObject().put("valid", valid).put("entries", entries).put("firstBadSeq", firstBadSeq)
                .put("message", message);
    }
}
