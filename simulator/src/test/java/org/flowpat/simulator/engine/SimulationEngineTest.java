package org.flowpat.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.flowpat.config.scenario.Scenario;
import org.flowpat.config.scenario.ScenarioFault;
import org.flowpat.simulator.model.FaultType;
import org.flowpat.simulator.model.LineSimulation;
import org.flowpat.simulator.physics.TestPlants;
import org.junit.jupiter.api.Test;

class SimulationEngineTest {
    private static final EngineSettings FAST = EngineSettings.defaults().withTimeScale(0);

    @Test
    void runForStepsEveryLineAndTellsListenersUnderTheLinesMonitor() {
        try (SimulationEngine engine = new SimulationEngine(TestPlants.plant(), null, FAST.withLines(2))) {
            List<Long> sourceTimes = new ArrayList<>();
            AtomicBoolean alwaysLocked = new AtomicBoolean(true);
            engine.addListener((line, sourceTimeMillis) -> {
                alwaysLocked.compareAndSet(true, Thread.holdsLock(line));
                if (line.lineId().equals("L2")) {
                    sourceTimes.add(sourceTimeMillis);
                }
            });
            engine.runFor(10);
            assertEquals(10, sourceTimes.size());
            assertTrue(alwaysLocked.get(), "listeners run while the engine holds the line");
            assertEquals(engine.epochMillis() + 1000, sourceTimes.get(0));
            assertEquals(engine.epochMillis() + 10_000, sourceTimes.get(9));
            assertEquals(10, engine.line("L1").timeSeconds(), 1e-9);
            assertEquals(10, engine.simulatedSeconds(), 1e-9);
        }
    }

