package org.flowpat.controller.lots;

import static org.flowpat.controller.lots.LineFeed.OUT_G_PER_S;
import static org.flowpat.controller.lots.LineFeed.FEED_G_PER_S;
import static org.flowpat.controller.lots.LineFeed.S;
import static org.flowpat.controller.lots.LineFeed.SCAN_S;
import static org.flowpat.controller.lots.LineFeed.T0;
import static org.flowpat.controller.lots.LineFeed.TRANSIT_S;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.flowpat.config.model.LotBasis;
import org.flowpat.config.model.LotSettings;
import org.flowpat.config.model.ReleaseRules;
import org.flowpat.controller.api.AlarmState;
import org.flowpat.controller.api.AlarmTransition;
import org.flowpat.controller.api.AuditEntry;
import org.flowpat.controller.api.Completeness;
import org.flowpat.controller.api.CqaSummary;
import org.flowpat.controller.api.Event;
import org.flowpat.controller.api.LineState;
import org.flowpat.controller.api.LotRecord;
import org.flowpat.controller.api.LotStatus;
import org.flowpat.controller.api.Quality;
import org.flowpat.controller.api.ReleaseDecision;
import org.flowpat.controller.api.ReleaseReason;
import org.junit.jupiter.api.Test;

/** How a line's production is cut into lots and what each lot's record says, on constructed data. */
class LotTrackerTest {
    private static final int CQAS = 3;
    private static final ReleaseRules RULES = ReleaseRules.defaults();

    @Test
    void timeLotsCloseAtTheirSizeOnTheDataClockAndTheNextOpensAtOnce() throws Exception {
        LineFeed feed = new LineFeed(LineFeed.timeLots(20), RULES);
        feed.state(LineState.STARTING, LineState.EXECUTE);
        feed.run(45 * 60);
        List<LotRecord> closed = feed.closed();
        assertEquals(2, closed.size(), "two 20-minute lots in 45 minutes");
        assertEquals(3, feed.opened().size(), "each lot announced when it opened");
        for (int i = 0; i < 2; i++) {
            LotRecord lot = closed.get(i);
            assertEquals(T0 + i * 20 * 60 * S, lot.startNanos());
            assertEquals(lot.startNanos() + 20 * 60 * S, lot.endNanos());
            assertEquals(20 * 60 * 2 * FEED_G_PER_S, lot.inputMassG(), 2 * 2 * FEED_G_PER_S, "fall of both feed scales");
            assertEquals(20 * 60 * OUT_G_PER_S, lot.productMassG(), 2 * OUT_G_PER_S);
            assertEquals(0, lot.divertedMassG(), 1e-9);
            assertEquals(20 * 60 / SCAN_S * CQAS, lot.completeness().expected());
            assertEquals(1.0, lot.completeness().share(), 1e-12);
            assertEquals(ReleaseDecision.RELEASE_READY, lot.decision(), () -> lot.reasons().toString());
            assertTrue(LotHashes.verify(lot));
        }
        assertEquals(closed.get(0).endNanos(), closed.get(1).startNanos());
        assertTrue(closed.get(0).id().startsWith("LOT-L1-"), closed.get(0).id());
        assertFalse(closed.get(0).id().equals(closed.get(1).id()));
    }

    @Test
    void massLotsCloseWhenTheProductVesselHasGainedTheirSize() throws Exception {
        double size = 10;
        LineFeed feed = new LineFeed(new LotSettings(LotBasis.MASS, size, "M", null, null, null), RULES);
        feed.state(LineState.STARTING, LineState.EXECUTE);
        feed.run(12 * 60);
        LotRecord first = feed.closed().get(0);
        assertTrue(first.productMassG() >= size && first.productMassG() < size + OUT_G_PER_S, "closed at "
                + first.productMassG() + " g");
        // the first reading of the scales comes a second after the lot opens, and readings are a second apart
        assertEquals(size / OUT_G_PER_S, (first.endNanos() - first.startNanos()) / (double) S, 2.0);
        assertEquals(3, feed.closed().size(), "10 g lots of 2.7 g/min in 12 min: " + feed.closed().size());
    }

    @Test
    void inputLotsCloseWhenTheFeedsHaveGivenTheirSize() throws Exception {
        double size = 27;
        LineFeed feed = new LineFeed(new LotSettings(LotBasis.INPUT, size, "I", null, null, null), RULES);
        feed.state(LineState.STARTING, LineState.EXECUTE);
        feed.run(15 * 60);
        LotRecord first = feed.closed().get(0);
        assertTrue(first.inputMassG() >= size && first.inputMassG() < size + 2 * FEED_G_PER_S, "closed at "
                + first.inputMassG() + " g");
        assertEquals(size / (2 * FEED_G_PER_S), (first.endNanos() - first.startNanos()) / (double) S, 2.0);
    }

