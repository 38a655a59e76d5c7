package org.flowpat.controller.api;

/**
 * One entry of the audit trail (21 CFR Part 11 / ALCOA+): who did what, when, to what, the old and new value and
 * why. Entries form an append-only hash chain: {@code hash} is SHA-256 over {@code prevHash} and every other
 * component, so changing, removing or reordering an entry breaks the chain from there on.
 *
 * @param seq      position in the chain, from 1, without gaps
 * @param timeNanos when the action happened, epoch nanoseconds (host clock)
 * @param user     login id of the person, or {@code system:<component>} for an automatic action
 * @param action   what was done, one of {@link AuditActions}
 * @param line     the line it concerns, or empty for the whole plant
 * @param target   what it was done to (a signal, an alarm id, a lot id, ...)
 * @param oldValue the value before, or empty
 * @param newValue the value after, or empty
 * @param reason   why, as given by the user or the component
 * @param prevHash the previous entry's hash (64 zeros for the first entry)
 * @param hash     this entry's hash, lower-case hex
 */
public record AuditEntry(long seq, long timeNanos, String user, String action, String line, String target,
                         String oldValue, String newValue, String reason, String prevHash, String hash) {
    public AuditEntry {
        line = line == null ? "" : line;
        target = target == null ? "" : target;
        oldValue = oldValue == null ? "" : oldValue;
        newValue = newValue == null ? "" : newValue;
        reason = reason == null ? "" : reason;
    }
}
