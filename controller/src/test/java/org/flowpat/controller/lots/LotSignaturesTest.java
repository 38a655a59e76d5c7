package org.flowpat.controller.lots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.flowpat.controller.api.LotRecord;
import org.flowpat.controller.api.LotSignature;
import org.flowpat.controller.api.ReleaseDecision;
import org.flowpat.controller.api.SignatureRequest;
import org.junit.jupiter.api.Test;

/** A signature is bound to the exact record it was given for and sealed over its own components. */
class LotSignaturesTest {
    private static final LotRecord LOT = LotHashes.sealed(LotRecords.decided(LotRecords.good(), ReleaseDecision.RELEASE_READY, List.of()));

    private static LotSignature signed(LotRecord lot) {
        return LotSignatures.sign(new SignatureRequest(lot.id(), "qa1", "Quinn Adams", "APPROVED", "in spec",
                lot.contentHash()), lot, 1_790_000_100_000_000_000L);
    }

    @Test
    void aSignatureVerifiesAgainstItsRecord() {
        LotSignature s = signed(LOT);
        assertEquals(LOT.contentHash(), s.recordHash());
        assertTrue(s.signatureHash().matches("[0-9a-f]{64}"));
        assertTrue(LotSignatures.verify(s, LOT));
        assertNotEquals(s.id(), signed(LOT).id(), "every signature has its own id");
    }

    @Test
    void aSignatureDoesNotVerifyAgainstAChangedRecord() {
        LotSignature s = signed(LOT);
        LotRecord resealed = LotHashes.sealed(LotRecords.withMasses(LOT, 53.4, 0.6));
        assertFalse(LotSignatures.verify(s, resealed), "changed and sealed again: another hash");
        LotRecord tampered = LotHashes.withContentHash(LotRecords.withMasses(LOT, 53.4, 0.6), LOT.contentHash());
        assertFalse(LotSignatures.verify(s, tampered), "changed but kept the old hash: the hash no longer matches");
    }

    @Test
    void aSignatureCannotBeMovedToAnotherRecord() {
        LotRecord other = LotHashes.sealed(new LotRecord("LOT-L1-20260921-143320", LOT.line(), LOT.status(),
                LOT.endNanos(), LOT.endNanos() + 1_200_000_000_000L, LOT.inputMassG(), LOT.productMassG(),
                LOT.divertedMassG(), LOT.diversions(), LOT.cqas(), LOT.spcSignals(), LOT.alarms(), LOT.setpointChanges(),
                LOT.lineStates(), LOT.completeness(), LOT.gaps(), LOT.decision(), LOT.reasons(), ""));
        LotSignature s = signed(LOT);
        assertFalse(LotSignatures.verify(s, other));
        LotSignature moved = new LotSignature(s.id(), other.id(), s.line(), s.user(), s.fullName(), s.meaning(),
                s.comment(), s.timeNanos(), other.contentHash(), s.signatureHash());
        assertFalse(LotSignatures.verify(moved, other), "re-pointed at the other record: the seal breaks");
    }

    @Test
    void changingAnyPartOfTheSignatureBreaksItsSeal() {
        LotSignature s = signed(LOT);
        LotSignature rejected = new LotSignature(s.id(), s.lotId(), s.line(), s.user(), s.fullName(), "REJECTED",
                s.comment(), s.timeNanos(), s.recordHash(), s.signatureHash());
        LotSignature otherSigner = new LotSignature(s.id(), s.lotId(), s.line(), "qa2", s.fullName(), s.meaning(),
                s.comment(), s.timeNanos(), s.recordHash(), s.signatureHash());
        LotSignature later = new LotSignature(s.id(), s.lotId(), s.line(), s.user(), s.fullName(), s.meaning(),
                s.comment(), s.timeNanos() + 1, s.recordHash(), s.signatureHash());
        for (LotSignature changed : List.of(rejected, otherSigner, later)) {
            assertFalse(LotSignatures.verify(changed, LOT), changed.toString());
        }
    }
}
