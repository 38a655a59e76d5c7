package org.flowpat.config.model;

import java.util.List;
import org.flowpat.config.validation.Validatable;
import org.flowpat.config.validation.Validation;

/**
 * The real-time release rules of a line's lots. A lot is RELEASE-READY when every rule holds; otherwise each
 * failed rule gives a reason and REVIEW or REJECT.
 *
 * @param minCompleteness    least share of expected PAT samples that arrived Good (below: REVIEW)
 * @param rejectCompleteness share below which the lot cannot be assessed at all (REJECT)
 * @param minPpk             least Ppk of every CQA with a spec over product material (below: REVIEW)
 * @param criticalPriorities alarm priorities that must not be active or unacknowledged at lot end (else REVIEW)
 * @param maxDivertedShare   largest share of the lot's output sent to waste before review (above: REVIEW)
 */
public record ReleaseRules(Double minCompleteness, Double rejectCompleteness, Double minPpk,
                           List<AlarmPriority> criticalPriorities, Double maxDivertedShare) implements Validatable {
    public ReleaseRules {
        minCompleteness = minCompleteness == null ? 0.95 : minCompleteness;
        rejectCompleteness = rejectCompleteness == null ? 0.5 : rejectCompleteness;
        minPpk = minPpk == null ? 1.33 : minPpk;
        criticalPriorities = criticalPriorities == null ? List.of(AlarmPriority.HIGH) : List.copyOf(criticalPriorities);
        maxDivertedShare = maxDivertedShare == null ? 0.2 : maxDivertedShare;
    }

    public static ReleaseRules defaults() {
        return new ReleaseRules(null, null, null, null, null);
    }

    @Override
    public void validate(Validation v) {
        v.check(minCompleteness >= 0 && minCompleteness <= 1, "minCompleteness", "must be a share in [0, 1]");
        v.check(rejectCompleteness >= 0 && rejectCompleteness <= minCompleteness, "rejectCompleteness",
                "must be a share in [0, minCompleteness]");
        v.finite("minPpk", minPpk);
        v.check(maxDivertedShare >= 0 && maxDivertedShare <= 1, "maxDivertedShare", "must be a share in [0, 1]");
    }
}
