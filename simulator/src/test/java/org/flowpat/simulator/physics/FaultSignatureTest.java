package org.flowpat.simulator.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.flowpat.simulator.model.Fault;
import org.flowpat.simulator.model.FaultType;
import org.flowpat.simulator.model.Quality;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each fault, injected after steady state, against a nominal run with the same seed: the signals it should move
 * move visibly, and every other signal stays bit for bit the same.
 */
class FaultSignatureTest {
    private static final double START_S = 1500;
    private static final double DURATION_S = 900;
    private static final double END_S = 2700;
    private static final Set<String> ANALYZER = Set.of("AT1.conversion", "AT1.purity", "AT1.impurity",
            "AT1.productConcentration");

    /** A fault, the least change each signal it must move shows, and the signals it may also move. */
    record Case(Fault fault, Map<String, Double> mustMove, Set<String> mayMove) {
        @Override
        public String toString() {
            return fault.type() + " on " + fault.target();
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case(fault(FaultType.TEMPERATURE_EXCURSION, "R1", 20),
                        Map.of("R1.temperature", 15.0, "R1.jacketTemperature", 15.0, "AT1.impurity", 1.0), ANALYZER),
                new Case(fault(FaultType.FEED_DRIFT, "FB", -0.25), Map.of("AT1.conversion", 5.0), ANALYZER),
                new Case(fault(FaultType.FEED_DRIFT, "FA", 0.25), Map.of("AT1.conversion", 3.0), ANALYZER),
                new Case(fault(FaultType.PUMP_DEGRADATION, "P2", 0.3),
                        Map.of("P2.flow", 0.4, "R1.residenceTime", 0.5, "R1.pressure", 0.3, "AT1.conversion", 5.0),
                        union(ANALYZER, "FB.mass", "WV.mass")),
                new Case(fault(FaultType.PUMP_STOP, "P1", 0),
                        Map.of("P1.flow", 1.4, "P1.speed", 14.0, "R1.residenceTime", 4.0, "R1.pressure", 1.0),
                        union(ANALYZER, "FA.mass", "WV.mass")),
                new Case(fault(FaultType.FOULING, "R1", 0.5),
                        Map.of("R1.pressure", 5.0, "R1.residenceTime", 2.0, "AT1.conversion", 1.5), ANALYZER),
                new Case(fault(FaultType.ANALYZER_DRIFT, "AT1", 0.04), Map.of("AT1.impurity", 2.0), ANALYZER),
                new Case(fault(FaultType.STUCK_SENSOR, "AT1.impurity", 0), Map.of("AT1.impurity", 0.1), Set.of()),
                new Case(fault(FaultType.STUCK_SENSOR, "R1.pressure", 0), Map.of("R1.pressure", 0.03), Set.of()),
                new Case(fault(FaultType.SPIKES, "R1.temperature", 5), Map.of("R1.temperature", 4.0), Set.of()),
                new Case(fault(FaultType.SPIKES, "AT1.impurity", 2), Map.of("AT1.impurity", 1.5), Set.of()),
                new Case(fault(FaultType.ANALYZER_DROPOUT, "AT1", 0), Map.of("AT1.impurity", 0.05), ANALYZER),
                new Case(fault(FaultType.COMM_LOSS, null, 0), Map.of(), Set.of()));
    }

    private static Fault fault(FaultType type, String target, double magnitude) {
        return new Fault("f1", type, target, magnitude, START_S, DURATION_S);
    }

