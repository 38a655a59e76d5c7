package org.flowpat.controller.lots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.flowpat.config.Plants;
import org.flowpat.config.model.Plant;
import org.flowpat.config.scenario.Scenarios;
import org.flowpat.controller.api.CqaSummary;
import org.flowpat.controller.api.LotRecord;
import org.flowpat.controller.api.ReleaseDecision;
import org.flowpat.controller.api.ReleaseReason;
import org.junit.jupiter.api.Test;

/**
 * End to end against the simulator, in-process and faster than real time: 61 simulated minutes of the bundled
 * plant (20-minute lots, so three lots: the start-up lot and two more) through the controller's quality logic and the
 * lot tracker, judged by the plant file's release rules.
 */
class LotScenarioTest {
    private static final int RUN_S = 61 * 60;

    private static List<LotRecord> run(String scenario, ClosedLoopLots[] loop) throws Exception {
        Plant plant = Plants.bundled();
        loop[0] = new ClosedLoopLots(plant, Scenarios.bundled(scenario), 1);
        loop[0].run(RUN_S);
        List<LotRecord> lots = loop[0].closed();
        lots.forEach(l -> System.out.printf("%s %s %s in %.1f g, product %.1f g, diverted %.1f g, completeness %.3f, Ppk %s: %s%n",
                scenario, l.id(), l.decision().label(), l.inputMassG(), l.productMassG(), l.divertedMassG(),
                l.completeness().share(), l.cqas().stream().map(c -> String.format("%s %.2f", c.cqa(), c.ppk())).toList(),
                l.reasons().stream().map(ReleaseReason::message).toList()));
        assertEquals(3, lots.size(), "three 20-minute lots in 61 minutes");
        lots.forEach(l -> assertTrue(LotHashes.verify(l), l.id()));
        return lots;
    }

    private static Set<String> rules(LotRecord lot) {
        return lot.reasons().stream().map(ReleaseReason::rule).collect(Collectors.toSet());
    }

    @Test
    void aNominalRunGivesReleaseReadyLotsWithCapabilityAboveTheMinimum() throws Exception {
        ClosedLoopLots[] loop = new ClosedLoopLots[1];
        List<LotRecord> lots = run("nominal", loop);
        double minPpk = loop[0].simulation().config().quality().release().minPpk();
        LotRecord startUp = lots.get(0);
        assertEquals(ReleaseDecision.REVIEW, startUp.decision(), "the start-up lot carries the start-up diversion");
        assertEquals(Set.of(ReleaseEvaluator.DIVERTED_SHARE, ReleaseEvaluator.COMPLETENESS), rules(startUp),
                "start-up: material diverted until known good, and the analyzer's start-up scans are not Good");
        for (LotRecord lot : lots.subList(1, 3)) {
            assertEquals(ReleaseDecision.RELEASE_READY, lot.decision(), lot.id() + ": " + lot.reasons());
            for (CqaSummary c : lot.cqas()) {
                assertTrue(c.ppk() > minPpk, c.cqa() + " Ppk " + c.ppk());
                assertEquals(0, c.outOfSpec());
                assertTrue(c.n() > 200, c.cqa() + " product samples " + c.n());
            }
            assertEquals(54, lot.inputMassG(), 1, "3 mL/min at 0.9 g/mL for 20 min");
            assertEquals(lot.inputMassG(), lot.productMassG() + lot.divertedMassG(), 0.5, "what goes in comes out");
        }
        assertEquals(0, loop[0].simulation().groundTruth().offSpecMassToProductG(), 1e-9);
    }

    @Test
    void anAnalyzerDropoutPutsItsLotUpForReviewForCompleteness() throws Exception {
        ClosedLoopLots[] loop = new ClosedLoopLots[1];
        List<LotRecord> lots = run("analyzer-dropout", loop);   // Bad from minute 25 to 30: in the second lot
        LotRecord hit = lots.get(1);
        assertEquals(ReleaseDecision.REVIEW, hit.decision());
        assertTrue(rules(hit).contains(ReleaseEvaluator.COMPLETENESS), hit.reasons().toString());
        double lost = 5.0 / 20;
        assertEquals(1 - lost, hit.completeness().share(), 0.02, "five of twenty minutes without Good scans");
        assertTrue(hit.reasons().stream().anyMatch(r -> r.message().startsWith(String.format(java.util.Locale.ROOT,
                "completeness %.3f < 0.950", hit.completeness().share()))), hit.reasons().toString());
        assertTrue(hit.diversions().stream().anyMatch(d -> d.trigger().contains("analyzer")), "diverted while blind: "
                + hit.diversions());
        assertEquals(ReleaseDecision.RELEASE_READY, lots.get(2).decision(), lots.get(2).reasons().toString());
    }

    @Test
    void aTemperatureExcursionIsDivertedAndItsLotsGoToReviewWithoutOffSpecProduct() throws Exception {
        ClosedLoopLots[] loop = new ClosedLoopLots[1];
        List<LotRecord> lots = run("temperature-excursion", loop);   // +20 °C from minute 25 to 40
        for (LotRecord lot : lots.subList(1, 3)) {
            assertEquals(ReleaseDecision.REVIEW, lot.decision(), lot.id());
            assertTrue(rules(lot).contains(ReleaseEvaluator.DIVERTED_SHARE), lot.reasons().toString());
            lot.cqas().forEach(c -> assertEquals(0, c.outOfSpec(), c.cqa() + ": no off-spec product sample"));
        }
        assertTrue(rules(lots.get(1)).contains(ReleaseEvaluator.CRITICAL_ALARM), "the excursion's HIGH alarms are still "
                + "active at the second lot's end: " + lots.get(1).reasons());
        assertTrue(loop[0].simulation().groundTruth().offSpecMassToProductG() < 0.5);
    }
}
