package org.flowpat.controller.lots;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flowpat.config.model.AlarmPriority;
import org.flowpat.config.model.ReleaseRules;
import org.flowpat.controller.api.AlarmState;
import org.flowpat.controller.api.DiversionCommand;
import org.flowpat.controller.api.DiverterPosition;
import org.flowpat.controller.api.AlarmTransition;
import org.flowpat.controller.api.CqaSummary;
import org.flowpat.controller.api.Event;
import org.flowpat.controller.api.LotRecord;
import org.flowpat.controller.api.ReleaseDecision;
import org.flowpat.controller.api.ReleaseReason;
import org.flowpat.controller.api.SpcSignal;

/**
 * The plant file's release rules applied to a closed lot (pure). REJECT when product material was out of spec or
 * completeness is below {@code rejectCompleteness}; REVIEW for every other failed rule; RELEASE-READY with no
 * reasons. Each reason names the figure and its limit, e.g. {@code purity Ppk 1.12 < 1.33}.
 */
public final class ReleaseEvaluator {
    public static final String CQA_IN_SPEC = "cqa-in-spec";
    public static final String COMPLETENESS = "completeness";
    public static final String CAPABILITY = "capability";
    public static final String CRITICAL_ALARM = "critical-alarm";
    public static final String DISTURBANCE = "disturbance-diversion";
    /** The trigger of the start-up diversion (see the diversion planner). */
    static final String STARTUP_TRIGGER = "startup";
    public static final String DIVERTED_SHARE = "diverted-share";
    public static final String SPC_SIGNALS = "spc-signals";
    public static final String COMMUNICATION_GAPS = "communication-gaps";

    private final ReleaseRules rules;
    private final long scanNanos;

    /** @param scanNanos the analyzer's scan interval: signals further apart than 1.5 scans are not consecutive */
    public ReleaseEvaluator(ReleaseRules rules, long scanNanos) {
        this.rules = rules;
        this.scanNanos = scanNanos;
    }

    /** The decision and its reasons. */
    public record Verdict(ReleaseDecision decision, List<ReleaseReason> reasons) {
    }

