package org.flowpat.app.demo;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.flowpat.config.Plants;
import org.flowpat.config.scenario.Scenario;
import org.flowpat.config.scenario.Scenarios;
import org.flowpat.controller.acquisition.SourcePreference;
import org.flowpat.controller.api.AlarmState;
import org.flowpat.controller.api.AlarmTransition;
import org.flowpat.controller.api.CqaSummary;
import org.flowpat.controller.api.DiversionCommand;
import org.flowpat.controller.api.DiverterPosition;
import org.flowpat.controller.api.LotRecord;
import org.flowpat.controller.api.LotStatus;
import org.flowpat.controller.api.ReleaseDecision;
import org.flowpat.controller.api.ReleaseReason;
import org.flowpat.controller.historian.Historian;
import org.flowpat.controller.historian.influx.LocalInfluxd;
import org.flowpat.simulator.engine.EngineSettings;
import org.flowpat.simulator.model.GroundTruth;
import org.flowpat.simulator.server.SimulatorOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.function.Executable;

/**
 * The whole system end to end, faster than real time, for the nominal run and each fault scenario: simulator
 * (OPC UA and Modbus) → controller (acquisition, SPC, alarms, line state, diversion, lots and release) → a real
 * InfluxDB started here. Every scenario runs in its own demo at once (one database each) for
 * {@link #RUN_MIN} simulated minutes; then what the historian holds is checked against the simulator's ground
 * truth: the fault was detected and alarmed, the affected material diverted, no off-spec material reached the
 * product vessel, and the lot that made the disturbed material is not RELEASE-READY, for the right reasons.
 */
class ScenarioReleaseTest {
    /** Simulated minutes per run: start-up, the faults (from minute 25, 10 min or for good) and the lot after them. */
    static final double RUN_MIN = 62;
    static final double TIME_SCALE = 60;
    static final List<String> FAULTS = List.of("temperature-excursion", "feed-drift", "pump-degradation", "fouling",
            "analyzer-dropout");

    @TempDir
    Path dir;

    /** What a run left behind. */
    record Outcome(String scenario, double faultStartS, long epochNanos, GroundTruth truth, List<LotRecord> lots,
                   List<AlarmTransition> alarms, List<DiversionCommand> diversions, String analyzerLotId) {
        long faultStartNanos() {
            return epochNanos + (long) (faultStartS * 1e9);
        }
    }

    @Test
    void everyFaultIsDetectedDivertedAndItsLotHeldForReviewWhileTheNominalRunReleases() throws Exception {
        try (LocalInfluxd influxd = LocalInfluxd.start(dir.resolve("influxd"))) {
            List<String> scenarios = new ArrayList<>(FAULTS);
            scenarios.add(0, "nominal");
            ExecutorService pool = Executors.newFixedThreadPool(scenarios.size());
            Map<String, Future<Outcome>> runs = new java.util.LinkedHashMap<>();
            for (String s : scenarios) {
                runs.put(s, pool.submit(() -> run(influxd, s)));
            }
            pool.shutdown();
            Map<String, Outcome> outcomes = new java.util.LinkedHashMap<>();
            for (var e : runs.entrySet()) {
                outcomes.put(e.getKey(), e.getValue().get(10, TimeUnit.MINUTES));
            }
            outcomes.values().forEach(ScenarioReleaseTest::print);

            List<Executable> checks = new ArrayList<>();
            checks.add(() -> checkNominal(outcomes.get("nominal")));
            for (String s : FAULTS) {
                checks.add(() -> checkFault(outcomes.get(s)));
            }
            assertAll(checks);
        }
    }

