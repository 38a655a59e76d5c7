package org.flowpat.controller.lots;

import org.flowpat.controller.api.codec.Sha256;
import java.util.Set;
import java.util.UUID;
import org.flowpat.controller.api.LotRecord;
import org.flowpat.controller.api.LotSignature;
import org.flowpat.controller.api.SignatureRequest;
import org.flowpat.controller.api.codec.JournalJson;

/**
 * Electronic signatures of lot records (21 CFR Part 11 §11.70: linked to their record so they cannot be copied to
 * another). {@code signatureHash} is SHA-256 over the signature's {@link JournalJson} text with
 * {@code signatureHash} blank, so it seals the signer, meaning, comment, time and the record hash together.
 */
public final class LotSignatures {
    public static final String APPROVED = "APPROVED";
    public static final String REJECTED = "REJECTED";
    public static final Set<String> MEANINGS = Set.of(APPROVED, REJECTED);

    private LotSignatures() {
    }

    /** A new signature of {@code record} (whose hash the request must carry; the caller checks). */
    public static LotSignature sign(SignatureRequest request, LotRecord record, long timeNanos) {
        LotSignature unsealed = new LotSignature(UUID.randomUUID().toString(), record.id(), record.line(),
                request.user(), request.fullName(), request.meaning(), request.comment(), timeNanos,
                record.contentHash(), "");
        return withSignatureHash(unsealed, signatureHash(unsealed));
    }

    /** SHA-256 over every component but {@code signatureHash}. */
    public static String signatureHash(LotSignature s) {
        return Sha256.hex(JournalJson.toBytes(withSignatureHash(s, "")));
    }

    /**
     * Whether the signature is intact and was given for exactly this record: its seal matches its content, it names
     * this lot and line, its record hash is the record's content hash, and that hash matches the record's content.
     */
    public static boolean verify(LotSignature signature, LotRecord record) {
        return signature.signatureHash().equals(signatureHash(signature))
                && signature.lotId().equals(record.id())
                && signature.line().equals(record.line())
                && signature.recordHash().equals(record.contentHash())
                && LotHashes.verify(record);
    }

    private static LotSignature withSignatureHash(LotSignature s, String hash) {
        return new LotSignature(s.id(), s.lotId(), s.line(), s.user(), s.fullName(), s.meaning(), s.comment(),
                s.timeNanos(), s.recordHash(), hash);
    }
}