    @Test
    void scaleModeReplicatesTheFirstLineWithItsOwnIdsNodesAndSeeds() {
        try (SimulationEngine alone = new SimulationEngine(TestPlants.plant(), null, FAST);
             SimulationEngine three = new SimulationEngine(TestPlants.plant(), null, FAST.withLines(3))) {
            assertEquals(List.of("L1", "L2", "L3"), three.lines().stream().map(LineSimulation::lineId).toList());
            assertEquals("nsu=urn:flowpat:simulator;s=L3.R1.temperature",
                    three.line("L3").config().signal("R1.temperature").orElseThrow().nodeId());
            alone.runFor(120);
            three.runFor(120);
            assertEquals(alone.line("L1").value("R1.temperature"), three.line("L1").value("R1.temperature"), 0.0,
                    "L1 draws the same seed alone or among replicas");
            assertNotEquals(three.line("L1").value("R1.temperature"), three.line("L2").value("R1.temperature"));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> three.line("L4"));
            assertTrue(e.getMessage().contains("L1, L2, L3"), e.getMessage());
        }
    }

    @Test
    void manyLinesStepInParallelSlicesYetEachLineRunsAsItWouldSequentially() {
        int many = SimulationEngine.PARALLEL_FROM_LINES + 8;
        int few = SimulationEngine.PARALLEL_FROM_LINES - 1;
        try (SimulationEngine parallel = new SimulationEngine(TestPlants.plant(), null, FAST.withLines(many));
             SimulationEngine sequential = new SimulationEngine(TestPlants.plant(), null, FAST.withLines(few))) {
            java.util.Map<String, List<Long>> seen = new java.util.concurrent.ConcurrentHashMap<>();
            java.util.Set<String> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
            AtomicBoolean alwaysLocked = new AtomicBoolean(true);
            parallel.addListener((line, sourceTimeMillis) -> {
                alwaysLocked.compareAndSet(true, Thread.holdsLock(line));
                threads.add(Thread.currentThread().getName());
                seen.computeIfAbsent(line.lineId(), k -> new java.util.concurrent.CopyOnWriteArrayList<>())
                        .add(sourceTimeMillis);
            });
            parallel.runFor(60);
            sequential.runFor(60);
            assertEquals(many, seen.size());
            for (List<Long> times : seen.values()) {
                assertEquals(60, times.size(), "one call per step and line");
                assertEquals(parallel.epochMillis() + 60_000, times.get(59), "steps in order");
            }
            assertTrue(alwaysLocked.get(), "listeners run while the engine holds the line");
            assertEquals(Math.min(2, Runtime.getRuntime().availableProcessors()), Math.min(2, threads.size()),
                    "slices run on more than one thread where there are cores: " + threads);
            for (int n = 1; n <= few; n++) {
                assertEquals(sequential.line("L" + n).value("R1.temperature"),
                        parallel.line("L" + n).value("R1.temperature"), 0.0, "L" + n + " as in a sequential run");
            }
            assertEquals(60, parallel.simulatedSeconds(), 1e-9);
        }
    }

    @Test
    void slicesCoverEveryLineOnceInOrderAndNearlyEvenly() {
        List<Integer> lines = java.util.stream.IntStream.range(0, 10).boxed().toList();
        List<List<Integer>> three = SimulationEngine.slices(lines, 3);
        assertEquals(List.of(List.of(0, 1, 2), List.of(3, 4, 5), List.of(6, 7, 8, 9)), three);
        assertEquals(List.of(List.of(0, 1)), SimulationEngine.slices(List.of(0, 1), 1));
        assertEquals(2, SimulationEngine.slices(List.of(0, 1), 8).size(), "never more slices than lines");
    }

    @Test
    void theSameSeedRunsTheSameAndAnotherSeedDiffers() {
        double[] one = finalValues(FAST.withSeed(21));
        double[] two = finalValues(FAST.withSeed(21));
        double[] other = finalValues(FAST.withSeed(22));
        assertEquals(one[0], two[0], 0.0);
        assertEquals(one[1], two[1], 0.0);
        assertNotEquals(one[0], other[0]);
    }

    private static double[] finalValues(EngineSettings settings) {
        try (SimulationEngine engine = new SimulationEngine(TestPlants.plant(), null, settings)) {
            engine.runFor(900);
            LineSimulation line = engine.line("L1");
            return new double[] {line.value("AT1.impurity"), line.value("R1.pressure")};
        }
    }

    @Test
    void scenarioFaultsAreScheduledOnTheLinesTheyName() {
        Scenario scenario = new Scenario("two-faults", null, 10.0, List.of(
                new ScenarioFault("everywhere", "COMM_LOSS", null, null, 1.0, 1.0, null),
                new ScenarioFault("only-l2", "PUMP_STOP", "P1", null, 1.0, null, "L2")));
        try (SimulationEngine engine = new SimulationEngine(TestPlants.plant(), scenario, FAST.withLines(2))) {
            engine.runFor(30);
            assertFalse(engine.line("L1").communicationLost(), "not before its start");
            engine.runFor(60);
            assertTrue(engine.line("L1").communicationLost());
            assertEquals(List.of("everywhere"), engine.line("L1").activeFaults().stream().map(f -> f.id()).toList());
            assertEquals(2, engine.line("L2").activeFaults().size());
            assertEquals(FaultType.PUMP_STOP, engine.line("L2").activeFaults().get(1).type());
            assertEquals(0, engine.line("L2").value("P1.flow"), 0.02);
            assertEquals(1.5, engine.line("L1").value("P1.flow"), 0.02);
        }
    }

    @Test
    void theSchedulerThreadRunsAsFastAsPossibleAndStopsOnClose() throws InterruptedException {
        SimulationEngine engine = new SimulationEngine(TestPlants.plant(), null, FAST);
        AtomicLong steps = new AtomicLong();
        engine.addListener((line, t) -> steps.incrementAndGet());
        engine.start();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (engine.simulatedSeconds() < 3600 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        engine.close();
        assertTrue(engine.simulatedSeconds() >= 3600, "an hour of plant time within 10 s: " + engine.simulatedSeconds());
        long afterClose = steps.get();
        Thread.sleep(50);
        assertEquals(afterClose, steps.get(), "no steps after close");
        assertNull(engine.failure());
        assertThrows(IllegalStateException.class, () -> {
            engine.start();
            engine.start();
        });
        engine.close();
    }

    @Test
    void theSchedulerPacesSimulatedTimeByTheTimeScale() throws InterruptedException {
        SimulationEngine engine = new SimulationEngine(TestPlants.plant(), null,
                EngineSettings.defaults().withTimeScale(100));
        double wallS;
        double simulated;
        try {
            long t0 = System.nanoTime();
            engine.start();
            Thread.sleep(1000);
            wallS = (System.nanoTime() - t0) / 1e9;
            simulated = engine.simulatedSeconds();
            assertThrows(IllegalStateException.class, () -> engine.runFor(1), "runFor is not for a started engine");
        } finally {
            engine.close();
        }
        assertEquals(100 * wallS, simulated, 40 + 10 * wallS, "about 100 simulated seconds per wall second");
    }

    @Test
    void settingsRejectNonsenseAndParseTheTimeScale() {
        assertThrows(IllegalArgumentException.class, () -> FAST.withStep(0));
        assertThrows(IllegalArgumentException.class, () -> FAST.withTimeScale(-1));
        assertThrows(IllegalArgumentException.class, () -> FAST.withLines(0));
        assertEquals(0, EngineSettings.parseTimeScale("max"));
        assertEquals(60, EngineSettings.parseTimeScale("60"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EngineSettings.parseTimeScale("fast"));
        assertTrue(e.getMessage().contains("fast"), e.getMessage());
        assertTrue(FAST.asFastAsPossible());
        assertFalse(EngineSettings.defaults().asFastAsPossible());
    }

    @Test
    void oneLineSimulatesAtLeastAThousandTimesFasterThanRealTime() {
        SpeedBenchmark.Result r = SpeedBenchmark.measure(TestPlants.plant(), 2, 1.0);
        assertTrue(r.multipleOfRealTime() >= SpeedBenchmark.REQUIRED_MULTIPLE, r.multipleOfRealTime() + "x");
        assertEquals(7200, r.simulatedS(), 1e-9);
    }
}