    private Outcome run(LocalInfluxd influxd, String scenarioName) throws Exception {
        Scenario scenario = Scenarios.bundled(scenarioName);
        Path data = dir.resolve(scenarioName);
        SimulatorOptions options = new SimulatorOptions(Plants.bundled(), scenario, "127.0.0.1", 0, 0, data,
                TIME_SCALE, EngineSettings.DEFAULT_SEED, null, 1.0,
                Map.of(SimulatorOptions.DEMO_USER, SimulatorOptions.DEMO_PASSWORD));
        String database = scenarioName.replace('-', '_');
        try (Demo demo = Demo.start(options, data, influxd.url(), database, 0, SourcePreference.OPC_UA)) {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (demo.simulator().engine().simulatedSeconds() < RUN_MIN * 60 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertTrue(demo.simulator().engine().simulatedSeconds() >= RUN_MIN * 60,
                    scenarioName + ": the simulator reached minute " + RUN_MIN);
            GroundTruth truth = demo.simulator().lines().get(0).groundTruth();
            String analyzerLotId = demo.simulator().lines().get(0).lotId();
            long epoch = demo.simulator().engine().epochMillis() * 1_000_000L;
            double faultStartS = scenario.faults().isEmpty() ? Double.NaN : scenario.faults().get(0).startMin() * 60;
            Historian historian = demo.controller().historian();
            // Lots close on data time; the spool reaches InfluxDB within a few seconds.
            long to = epoch + (long) ((RUN_MIN + 60) * 60e9);
            long wait = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            List<LotRecord> lots = historian.lots("L1", epoch - 3_600_000_000_000L, to);
            while (lots.stream().filter(l -> l.status() == LotStatus.CLOSED).count() < 2 && System.nanoTime() < wait) {
                Thread.sleep(500);
                lots = historian.lots("L1", epoch - 3_600_000_000_000L, to);
            }
            return new Outcome(scenarioName, faultStartS, epoch, truth, lots,
                    historian.alarmJournal("L1", epoch, to), historian.diversions("L1", epoch, to), analyzerLotId);
        }
    }

    private static void checkNominal(Outcome o) {
        List<LotRecord> closed = closed(o);
        assertFalse(closed.isEmpty(), "nominal: lots closed in " + RUN_MIN + " min: " + summary(o));
        // The first lot may hold the start-up; every lot made at steady state is released by exception.
        LotRecord steady = closed.get(closed.size() - 1);
        assertEquals(ReleaseDecision.RELEASE_READY, steady.decision(), "nominal: " + describe(steady));
        for (CqaSummary c : steady.cqas()) {
            assertTrue(c.ppk() >= 1.33 || Double.isNaN(c.ppk()) && c.n() > 0 && Double.isNaN(c.lsl()) && Double.isNaN(c.usl()),
                    "nominal: " + c.cqa() + " Ppk " + c.ppk() + " >= 1.33");
        }
        assertEquals(0.0, o.truth().offSpecMassToProductG(), 0.5, "nominal: no off-spec mass in the product vessel");
        LotRecord newest = o.lots().get(o.lots().size() - 1);
        assertEquals(newest.id(), o.analyzerLotId(), "the open lot's id is in the analyzer's context (ADI LotID)");
    }

    private static void checkFault(Outcome o) {
        String s = o.scenario();
        long onset = o.faultStartNanos();
        List<AlarmTransition> raised = o.alarms().stream()
                .filter(a -> a.timeNanos() >= onset && a.to() == AlarmState.ACTIVE_UNACKED).toList();
        assertFalse(raised.isEmpty(), s + ": an alarm is raised after the fault's onset; alarms: " + o.alarms());
        List<DiversionCommand> diverted = o.diversions().stream()
                .filter(d -> d.position() == DiverterPosition.WASTE && d.untilNanos() >= onset).toList();
        assertFalse(diverted.isEmpty(), s + ": material is diverted after the onset; diversions: " + o.diversions());
        assertEquals(0.0, o.truth().offSpecMassToProductG(), 0.5, s + ": off-spec mass in the product vessel (g)");
        // The lot in which the disturbed material reached the diverter: the first diversion after the onset.
        long divertedAt = diverted.get(0).fromNanos();
        LotRecord affected = closed(o).stream()
                .filter(l -> l.startNanos() <= divertedAt && l.endNanos() > divertedAt)
                .findFirst().orElse(null);
        assertTrue(affected != null, s + ": a closed lot holds the diversion at " + divertedAt + "; " + summary(o));
        assertNotEquals(ReleaseDecision.RELEASE_READY, affected.decision(), s + ": " + describe(affected));
        assertFalse(affected.reasons().isEmpty(), s + ": the decision says why");
    }

    private static List<LotRecord> closed(Outcome o) {
        return o.lots().stream().filter(l -> l.status() == LotStatus.CLOSED).toList();
    }

    private static String summary(Outcome o) {
        return o.lots().stream().map(ScenarioReleaseTest::describe).collect(Collectors.joining("; "));
    }

    private static String describe(LotRecord l) {
        return l.id() + " " + l.status() + " " + (l.decision() == null ? "-" : l.decision().label()) + " "
                + l.reasons().stream().map(ReleaseReason::message).toList();
    }

    private static void print(Outcome o) {
        Function<Double, String> fmt = v -> String.format(java.util.Locale.ROOT, "%.1f", v);
        System.out.println(o.scenario() + ": off-spec to product " + fmt.apply(o.truth().offSpecMassToProductG())
                + " g, good to waste " + fmt.apply(o.truth().inSpecMassToWasteG()) + " g, alarms " + o.alarms().size()
                + ", diversions " + o.diversions().size() + ", lots: " + summary(o));
    }
}
