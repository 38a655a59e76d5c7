package org.flowpat.controller.diversion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.flowpat.config.model.DiversionSettings;
import org.flowpat.config.model.Line;
import org.flowpat.controller.api.DiversionCommand;
import org.flowpat.controller.api.DiverterPosition;
import org.flowpat.controller.quality.QualityFixtures;
import org.flowpat.pat.rtd.AxialDispersion;
import org.flowpat.pat.rtd.ResidenceTimeDistribution;
import org.flowpat.pat.rtd.SampledRtd;
import org.flowpat.pat.rtd.TanksInSeries;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The planner alone, on a clock of whole seconds with a flow the test sets. */
class DiversionPlannerTest {
    private static final long S = 1_000_000_000L;
    private final List<DiversionCommand> commands = new ArrayList<>();
    private Line line;
    private DiversionSettings settings;
    private DiversionPlanner planner;
    private ResidenceTimeDistribution transfer;
    private double alpha;
    private long t;

    @BeforeEach
    void setUp() {
        line = QualityFixtures.bundledLine();
        settings = line.quality().diversion();
        planner = new DiversionPlanner(line, commands::add);
        transfer = new AxialDispersion(line.process().analyzerToDiverterVolumeMl(), settings.transferPeclet());
        alpha = (1 - settings.capture()) / 2;
    }

    /** One second at {@code flow} mL/min with the analyzer's verdict; returns the position. */
    private DiverterPosition second(double flow, boolean good) {
        t += S;
        planner.flow(t, flow);
        planner.analyzer(good, good ? null : "cqa:impurity");
        return planner.decide(t);
    }

    /** Runs until the position changes; returns the second it did (or -1 within the bound). */
    private long untilChange(double flow, boolean good, int maxSeconds) {
        DiverterPosition start = planner.position();
        for (int i = 0; i < maxSeconds; i++) {
            if (second(flow, good) != start) {
                return t / S;
            }
        }
        return -1;
    }

    private void finishStartup() {
        planner.flow(t, 3.0);
        assertTrue(untilChange(3.0, true, 3600) > 0, "start-up ends");
    }

    @Test
    void startUpMaterialIsDivertedUntilTheCqasHaveBeenGoodForTheConfiguredReactorVolumes() {
        planner.flow(0, 3.0);
        for (int i = 0; i < 100; i++) {
            assertEquals(DiverterPosition.WASTE, second(3.0, false));
        }
        long opened = untilChange(3.0, true, 3600);
        double needed = settings.startupResidenceTimes() * line.process().reactor().volumeMl() / 3.0 * 60;
        assertEquals(100 + needed, opened, 2, "opens one reactor volume (5 min at 3 mL/min) after the CQAs are good");
        assertTrue(planner.startupDone());
        assertEquals("startup", commands.get(0).trigger());
    }

    @Test
    void anExcursionAtTheAnalyzerIsDivertedUntilTheTransferLineHasFlushedIt() {
        finishStartup();
        long t1 = t / S + 1;
        assertEquals(DiverterPosition.WASTE, second(3.0, false), "waste at once: the lookback reaches behind now");
        for (int i = 0; i < 59; i++) {
            second(3.0, false);
        }
        long t2 = t / S;
        long back = untilChange(3.0, true, 600);
        double tailMl = transfer.quantile(1 - alpha) + settings.marginS() / 60 * 3.0;
        assertEquals(t2 + tailMl / 3.0 * 60, back, 1.5, "back to product after q(1-α) + margin of the transfer line");
        DiversionCommand product = commands.get(commands.size() - 1);
        assertEquals(DiverterPosition.PRODUCT, product.position());
        assertEquals("cqa:impurity", product.trigger(), "the interval is recorded with what triggered it");
        double seconds = back - t1 + 1;
        assertEquals(seconds / 60 * 3.0 * line.process().densityGPerMl(), product.divertedMassG(), 0.1,
                "diverted mass = flow × time × density");
        assertTrue(product.minimalMassG() > 0 && product.minimalMassG() < product.divertedMassG(),
                "RTD-optimal minimum " + product.minimalMassG() + " g below the diverted " + product.divertedMassG() + " g");
    }

