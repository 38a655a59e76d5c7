package org.flowpat.controller.lots;

import org.flowpat.controller.api.codec.Sha256;
import org.flowpat.controller.api.LotRecord;
import org.flowpat.controller.api.codec.JournalJson;

/**
 * The content hash of a lot record: SHA-256 (lower-case hex) over the record's canonical form, which is its
 * {@link JournalJson} text (Jackson, components in declaration order, non-finite doubles as strings) with
 * {@code contentHash} blank. The historian keeps the same JSON, so a record read back verifies.
 */
public final class LotHashes {
    private LotHashes() {
    }

    /** The hash of every component but {@code contentHash}. */
    public static String contentHash(LotRecord record) {
        return Sha256.hex(JournalJson.toBytes(withContentHash(record, "")));
    }

    /** The record with its content hash set. */
    public static LotRecord sealed(LotRecord record) {
        return withContentHash(record, contentHash(record));
    }

    /** Whether the record's {@code contentHash} is the hash of its content. */
    public static boolean verify(LotRecord record) {
        return !record.contentHash().isEmpty() && record.contentHash().equals(contentHash(record));
    }

    static LotRecord withContentHash(LotRecord r, String hash) {
        return new LotRecord(r.id(), r.line(), r.status(), r.startNanos(), r.endNanos(), r.inputMassG(),
                r.productMassG(), r.divertedMassG(), r.diversions(), r.cqas(), r.spcSignals(), r.alarms(),
                r.setpointChanges(), r.lineStates(), r.completeness(), r.gaps(), r.decision(), r.reasons(), hash);
    }
}
