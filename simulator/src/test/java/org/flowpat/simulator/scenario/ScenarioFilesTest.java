package org.flowpat.simulator.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.flowpat.config.ConfigException;
import org.flowpat.config.model.Cqa;
import org.flowpat.config.scenario.Scenario;
import org.flowpat.config.scenario.ScenarioFault;
import org.flowpat.config.scenario.Scenarios;
import org.flowpat.simulator.engine.EngineSettings;
import org.flowpat.simulator.engine.SimulationEngine;
import org.flowpat.simulator.model.FaultType;
import org.flowpat.simulator.model.LineSimulation;
import org.flowpat.simulator.model.Quality;
import org.flowpat.simulator.physics.TestPlants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every bundled scenario loads and runs, and does to the product what it says. */
class ScenarioFilesTest {
    /** Scenarios whose fault is in the measurement only: the product itself stays in spec. */
    private static final Set<String> MEASUREMENT_ONLY = Set.of("nominal", "analyzer-drift", "stuck-sensor", "spikes",
            "analyzer-dropout", "comm-loss");
    private static final double STEADY_BY_MIN = 20;

    static Stream<String> bundled() {
        return Scenarios.BUNDLED.stream();
    }

    /** What a run of a scenario showed at the diverter and the analyzer after steady state. */
    private record Outcome(double offSpecMinutes, double reportedImpurityMax, boolean analyzerBad,
                           boolean analyzerUncertain, boolean commLost, double trueImpurityMax) {
    }

    private static Outcome run(Scenario scenario) {
        try (SimulationEngine engine = new SimulationEngine(TestPlants.plant(), scenario,
                EngineSettings.defaults().withTimeScale(0))) {
            LineSimulation line = engine.line("L1");
            double offSpecS = 0;
            double reportedMax = 0;
            double trueMax = 0;
            boolean bad = false;
            boolean uncertain = false;
            boolean commLost = false;
            while (line.timeSeconds() < scenario.runMin() * 60) {
                engine.runFor(1);
                if (line.timeSeconds() < STEADY_BY_MIN * 60) {
                    continue;
                }
                offSpecS += line.groundTruth().offSpecAtDiverter() ? 1 : 0;
                reportedMax = Math.max(reportedMax, line.value("AT1.impurity"));
                trueMax = Math.max(trueMax, line.groundTruth().impurityAtDiverterPct());
                bad |= line.quality("AT1.impurity") == Quality.BAD;
                uncertain |= line.quality("AT1.impurity") == Quality.UNCERTAIN;
                commLost |= line.communicationLost();
            }
            return new Outcome(offSpecS / 60, reportedMax, bad, uncertain, commLost, trueMax);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundled")
    void loadsRunsAndFaultsOnlyAfterSteadyState(String name) throws ConfigException {
        Scenario scenario = Scenarios.load(name);
        assertEquals(name, scenario.name());
        assertEquals(name.equals("nominal"), scenario.faults().isEmpty());
        for (ScenarioFault f : scenario.faults()) {
            assertTrue(f.startMin() >= STEADY_BY_MIN, name + ": " + f.id() + " starts before steady state");
        }
        Outcome outcome = run(scenario);
        if (MEASUREMENT_ONLY.contains(name)) {
            assertEquals(0, outcome.offSpecMinutes(), 0.0, name + " must leave the product in spec");
        } else {
            assertTrue(outcome.offSpecMinutes() >= 3, name + " should push a CQA out of spec for minutes, got "
                    + outcome.offSpecMinutes());
        }
        assertEquals(name.equals("analyzer-dropout"), outcome.analyzerBad(), "analyzer Bad");
        assertEquals(name.equals("comm-loss"), outcome.commLost(), "communication lost");
    }

    @Test
    void analyzerDriftReportsImpurityOutOfSpecWhileTheProductIsFine() throws ConfigException {
        Cqa impurity = TestPlants.line().cqas().stream().filter(c -> c.id().equals("impurity")).findFirst().orElseThrow();
        Outcome outcome = run(Scenarios.load("analyzer-drift"));
        assertTrue(outcome.reportedImpurityMax() > impurity.spec().usl(), "reported " + outcome.reportedImpurityMax());
        assertTrue(outcome.trueImpurityMax() < impurity.spec().usl(), "true " + outcome.trueImpurityMax());
        assertTrue(outcome.analyzerUncertain(), "a thick film no longer fits the calibration");
    }

    @Test
    void theBundledListMatchesTheScenarioFolder() throws IOException {
        Path folder = Path.of("..", "config", "scenarios");
        assertTrue(Files.isDirectory(folder), folder.toAbsolutePath() + " (tests run from the simulator module)");
        try (Stream<Path> files = Files.list(folder)) {
            Set<String> names = new TreeSet<>(files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml")).map(n -> n.substring(0, n.length() - 5)).toList());
            assertEquals(new TreeSet<>(Scenarios.BUNDLED), names);
        }
    }

    @Test
    void scenarioFaultTypesAreTheSimulatorsFaultTypes() {
        assertEquals(Arrays.stream(FaultType.values()).map(Enum::name).toList(), ScenarioFault.TYPES);
    }

    @Test
    void anUnknownNameListsTheBundledScenarios() {
        ConfigException e = assertThrows(ConfigException.class, () -> Scenarios.load("meltdown"));
        assertTrue(e.getMessage().contains("unknown scenario 'meltdown'"), e.getMessage());
        assertTrue(e.getMessage().contains("temperature-excursion") && e.getMessage().contains("comm-loss"),
                e.getMessage());
    }

    @Test
    void loadsAScenarioFileFromAPathAndNamesTheLineOfAnError(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("mine.yaml");
        Files.writeString(good, """
                name: mine
                runMin: 40
                faults:
                  - {id: hot, type: TEMPERATURE_EXCURSION, magnitude: 10, startMin: 25, durationMin: 5}
                """);
        Scenario scenario = Scenarios.load(good.toString());
        assertEquals(List.of("hot"), scenario.faults().stream().map(ScenarioFault::id).toList());
        assertEquals(1500, scenario.faults().get(0).startS(), 1e-9);
        assertEquals(300, scenario.faults().get(0).durationS(), 1e-9);

        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, """
                name: bad
                runMin: 40
                faults:
                  - {id: hot, type: MELTDOWN, startMin: 25}
                  - {id: late, type: COMM_LOSS, startMin: 45}
                """);
        ConfigException e = assertThrows(ConfigException.class, () -> Scenarios.load(bad.toString()));
        assertTrue(e.getMessage().contains("bad.yaml:4") && e.getMessage().contains("MELTDOWN"), e.getMessage());
        assertTrue(e.getMessage().contains("faults[1].startMin"), e.getMessage());
        assertFalse(e.errors().isEmpty());
    }
}