    @Test
    void aVerdictThatArrivesLateDatesItsDisturbanceBackByItsAge() {
        double onTime = minimalMassOfOneExcursion(0);
        setUp();
        commands.clear();
        t = 0;
        double late = minimalMassOfOneExcursion(12 * S);
        // the window starts 12 s of flow earlier: 12 s × 3 mL/min × density more material in the minimum
        assertEquals(12.0 / 60 * 3.0 * line.process().densityGPerMl(), late - onTime, 0.05,
                "on time " + onTime + " g, 12 s late " + late + " g");
    }

    /** A minute's excursion first reported {@code ageNanos} after its sample; the RTD-optimal minimum diverted. */
    private double minimalMassOfOneExcursion(long ageNanos) {
        finishStartup();
        t += S;
        planner.flow(t, 3.0);
        planner.analyzer(false, "cqa:impurity", ageNanos);
        assertEquals(DiverterPosition.WASTE, planner.decide(t));
        for (int i = 0; i < 59; i++) {
            second(3.0, false);
        }
        assertTrue(untilChange(3.0, true, 600) > 0, "back to product");
        return commands.get(commands.size() - 1).minimalMassG();
    }

    @Test
    void whenTheFlowHalvesTheWindowLastsTwiceAsLongInTime() {
        finishStartup();
        for (int i = 0; i < 30; i++) {
            second(3.0, false);
        }
        long t2 = t / S;
        long back = untilChange(1.5, true, 600);
        double tailMl = transfer.quantile(1 - alpha);
        // volume coordinates: the same flushing volume (tail + margin) takes twice as long at half the flow
        double expected = t2 + (tailMl + settings.marginS() / 60 * 1.5) / 1.5 * 60;
        assertEquals(expected, back, 1.5);
    }

    @Test
    void overlappingWindowsMergeIntoOneDiversion() {
        finishStartup();
        int before = commands.size();
        for (int k = 0; k < 3; k++) {
            for (int i = 0; i < 10; i++) {
                second(3.0, false);
            }
            for (int i = 0; i < 5; i++) {
                assertEquals(DiverterPosition.WASTE, second(3.0, true), "still flushing the previous excursion");
            }
        }
        untilChange(3.0, true, 600);
        assertEquals(before + 2, commands.size(), "one WASTE and one PRODUCT command for three excursions");
    }

    @Test
    void anUpstreamDisturbanceIsDivertedWhenItArrivesThroughTheReactor() {
        finishStartup();
        planner.upstream("pump-b-deviation", true);
        long t1 = t / S;
        long divert = -1;
        for (int i = 0; i < 600 && divert < 0; i++) {
            planner.upstream("pump-b-deviation", true);
            if (second(3.0, true) == DiverterPosition.WASTE) {
                divert = t / S;
            }
        }
        ResidenceTimeDistribution series = SampledRtd.series(DiversionPlanner.RTD_STEP_ML, List.of(
                new TanksInSeries(line.process().reactor().volumeMl(), line.process().reactor().tanksInSeries()), transfer));
        double expected = t1 + (series.quantile(alpha) - settings.marginS() / 60 * 3.0) / 3.0 * 60;
        assertEquals(expected, divert, 1.5, "the earliest disturbed material arrives after q(α) of reactor + transfer");
        assertEquals("upstream:pump-b-deviation", commands.get(commands.size() - 1).trigger());
    }

    @Test
    void aDivertInterlockForcesWasteWhileItLasts() {
        finishStartup();
        planner.force(true, "interlock:analyzer-bad");
        assertEquals(DiverterPosition.WASTE, second(3.0, true));
        assertEquals("interlock:analyzer-bad", commands.get(commands.size() - 1).trigger());
        planner.force(false, "");
        assertEquals(DiverterPosition.PRODUCT, second(3.0, true));
    }
}