    /**
     * @param lot             the lot's record (its decision and reasons are ignored)
     * @param alarmStatesAtEnd the last transition of every alarm of the line as it stood at the lot's end
     */
    public Verdict evaluate(LotRecord lot, List<AlarmTransition> alarmStatesAtEnd) {
        List<ReleaseReason> reasons = new ArrayList<>();
        for (CqaSummary c : lot.cqas()) {
            if (c.outOfSpec() > 0) {
                reasons.add(reason(CQA_IN_SPEC, ReleaseDecision.REJECT, "%s: %d of %d product samples out of spec (%s)",
                        c.cqa(), c.outOfSpec(), c.n(), specText(c)));
            }
        }
        double share = lot.completeness() == null ? 1 : lot.completeness().share();
        if (share < rules.rejectCompleteness()) {
            reasons.add(reason(COMPLETENESS, ReleaseDecision.REJECT, "completeness %.3f < %.3f: too little PAT data to assess the lot",
                    share, rules.rejectCompleteness()));
        } else if (share < rules.minCompleteness()) {
            reasons.add(reason(COMPLETENESS, ReleaseDecision.REVIEW, "completeness %.3f < %.3f", share,
                    rules.minCompleteness()));
        }
        for (CqaSummary c : lot.cqas()) {
            if (Double.isNaN(c.ppk())) {
                reasons.add(reason(CAPABILITY, ReleaseDecision.REVIEW, "%s Ppk not computable from %d product samples",
                        c.cqa(), c.n()));
            } else if (c.ppk() < rules.minPpk()) {
                reasons.add(reason(CAPABILITY, ReleaseDecision.REVIEW, "%s Ppk %.2f < %.2f", c.cqa(), c.ppk(), rules.minPpk()));
            }
        }
        for (AlarmTransition a : alarmStatesAtEnd) {
            // An alarm that returned before the lot began, even unacknowledged, concerns an earlier lot.
            boolean concernsLot = a.to() != AlarmState.RETURNED_UNACKED || a.timeNanos() >= lot.startNanos();
            if (critical(a) && a.to().annunciated() && concernsLot) {
                reasons.add(reason(CRITICAL_ALARM, ReleaseDecision.REVIEW, "critical alarm %s (%s) %s at lot end",
                        a.alarmId(), a.priority(), a.to().name()));
            }
        }
        double output = lot.productMassG() + lot.divertedMassG();
        double diverted = output > 0 ? lot.divertedMassG() / output : 0;
        if (diverted > rules.maxDivertedShare()) {
            reasons.add(reason(DIVERTED_SHARE, ReleaseDecision.REVIEW, "diverted share %.2f > %.2f (%.1f g of %.1f g)",
                    diverted, rules.maxDivertedShare(), lot.divertedMassG(), output));
        }
        // A disturbance diverted during the lot is a deviation the reviewer must see, however little was diverted;
        // the start-up diversion is routine.
        lot.diversions().stream()
                .filter(d -> d.position() == DiverterPosition.WASTE && !STARTUP_TRIGGER.equals(d.trigger()))
                .map(DiversionCommand::trigger).distinct()
                .forEach(trigger -> reasons.add(reason(DISTURBANCE, ReleaseDecision.REVIEW,
                        "material diverted for a disturbance during the lot (%s)", trigger)));
        for (CqaSummary c : lot.cqas()) {
            int run = longestRun(lot.spcSignals().stream().filter(s -> s.cqa().equals(c.cqa()) && reviewed(s)).toList());
            if (run >= rules.spcRun()) {
                reasons.add(reason(SPC_SIGNALS, ReleaseDecision.REVIEW,
                        "%s: SPC signals (%s) on %d consecutive product scans >= %d", c.cqa(),
                        String.join(", ", rules.spcCharts()), run, rules.spcRun()));
            }
        }
        List<Event> gaps = lot.gaps().stream().filter(e -> Event.COMMUNICATION_GAP.equals(e.kind())).toList();
        if (!gaps.isEmpty()) {
            long nanos = gaps.stream().mapToLong(e -> (e.open() ? lot.endNanos() : e.endNanos()) - e.startNanos()).sum();
            reasons.add(reason(COMMUNICATION_GAPS, ReleaseDecision.REVIEW, "%d communication gaps (%.0f s in total) > 0",
                    gaps.size(), Math.max(0, nanos) / 1e9));
        }
        ReleaseDecision decision = ReleaseDecision.RELEASE_READY;
        for (ReleaseReason r : reasons) {
            decision = decision.worse(r.outcome());
        }
        return new Verdict(decision, reasons);
    }

    private boolean critical(AlarmTransition a) {
        for (AlarmPriority p : rules.criticalPriorities()) {
            if (p.name().equalsIgnoreCase(a.priority())) {
                return true;
            }
        }
        return false;
    }

    /** Whether a signal comes from one of the charts the rules review. */
    private boolean reviewed(SpcSignal s) {
        return s.rules().stream().anyMatch(r -> rules.spcCharts().contains(r.substring(0, Math.max(0, r.indexOf(':')))));
    }

    /** The most signals in a row, each within 1.5 scan intervals of the one before. */
    private int longestRun(List<SpcSignal> signals) {
        int longest = 0;
        int run = 0;
        long previous = Long.MIN_VALUE;
        for (SpcSignal s : signals.stream().sorted(java.util.Comparator.comparingLong(SpcSignal::timeNanos)).toList()) {
            run = previous != Long.MIN_VALUE && s.timeNanos() - previous <= scanNanos * 3 / 2 ? run + 1 : 1;
            longest = Math.max(longest, run);
            previous = s.timeNanos();
        }
        return longest;
    }

    private static String specText(CqaSummary c) {
        List<String> parts = new ArrayList<>();
        if (!Double.isNaN(c.lsl())) {
            parts.add(String.format(Locale.ROOT, "LSL %s", number(c.lsl())));
        }
        if (!Double.isNaN(c.usl())) {
            parts.add(String.format(Locale.ROOT, "USL %s", number(c.usl())));
        }
        return String.join(", ", parts);
    }

    private static String number(double x) {
        return x == Math.rint(x) ? String.format(Locale.ROOT, "%.1f", x) : Double.toString(x);
    }

    private static ReleaseReason reason(String rule, ReleaseDecision outcome, String format, Object... args) {
        return new ReleaseReason(rule, outcome, String.format(Locale.ROOT, format, args));
    }
}
