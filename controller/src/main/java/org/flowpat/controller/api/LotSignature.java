package org.flowpat.controller.api;

/**
 * An electronic signature of a lot decision (21 CFR Part 11 §11.50, §11.70): the signer's name, the time and the
 * meaning, bound to the exact record content it was given for ({@code recordHash} = the lot's
 * {@link LotRecord#contentHash()}), and sealed by {@code signatureHash} = SHA-256 over every other component, so
 * it cannot be moved to another record or reused.
 *
 * @param id      unique id of this signature
 * @param meaning {@code APPROVED} or {@code REJECTED}
 */
public record LotSignature(String id, String lotId, String line, String user, String fullName, String meaning,
                           String comment, long timeNanos, String recordHash, String signatureHash) {
    public LotSignature {
        comment = comment == null ? "" : comment;
    }
}
