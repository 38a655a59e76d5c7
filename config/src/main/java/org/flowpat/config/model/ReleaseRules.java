package org.flowpat.config.model;

import java.util.List;
import java.util.Set;
import org.flowpat.config.validation.Validatable;
import org.flowpat.config.validation.Validation;

/**
 * The real-time release rules of a line's lots. A lot is RELEASE-READY when every rule holds; otherwise each
 * failed rule gives a reason and REVIEW or REJECT. Product material out of spec always rejects.
 *
 * @param minCompleteness    least share of expected PAT samples that arrived Good (below: REVIEW)
 * @param rejectCompleteness share below which the lot cannot be assessed at all (REJECT)
 * @param minPpk             least Ppk of every CQA with a spec over product material (below: REVIEW)
 * @param criticalPriorities alarm priorities that must not be active or unacknowledged at lot end (else REVIEW)
 * @param maxDivertedShare   largest share of the lot's output sent to waste before review (above: REVIEW)
 * @param spcCharts          the charts whose signals on product material need review: {@code i} (individuals:
 *                           limits and run rules), {@code mr}, {@code ewma}, {@code cusum}. The default, EWMA and
 *                           CUSUM, reviews sustained shifts; single run-rule points stay in the record but would
 *                           put nearly every lot of a few hundred scans up for review.
 * @param spcRun             how many consecutive analyzer scans of product material must signal (on those charts)
 *                           before the lot needs review: a sustained shift, not a single false alarm
 */
public record ReleaseRules(Double minCompleteness, Double rejectCompleteness, Double minPpk,
                           List<AlarmPriority> criticalPriorities, Double maxDivertedShare, List<String> spcCharts,
                           Integer spcRun)
        implements Validatable {
    /** The chart names of {@link #spcCharts}, as they prefix the SPC signal names ({@code ewma:above}). */
    public static final Set<String> CHARTS = Set.of("i", "mr", "ewma", "cusum");

    public ReleaseRules {
        minCompleteness = minCompleteness == null ? 0.95 : minCompleteness;
        rejectCompleteness = rejectCompleteness == null ? 0.5 : rejectCompleteness;
        minPpk = minPpk == null ? 1.33 : minPpk;
        criticalPriorities = criticalPriorities == null ? List.of(AlarmPriority.HIGH) : List.copyOf(criticalPriorities);
        maxDivertedShare = maxDivertedShare == null ? 0.2 : maxDivertedShare;
        spcCharts = spcCharts == null ? List.of("ewma", "cusum") : List.copyOf(spcCharts);
        spcRun = spcRun == null ? 12 : spcRun;
    }

    public static ReleaseRules defaults() {
        return new ReleaseRules(null, null, null, null, null, null, null);
    }

    @Override
    public void validate(Validation v) {
        v.check(minCompleteness >= 0 && minCompleteness <= 1, "minCompleteness", "must be a share in [0, 1]");
        v.check(rejectCompleteness >= 0 && rejectCompleteness <= minCompleteness, "rejectCompleteness",
                "must be a share in [0, minCompleteness]");
        v.finite("minPpk", minPpk);
        v.check(maxDivertedShare >= 0 && maxDivertedShare <= 1, "maxDivertedShare", "must be a share in [0, 1]");
        v.check(spcRun >= 1, "spcRun", "must be at least 1");
        for (int i = 0; i < spcCharts.size(); i++) {
            v.check(CHARTS.contains(spcCharts.get(i)), "spcCharts[" + i + "]",
                    "'" + spcCharts.get(i) + "' is not a chart; use i, mr, ewma or cusum");
        }
    }
}
