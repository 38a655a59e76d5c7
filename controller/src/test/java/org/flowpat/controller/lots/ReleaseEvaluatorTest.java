package org.flowpat.controller.lots;

import static org.flowpat.controller.lots.LotRecords.END;
import static org.flowpat.controller.lots.LotRecords.good;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.flowpat.config.model.AlarmPriority;
import org.flowpat.config.model.ReleaseRules;
import org.flowpat.controller.api.AlarmState;
import org.flowpat.controller.api.AlarmTransition;
import org.flowpat.controller.api.Event;
import org.flowpat.controller.api.ReleaseDecision;
import org.flowpat.controller.api.ReleaseReason;
import org.flowpat.controller.api.SpcSignal;
import org.junit.jupiter.api.Test;

/** Each release rule on its own: the decision it leads to and the sentence that names the figure and its limit. */
class ReleaseEvaluatorTest {
    private static final long SCAN = 5_000_000_000L;
    private final ReleaseEvaluator rules = new ReleaseEvaluator(ReleaseRules.defaults(), SCAN);

    private static ReleaseReason only(ReleaseEvaluator.Verdict v) {
        assertEquals(1, v.reasons().size(), () -> v.reasons().toString());
        return v.reasons().get(0);
    }

    @Test
    void aLotThatMeetsEveryRuleIsReleaseReadyWithoutReasons() {
        ReleaseEvaluator.Verdict v = rules.evaluate(good(), List.of());
        assertEquals(ReleaseDecision.RELEASE_READY, v.decision());
        assertEquals(List.of(), v.reasons());
    }

    @Test
    void productMaterialOutOfSpecRejects() {
        ReleaseEvaluator.Verdict v = rules.evaluate(LotRecords.with(good(), List.of(LotRecords.purity(98.8, 0.2, 2.17, 3),
                LotRecords.impurity(2.7))), List.of());
        assertEquals(ReleaseDecision.REJECT, v.decision());
        assertEquals(new ReleaseReason("cqa-in-spec", ReleaseDecision.REJECT,
                "purity: 3 of 240 product samples out of spec (LSL 97.5)"), only(v));
    }

    @Test
    void completenessBelowTheMinimumNeedsReviewAndBelowTheRejectLimitRejects() {
        ReleaseEvaluator.Verdict review = rules.evaluate(LotRecords.withCompleteness(good(), 0.9), List.of());
        assertEquals(ReleaseDecision.REVIEW, review.decision());
        assertEquals("completeness 0.900 < 0.950", only(review).message());
        ReleaseEvaluator.Verdict reject = rules.evaluate(LotRecords.withCompleteness(good(), 0.4), List.of());
        assertEquals(ReleaseDecision.REJECT, reject.decision());
        assertEquals("completeness 0.400 < 0.500: too little PAT data to assess the lot", only(reject).message());
    }

    @Test
    void capabilityBelowTheMinimumNeedsReviewPerCqa() {
        ReleaseEvaluator.Verdict v = rules.evaluate(LotRecords.with(good(), List.of(LotRecords.purity(98.8, 0.2, 1.12, 0),
                LotRecords.impurity(Double.NaN))), List.of());
        assertEquals(ReleaseDecision.REVIEW, v.decision());
        assertEquals(List.of("purity Ppk 1.12 < 1.33", "impurity Ppk not computable from 240 product samples"),
                v.reasons().stream().map(ReleaseReason::message).toList());
    }

    @Test
    void aCriticalAlarmActiveOrUnacknowledgedAtLotEndNeedsReview() {
        List<AlarmTransition> states = List.of(
                LotRecords.alarm("purity-low", "HIGH", AlarmState.ACTIVE_ACKED),
                LotRecords.alarm("impurity-high", "HIGH", AlarmState.NORMAL),
                LotRecords.alarm("analyzer-fault", "HIGH", AlarmState.RETURNED_UNACKED),
                LotRecords.alarm("pump-a-deviation", "MEDIUM", AlarmState.ACTIVE_UNACKED));
        ReleaseEvaluator.Verdict v = rules.evaluate(good(), states);
        assertEquals(ReleaseDecision.REVIEW, v.decision());
        assertEquals(List.of("critical alarm purity-low (HIGH) ACTIVE_ACKED at lot end",
                "critical alarm analyzer-fault (HIGH) RETURNED_UNACKED at lot end"),
                v.reasons().stream().map(ReleaseReason::message).toList());
        ReleaseRules mediumToo = new ReleaseRules(null, null, null, List.of(AlarmPriority.MEDIUM, AlarmPriority.HIGH),
                null, null, null);
        assertEquals(3, new ReleaseEvaluator(mediumToo, SCAN).evaluate(good(), states).reasons().size());
    }