    private static Set<String> union(Set<String> base, String... more) {
        Set<String> all = new java.util.HashSet<>(base);
        all.addAll(List.of(more));
        return all;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void faultMovesWhatItShouldAndNothingElse(Case c) {
        SimulatedLine nominal = new SimulatedLine(TestPlants.line(), 5);
        SimulatedLine faulty = new SimulatedLine(TestPlants.line(), 5);
        faulty.inject(c.fault());
        Map<String, Double> largestChange = new HashMap<>();
        boolean commLostSeen = false;
        boolean badSeen = false;
        while (faulty.timeSeconds() < END_S) {
            nominal.step(1);
            faulty.step(1);
            commLostSeen |= faulty.communicationLost();
            badSeen |= faulty.quality("AT1.impurity") == Quality.BAD;
            assertFalse(nominal.communicationLost());
            for (LineSignal s : LineSignal.values()) {
                if (s == LineSignal.AT1_SPECTRUM) {
                    continue;
                }
                double diff = Math.abs(faulty.value(s.ref()) - nominal.value(s.ref()));
                if (faulty.timeSeconds() < START_S) {
                    assertEquals(0, diff, 0.0, s.ref() + " moved before the fault started");
                }
                largestChange.merge(s.ref(), diff, Math::max);
            }
        }
        for (Map.Entry<String, Double> must : c.mustMove().entrySet()) {
            assertTrue(largestChange.get(must.getKey()) >= must.getValue(), must.getKey() + " moved only "
                    + largestChange.get(must.getKey()) + ", expected at least " + must.getValue());
        }
        for (Map.Entry<String, Double> e : largestChange.entrySet()) {
            if (!c.mustMove().containsKey(e.getKey()) && !c.mayMove().contains(e.getKey())) {
                assertEquals(0, e.getValue(), 0.0, e.getKey() + " should not move under " + c);
            }
        }
        assertEquals(c.fault().type() == FaultType.COMM_LOSS, commLostSeen, "communicationLost()");
        assertEquals(c.fault().type() == FaultType.ANALYZER_DROPOUT, badSeen, "analyzer status Bad");
        assertFalse(faulty.communicationLost(), "comm loss ends with its duration");
    }

    @Test
    void everyFaultTypeHasASignatureCase() {
        Set<FaultType> covered = EnumSet.noneOf(FaultType.class);
        cases().forEach(c -> covered.add(c.fault().type()));
        assertEquals(EnumSet.allOf(FaultType.class), covered);
    }

    @Test
    void activeFaultsListsOnlyThoseRunningNow() {
        SimulatedLine line = new SimulatedLine(TestPlants.line(), 1);
        line.inject(new Fault("later", FaultType.FOULING, null, 0.2, 60, 60));
        assertTrue(line.activeFaults().isEmpty());
        for (int k = 0; k < 61; k++) {
            line.step(1);
        }
        assertEquals(List.of("later"), line.activeFaults().stream().map(Fault::id).toList());
        assertEquals("R1", line.activeFaults().get(0).target(), "default target filled in");
        assertTrue(line.clear("later"));
        assertFalse(line.clear("later"));
        assertTrue(line.activeFaults().isEmpty());
    }

    @Test
    void clearingAFaultEndsItsEffect() {
        SimulatedLine line = TestPlants.runLine(1, 1);
        line.inject(new Fault("stall", FaultType.PUMP_STOP, "P1", 0, 0, Double.POSITIVE_INFINITY));
        for (int k = 0; k < 30; k++) {
            line.step(1);
        }
        assertEquals(0, line.value("P1.flow"), 0.02);
        line.clearAll();
        for (int k = 0; k < 30; k++) {
            line.step(1);
        }
        assertEquals(1.5, line.value("P1.flow"), 0.02);
    }

    @Test
    void refusesFaultsThatMakeNoSense() {
        SimulatedLine line = new SimulatedLine(TestPlants.line(), 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> line.inject(new Fault("x", FaultType.PUMP_STOP, "R1", 0, 0, 10)));
        assertTrue(e.getMessage().contains("P1 or P2"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> line.inject(new Fault("y", FaultType.FOULING, "R1", 1.5, 0, 10)));
        assertThrows(IllegalArgumentException.class,
                () -> line.inject(new Fault("z", FaultType.STUCK_SENSOR, "R1.nothing", 0, 0, 10)));
        assertThrows(IllegalArgumentException.class,
                () -> line.inject(new Fault("w", FaultType.SPIKES, null, 1, 0, 0)));
        line.inject(new Fault("ok", FaultType.SPIKES, null, 1, 0, 10));
        assertThrows(IllegalArgumentException.class,
                () -> line.inject(new Fault("ok", FaultType.SPIKES, null, 1, 0, 10)), "duplicate id");
    }
}