    @Test
    void statisticsCoverProductMaterialOnlyLeavingOutDivertedAndBadSamples() throws Exception {
        LineFeed feed = new LineFeed(LineFeed.timeLots(20), RULES);
        // Off-spec purity while the analyzer sees minutes 4:30-6:30: its material reaches the diverter 30 s later,
        // during the waste interval 5:00-7:00, so it must not count. A signal on that material is not the lot's either.
        feed.values = (cqa, s) -> cqa.equals("purity") && s >= 270 && s < 390 ? 90.0 : LineFeed.nominal(cqa) + (s / SCAN_S % 2 == 0 ? 0.1 : -0.1);
        feed.ewmaSignals = (cqa, s) -> (s == 300 || s == 900) && cqa.equals("purity") ? 1 << 12 : 0;
        feed.state(LineState.STARTING, LineState.EXECUTE);
        feed.run(300);
        feed.divert("cqa:purity");
        long wasteFrom = feed.now;
        feed.run(120);
        feed.product("cqa:purity", wasteFrom);
        feed.run(180);
        feed.analyzerQuality = Quality.BAD;   // minutes 10-12: the analyzer reports Bad
        feed.run(120);
        feed.analyzerQuality = Quality.GOOD;
        feed.run(21 * 60 - 720);
        LotRecord lot = feed.closed().get(0);

        long scansInLot = 20 * 60 / SCAN_S;                             // at 0, 5, ..., 1195 s
        long arrivingInLot = (20 * 60 - TRANSIT_S) / SCAN_S;            // material of scans before 1170 s reaches the diverter in the lot
        long diverted = 120 / SCAN_S;                                   // scans 270..385 s arrive during 300..420 s
        long bad = 120 / SCAN_S;
        CqaSummary purity = lot.cqas().stream().filter(c -> c.cqa().equals("purity")).findFirst().orElseThrow();
        assertEquals(diverted, purity.excludedDiverted());
        assertEquals(bad, purity.excludedBad());
        assertEquals(arrivingInLot - diverted - bad, purity.n());
        assertEquals(0, purity.outOfSpec(), "the off-spec material was diverted");
        assertEquals(98.7, purity.min(), 1e-9);
        assertEquals(98.9, purity.max(), 1e-9);
        assertEquals(98.8, purity.mean(), 0.1 / purity.n() + 1e-9);
        assertEquals((purity.mean() - purity.lsl()) / (3 * purity.sd()), purity.ppk(), 1e-9, "one-sided spec: Ppk = Ppl");
        assertEquals(1, purity.spcSignals(), "the signal at 900 s counts, the one on diverted material does not");
        assertEquals(1, lot.spcSignals().size());
        assertEquals(List.of("ewma:above"), lot.spcSignals().get(0).rules());
        assertEquals((double) 120 * OUT_G_PER_S, lot.divertedMassG(), 2 * OUT_G_PER_S);
        assertTrue(lot.diversions().stream().anyMatch(d -> d.trigger().equals("cqa:purity") && d.fromNanos() == wasteFrom));
        Completeness c = lot.completeness();
        assertEquals(scansInLot * CQAS, c.expected());
        assertEquals(bad * CQAS, c.notGood());
        assertEquals((scansInLot - bad) * CQAS, c.good());
        assertEquals(ReleaseDecision.REVIEW, lot.decision());
        assertEquals(List.of(ReleaseEvaluator.COMPLETENESS), lot.reasons().stream().map(ReleaseReason::rule).toList(),
                "diverted share 120 s of 1200 s is within 0.2; completeness 216/240 < 0.95");
    }

    @Test
    void completenessCountsMissingScansAndTheRecordKeepsEveryGap() throws Exception {
        LineFeed feed = new LineFeed(LineFeed.timeLots(20), RULES);
        feed.state(LineState.STARTING, LineState.EXECUTE);
        feed.run(600);
        Event gap = new Event("L1", Event.COMMUNICATION_GAP, feed.now, Event.OPEN, List.of("AT1.purity"), "no data");
        feed.tracker.onEvent(gap);
        feed.analyzerOn = false;
        feed.run(120);
        feed.tracker.onEvent(new Event("L1", Event.COMMUNICATION_GAP, gap.startNanos(), feed.now, gap.signals(), "no data"));
        feed.analyzerOn = true;
        feed.run(11 * 60);
        LotRecord lot = feed.closed().get(0);
        long missing = 120 / SCAN_S * CQAS;
        assertEquals(missing, lot.completeness().missing());
        assertEquals(1 - (double) missing / lot.completeness().expected(), lot.completeness().share(), 1e-12);
        assertEquals(1, lot.gaps().size(), "one gap, with its end: " + lot.gaps());
        assertEquals(gap.startNanos() + 120 * S, lot.gaps().get(0).endNanos());
        assertEquals(List.of(ReleaseEvaluator.COMPLETENESS, ReleaseEvaluator.COMMUNICATION_GAPS),
                lot.reasons().stream().map(ReleaseReason::rule).toList());
        assertEquals("1 communication gaps (120 s in total) > 0", lot.reasons().get(1).message());
    }