    @Test
    void aCriticalAlarmThatReturnedBeforeTheLotBeganDoesNotHoldIt() {
        AlarmTransition returned = LotRecords.alarm("conversion-low", "HIGH", AlarmState.RETURNED_UNACKED);
        AlarmTransition before = new AlarmTransition(returned.line(), returned.alarmId(), returned.name(), returned.type(),
                returned.priority(), AlarmState.ACTIVE_UNACKED, AlarmState.RETURNED_UNACKED, LotRecords.START - 1,
                returned.value(), returned.user(), returned.reason(), returned.firstOut());
        assertEquals(ReleaseDecision.RELEASE_READY, rules.evaluate(good(), List.of(before)).decision(),
                "the start-up alarm of the lot before, still unacknowledged, is that lot's concern");
        AlarmTransition stillActive = new AlarmTransition(before.line(), before.alarmId(), before.name(), before.type(),
                before.priority(), AlarmState.NORMAL, AlarmState.ACTIVE_UNACKED, LotRecords.START - 1, before.value(),
                before.user(), before.reason(), before.firstOut());
        assertEquals(ReleaseDecision.REVIEW, rules.evaluate(good(), List.of(stillActive)).decision(),
                "an alarm raised before the lot and still active held the lot's material");
    }

    @Test
    void materialDivertedForADisturbanceNeedsReviewWhileTheStartUpDiversionDoesNot() {
        var startup = new org.flowpat.controller.api.DiversionCommand("L1", org.flowpat.controller.api.DiverterPosition.WASTE,
                "startup", LotRecords.START, LotRecords.START + 60_000_000_000L, 0.4, 0.3);
        var disturbance = new org.flowpat.controller.api.DiversionCommand("L1", org.flowpat.controller.api.DiverterPosition.WASTE,
                "analyzer:conversion", LotRecords.START + 100, LotRecords.START + 90_000_000_000L, 0.6, 0.5);
        assertEquals(ReleaseDecision.RELEASE_READY, rules.evaluate(LotRecords.withDiversions(good(), List.of(startup)),
                List.of()).decision());
        ReleaseEvaluator.Verdict v = rules.evaluate(LotRecords.withDiversions(good(), List.of(startup, disturbance)), List.of());
        assertEquals(new ReleaseReason("disturbance-diversion", ReleaseDecision.REVIEW,
                "material diverted for a disturbance during the lot (analyzer:conversion)"), only(v));
    }

    @Test
    void aDivertedShareAboveTheMaximumNeedsReview() {
        ReleaseEvaluator.Verdict v = rules.evaluate(LotRecords.withMasses(good(), 40, 14), List.of());
        assertEquals(ReleaseDecision.REVIEW, v.decision());
        assertEquals(new ReleaseReason("diverted-share", ReleaseDecision.REVIEW,
                "diverted share 0.26 > 0.20 (14.0 g of 54.0 g)"), only(v));
        assertEquals(ReleaseDecision.RELEASE_READY, rules.evaluate(LotRecords.withMasses(good(), 44, 10), List.of()).decision(),
                "0.185 is within 0.2");
    }

    @Test
    void spcSignalsOnProductMaterialNeedReviewWhenTheyLastTheConfiguredRun() {
        List<SpcSignal> sustained = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            sustained.add(new SpcSignal("purity", LotRecords.START + i * SCAN, 98.2, List.of("ewma:below")));
        }
        ReleaseEvaluator.Verdict v = rules.evaluate(LotRecords.withSignals(good(), sustained), List.of());
        assertEquals(ReleaseDecision.REVIEW, v.decision());
        assertEquals("purity: SPC signals (ewma, cusum) on 12 consecutive product scans >= 12", only(v).message());

        List<SpcSignal> broken = new ArrayList<>(sustained);
        broken.remove(6);   // two runs of six
        assertEquals(ReleaseDecision.RELEASE_READY, rules.evaluate(LotRecords.withSignals(good(), broken), List.of()).decision());
        List<SpcSignal> runRules = sustained.stream().map(s -> new SpcSignal(s.cqa(), s.timeNanos(), s.value(),
                List.of("i:we2"))).toList();
        assertEquals(ReleaseDecision.RELEASE_READY, rules.evaluate(LotRecords.withSignals(good(), runRules), List.of()).decision(),
                "individuals run rules are not among the reviewed charts by default");
    }

    @Test
    void communicationGapsNeedReview() {
        List<Event> gaps = List.of(
                new Event("L1", Event.COMMUNICATION_GAP, END - 100_000_000_000L, END - 70_000_000_000L, List.of(), ""),
                new Event("L1", Event.COMMUNICATION_GAP, END - 15_000_000_000L, Event.OPEN, List.of(), ""),
                new Event("L1", "spool-filling", END - 15_000_000_000L, END, List.of(), ""));
        ReleaseEvaluator.Verdict v = rules.evaluate(LotRecords.withGaps(good(), gaps), List.of());
        assertEquals(ReleaseDecision.REVIEW, v.decision());
        assertEquals("2 communication gaps (45 s in total) > 0", only(v).message());
    }

    @Test
    void theDecisionIsTheWorstOfTheReasons() {
        ReleaseEvaluator.Verdict v = rules.evaluate(LotRecords.withMasses(LotRecords.with(good(),
                List.of(LotRecords.purity(97.9, 0.2, 0.67, 2))), 30, 24), List.of());
        assertEquals(ReleaseDecision.REJECT, v.decision());
        assertEquals(List.of("cqa-in-spec", "capability", "diverted-share"), v.reasons().stream().map(ReleaseReason::rule).toList());
    }
}
