package org.flowpat.controller.diversion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flowpat.config.ConfigException;
import org.flowpat.config.Plants;
import org.flowpat.config.scenario.Scenarios;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The quality logic closed around the simulator (in-process, 60 simulated minutes per scenario in well under a
 * second) and judged by the simulator's ground truth.
 */
class DiversionScenarioTest {
    /** Off-spec mass that may reach the product vessel per scenario, g. */
    static final double OFF_SPEC_LIMIT_G = 0.5;
    /** Diverted mass after start-up may exceed the RTD-optimal minimum by at most this factor. */
    static final double DIVERTED_OVER_MINIMAL_LIMIT = 1.5;
    /** Good material diverted may be at most this multiple of the off-spec mass that passed the diverter. */
    static final double GOOD_OVER_OFF_SPEC_LIMIT = 1.0;

    /** Every fault scenario with three seeds (different noise, same faults). */
    static Stream<Arguments> faults() {
        return DiversionBenchmark.FAULT_SCENARIOS.stream().flatMap(s -> LongStream.rangeClosed(1, 3).mapToObj(seed -> Arguments.of(s, seed)));
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("faults")
    void noOffSpecMaterialReachesTheProductAndLittleGoodMaterialIsDiverted(String scenario, long seed) throws ConfigException {
        DiversionBenchmark.Figures f = DiversionBenchmark.run(Plants.bundled(), Scenarios.bundled(scenario), seed);
        System.out.println(f.describe());
        assertTrue(f.offSpecPassedG() > 5, "the fault makes off-spec material: " + f.offSpecPassedG() + " g");
        assertTrue(f.offSpecToProductG() < OFF_SPEC_LIMIT_G, "off-spec mass in the product: " + f.offSpecToProductG() + " g");
        assertTrue(f.divertedAfterStartupG() >= f.offSpecPassedG(), "everything off-spec was diverted");
        assertTrue(f.divertedOverMinimal() <= DIVERTED_OVER_MINIMAL_LIMIT,
                "diverted " + f.divertedAfterStartupG() + " g vs RTD-optimal " + f.minimalG() + " g");
        assertTrue(f.goodDivertedAfterStartupG() <= GOOD_OVER_OFF_SPEC_LIMIT * f.offSpecPassedG(),
                "good material diverted " + f.goodDivertedAfterStartupG() + " g vs off-spec " + f.offSpecPassedG() + " g");
        assertTrue(f.firstAlarmS() < f.firstOffSpecAtDiverterS() && f.firstDiversionS() < f.firstOffSpecAtDiverterS(),
                "alarm (" + f.firstAlarmS() + " s) and diversion (" + f.firstDiversionS()
                        + " s) before off-spec material reaches the diverter (" + f.firstOffSpecAtDiverterS() + " s)");
        assertEquals(2, f.productValveOpenings(), "open after start-up, and again after the disturbance");
    }

    @ParameterizedTest
    @ValueSource(strings = {"analyzer-dropout", "comm-loss"})
    void whileTheLineCannotBeSeenItsMaterialIsDivertedAndOneRootAlarmIsRaised(String scenario) throws ConfigException {
        DiversionBenchmark.Figures f = DiversionBenchmark.run(Plants.bundled(), Scenarios.bundled(scenario), 1);
        System.out.println(f.describe());
        assertTrue(f.firstDiversionS() - f.faultStartS() <= 2, "diverted within 2 s of going blind");
        assertTrue(f.detectionDelayS() <= 5, "alarm within 5 s: " + f.detectionDelayS());
        assertTrue(f.firstAlarm().equals("analyzer-fault") || f.firstAlarm().equals("comm-loss"), f.firstAlarm());
        assertEquals(0, f.offSpecToProductG(), 1e-9);
        assertTrue(f.divertedOverMinimal() <= DIVERTED_OVER_MINIMAL_LIMIT, "diverted " + f.divertedAfterStartupG() + " g");
    }

    @Test
    void inTheNominalScenarioTheProductValveOpensAfterStartUpAndStaysOpen() throws ConfigException {
        DiversionBenchmark.Figures f = DiversionBenchmark.run(Plants.bundled(), Scenarios.bundled("nominal"), 1);
        System.out.println(f.describe());
        assertEquals(1, f.productValveOpenings());
        double tau = f.residenceTimeS();
        assertTrue(f.startupEndS() > 2 * tau && f.startupEndS() < 3 * tau,
                "start-up diversion ends after the line fills (≈1 τ) and one more τ in spec: " + f.startupEndS() + " s");
        assertEquals(0, f.divertedAfterStartupG(), 1e-9);
        assertEquals(0, f.offSpecToProductG(), 1e-9);
        double minutes = (3600 - f.startupEndS()) / 60;
        assertTrue(f.alarmsAfterStartup() <= minutes / 10, "ISA-18.2 load: at most one alarm per 10 min in normal"
                + " operation, got " + f.alarmsAfterStartup() + " in " + minutes + " min");
    }
}