    @Test
    void stoppingTheLineClosesTheLotAndNoneOpensUntilItRunsAgain() throws Exception {
        LineFeed feed = new LineFeed(LineFeed.timeLots(20), RULES);
        feed.state(LineState.STARTING, LineState.EXECUTE);
        feed.run(7 * 60);
        feed.state(LineState.EXECUTE, LineState.STOPPING);
        assertEquals(1, feed.closed().size(), "closed at once");
        LotRecord lot = feed.closed().get(0);
        assertEquals(T0 + 7 * 60 * S, lot.endNanos());
        assertEquals(7 * 60 / SCAN_S * CQAS, lot.completeness().expected());
        assertEquals(List.of(LineState.EXECUTE, LineState.STOPPING), lot.lineStates().stream().map(c -> c.to()).toList());
        feed.state(LineState.STOPPING, LineState.STOPPED);
        feed.run(5 * 60);
        assertEquals(1, feed.opened().size(), "no lot while stopped");
        feed.state(LineState.STARTING, LineState.EXECUTE);
        feed.run(60);
        assertEquals(2, feed.opened().size());
        assertEquals(T0 + 12 * 60 * S, feed.opened().get(1).startNanos());
    }

    @Test
    void withoutExecuteALotOpensAtTheFirstProductMaterial() throws Exception {
        LineFeed feed = new LineFeed(LineFeed.timeLots(20), RULES);
        feed.divert("startup");
        feed.run(300);
        assertTrue(feed.records.isEmpty(), "no lot while only waste flows and the line is not in Execute");
        feed.product("startup", T0);
        feed.run(21 * 60);
        LotRecord lot = feed.closed().get(0);
        assertEquals(T0 + 300 * S, lot.startNanos());
        assertEquals(1.0, lot.completeness().share(), 1e-12, "its whole duration counts as producing time");
    }

    @Test
    void alarmsAndSetpointChangesDuringTheLotAreRecordedAndAnUnacknowledgedCriticalAlarmNeedsReview() throws Exception {
        LineFeed feed = new LineFeed(LineFeed.timeLots(20), RULES);
        feed.state(LineState.STARTING, LineState.EXECUTE);
        feed.run(60);
        AlarmTransition raised = new AlarmTransition("L1", "impurity-high", "Impurity I high", "HIGH", "HIGH",
                AlarmState.NORMAL, AlarmState.ACTIVE_UNACKED, feed.now, 1.3, "system", "", "impurity-high");
        feed.tracker.onAlarm(raised);
        feed.tracker.onAlarm(new AlarmTransition("L1", "impurity-high", "Impurity I high", "HIGH", "HIGH",
                AlarmState.ACTIVE_UNACKED, AlarmState.RETURNED_UNACKED, feed.now + S, 1.0, "system", "", ""));
        feed.tracker.onAlarm(new AlarmTransition("L1", "pump-a-deviation", "Pump A", "DEVIATION", "MEDIUM",
                AlarmState.NORMAL, AlarmState.ACTIVE_UNACKED, feed.now, 1.3, "system", "", ""));
        AuditEntry setpoint = new AuditEntry(7, feed.now, "anna", "setpoint.change", "L1", "R1.jacketSetpoint", "80",
                "81", "trim", "0".repeat(64), "a".repeat(64));
        feed.tracker.onAudit(setpoint);
        feed.tracker.onAudit(new AuditEntry(8, feed.now, "anna", "user.login", "", "", "", "", "", "a".repeat(64), "b".repeat(64)));
        feed.tracker.onAudit(new AuditEntry(9, feed.now, "anna", "setpoint.change", "L2", "R1.jacketSetpoint", "80",
                "81", "other line", "b".repeat(64), "c".repeat(64)));
        feed.run(20 * 60);
        LotRecord lot = feed.closed().get(0);
        assertEquals(3, lot.alarms().size());
        assertEquals(List.of(setpoint), lot.setpointChanges());
        assertEquals(ReleaseDecision.REVIEW, lot.decision());
        assertEquals(List.of(new ReleaseReason(ReleaseEvaluator.CRITICAL_ALARM, ReleaseDecision.REVIEW,
                "critical alarm impurity-high (HIGH) RETURNED_UNACKED at lot end")), lot.reasons(),
                "a MEDIUM alarm is not critical under the default rules");
        assertEquals(LotStatus.OPEN, feed.opened().get(1).status());
        assertTrue(feed.opened().get(1).alarms().isEmpty(), "the next lot starts without the first lot's alarms");
    }
}
