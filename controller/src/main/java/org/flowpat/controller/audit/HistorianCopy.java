package org.flowpat.controller.audit;

import java.util.List;
import org.flowpat.controller.api.AuditEntry;
import org.flowpat.controller.historian.Historian;

/** The historian's copy of the chain, read only when the local file is missing. */
@FunctionalInterface
public interface HistorianCopy {
    /** Every journaled entry, in any order. */
    List<AuditEntry> entries() throws Exception;

    /** No second copy (tests, tools). */
    HistorianCopy NONE = List::of;

    /** Every entry the historian holds, over all time. */
    static HistorianCopy of(Historian historian) {
        return () -> historian.auditEntries(0, Long.MAX_VALUE);
    }
}
