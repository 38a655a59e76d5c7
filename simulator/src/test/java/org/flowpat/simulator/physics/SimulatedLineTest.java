package org.flowpat.simulator.physics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.flowpat.config.model.Cqa;
import org.flowpat.config.model.FeedParameters;
import org.flowpat.config.model.Line;
import org.flowpat.config.model.Process;
import org.flowpat.config.model.Spec;
import org.flowpat.simulator.model.GroundTruth;
import org.flowpat.simulator.model.Quality;
import org.flowpat.simulator.model.SetpointRejectedException;
import org.flowpat.simulator.model.SetpointRejectedException.Reason;
import org.junit.jupiter.api.Test;

class SimulatedLineTest {
    private static final double NOMINAL_FLOW = 3.0;

    @Test
    void massBalanceClosesOverARunWithDiversionsAndSetpointChanges() {
        SimulatedLine line = new SimulatedLine(TestPlants.line(), 3);
        double initialHoldup = line.holdupG();
        for (int k = 0; k < 3600; k++) {
            if (k == 1200) {
                line.write("DV1.command", 0);
                line.write("P1.flowSetpoint", 2.0);
            }
            if (k == 2000) {
                line.write("DV1.command", 1);
                line.write("P2.running", 0);
            }
            if (k == 2300) {
                line.write("P2.running", 1);
                line.write("DV1.command", 0);
            }
            line.step(1);
        }
        GroundTruth truth = line.groundTruth();
        double in = line.feedConsumedG() + initialHoldup;
        double out = truth.totalMassToProductG() + truth.totalMassToWasteG() + line.holdupG();
        assertTrue(truth.totalMassToProductG() > 50 && truth.totalMassToWasteG() > 50, truth.toString());
        assertEquals(in, out, 0.005 * in, "feed in + initial holdup = product + waste + holdup");
        assertEquals(truth.totalMassToProductG(), line.value("PV.mass"), 1.0, "the product scale reads the product");
    }

    @Test
    void steadyStateDoesNotDependOnTheStepSize() {
        SimulatedLine coarse = new SimulatedLine(TestPlants.line(), 1);
        SimulatedLine fine = new SimulatedLine(TestPlants.line(), 1);
        for (int k = 0; k < 3600; k++) {
            coarse.step(1);
        }
        for (int k = 0; k < 36000; k++) {
            fine.step(0.1);
        }
        Composition c = coarse.reactorOutlet();
        Composition f = fine.reactorOutlet();
        assertEquals(f.conversionPct(), c.conversionPct(), 0.01);
        assertEquals(f.impurityPct(), c.impurityPct(), 0.005);
        assertEquals(f.p(), c.p(), 1e-4);
    }

    @Test
    void nominalSteadyStateIsComfortablyWithinSpecWithAnalyzerNoise() {
        SimulatedLine line = TestPlants.runLine(11, 30);
        for (Cqa cqa : TestPlants.line().cqas()) {
            SummaryStatistics reported = new SummaryStatistics();
            for (int k = 0; k < 3600; k++) {
                line.step(1);
                if (line.sourceTimeSeconds(cqa.signal()) == line.timeSeconds()) {
                    reported.addValue(line.value(cqa.signal()));
                }
            }
            assertTrue(reported.getN() > 600, "a scan every 5 s over an hour: " + reported.getN());
            double ppk = ppk(cqa.spec(), reported.getMean(), reported.getStandardDeviation());
            assertTrue(ppk > 1.67, cqa.id() + ": Ppk " + ppk + " (mean " + reported.getMean() + ", sd "
                    + reported.getStandardDeviation() + ")");
            assertTrue(reported.getStandardDeviation() > 0, "the analyzer is noisy");
        }
        assertEquals(Quality.GOOD, line.quality("AT1.purity"));
        assertFalse(line.groundTruth().offSpecAtDiverter());
    }

    private static double ppk(Spec spec, double mean, double sd) {
        double upper = spec.usl() == null ? Double.POSITIVE_INFINITY : (spec.usl() - mean) / (3 * sd);
        double lower = spec.lsl() == null ? Double.POSITIVE_INFINITY : (mean - spec.lsl()) / (3 * sd);
        return Math.min(upper, lower);
    }

    @Test
    void startsFullOfSolventDivertingToWasteWithAnUncertainAnalyzer() {
        SimulatedLine line = new SimulatedLine(TestPlants.line(), 1);
        assertEquals(1, line.value("DV1.position"), "waste");
        assertEquals(1.5, line.value("P1.flowSetpoint"));
        assertEquals(80, line.value("R1.jacketSetpoint"));
        for (int k = 0; k < 60; k++) {
            line.step(1);
        }
        assertEquals(Quality.UNCERTAIN, line.quality("AT1.conversion"), "solvent in the cell");
        assertTrue(line.groundTruth().offSpecAtDiverter(), "start-up material is off-spec");
        assertEquals(0, line.groundTruth().totalMassToProductG());
        assertTrue(line.groundTruth().totalMassToWasteG() > 0);
        assertEquals(NOMINAL_FLOW, line.value("P1.flow") + line.value("P2.flow"), 0.05, "pumps run from the start");
    }

    @Test
    void aPumpWhoseFeedVesselRunsDryDeliversNothing() {
        Line plantLine = TestPlants.line();
        Process p = plantLine.process();
        Process smallFeedA = new Process(p.reactor(), new FeedParameters(p.feedA().concentrationMolL(), 20.0), p.feedB(),
                p.kinetics(), p.analyzer(), p.densityGPerMl(), p.analyzerToDiverterVolumeMl(), p.pumpTimeConstantS(),
                p.nominal());
        SimulatedLine line = new SimulatedLine(new Line(plantLine.id(), plantLine.name(), plantLine.opcua(),
                plantLine.plc(), smallFeedA, plantLine.units(), plantLine.cqas()), 1);
        // 20 g at 1.5 mL/min of 0.9 g/mL lasts under 15 min.
        for (int k = 0; k < 1200; k++) {
            line.step(1);
        }
        assertEquals(0, line.value("FA.mass"), 0.3);
        assertEquals(0, line.value("P1.flow"), 0.02);
        assertEquals(1.5, line.value("P2.flow"), 0.02);
        assertEquals(10, line.value("R1.residenceTime"), 0.2);
    }

    @Test
    void pumpSetpointMovesFlowAndResidenceTime() {
        SimulatedLine line = TestPlants.runLine(1, 1);
        assertEquals(5.0, line.value("R1.residenceTime"), 0.05);
        line.write("P1.flowSetpoint", 3.0);
        line.write("P2.flowSetpoint", 3.0);
        assertEquals(3.0, line.value("P1.flowSetpoint"), "a setpoint reads back at once");
        for (int k = 0; k < 30; k++) {
            line.step(1);
        }
        assertEquals(3.0, line.value("P1.flow"), 0.02);
        assertEquals(2.5, line.value("R1.residenceTime"), 0.05);
        assertEquals(30, line.value("P1.speed"), 1e-9);
        assertTrue(line.value("R1.pressure") > 9, "more flow, more pressure drop: " + line.value("R1.pressure"));
    }

    @Test
    void jacketSetpointMovesTemperatureWithFirstOrderLag() {
        SimulatedLine line = TestPlants.runLine(1, 1);
        line.write("R1.jacketSetpoint", 90);
        for (int k = 0; k < 90; k++) {
            line.step(1);
        }
        double afterOneTimeConstant = line.value("R1.jacketTemperature");
        assertEquals(80 + 10 * (1 - Math.exp(-1)), afterOneTimeConstant, 0.2, "jacket after one 90 s time constant");
        for (int k = 0; k < 900; k++) {
            line.step(1);
        }
        assertEquals(90, line.value("R1.temperature"), 0.2);
    }

    @Test
    void refusesWritesOutOfRangeToMeasurementsAndToUnknownSignals() {
        SimulatedLine line = new SimulatedLine(TestPlants.line(), 1);
        assertEquals(Reason.OUT_OF_RANGE, reason(() -> line.write("P1.flowSetpoint", 10.5)));
        assertEquals(Reason.OUT_OF_RANGE, reason(() -> line.write("R1.jacketSetpoint", -5)));
        assertEquals(Reason.OUT_OF_RANGE, reason(() -> line.write("P1.flowSetpoint", Double.NaN)));
        assertEquals(Reason.OUT_OF_RANGE, reason(() -> line.write("DV1.command", 0.5)));
        assertEquals(Reason.NOT_WRITABLE, reason(() -> line.write("R1.temperature", 80)));
        assertEquals(Reason.NOT_WRITABLE, reason(() -> line.write("DV1.position", 0)));
        assertEquals(Reason.UNKNOWN_SIGNAL, reason(() -> line.write("R9.temperature", 80)));
        assertEquals(1.5, line.value("P1.flowSetpoint"), "a refused write changes nothing");
        assertThrows(IllegalArgumentException.class, () -> line.value("R1.nothing"));
    }

    private static Reason reason(Runnable write) {
        return assertThrows(SetpointRejectedException.class, write::run).reason();
    }

    @Test
    void diverterMovesHalfASecondAfterItsCommand() {
        SimulatedLine line = new SimulatedLine(TestPlants.line(), 1);
        line.write("DV1.command", 0);
        assertEquals(0, line.value("DV1.command"));
        line.step(0.3);
        assertEquals(1, line.value("DV1.position"), "still moving");
        line.step(0.3);
        assertEquals(0, line.value("DV1.position"), "at product");
        for (int k = 0; k < 100; k++) {
            line.step(0.1);
        }
        double expectedMl = (10.6 - 0.5) / 60 * NOMINAL_FLOW;
        assertEquals(expectedMl * 0.9, line.groundTruth().totalMassToProductG(), 0.002,
                "product receives everything after the valve moved");
    }

    @Test
    void theDiverterSeesMaterialOnePlugFlowDelayAfterTheAnalyzer() {
        SimulatedLine line = TestPlants.runLine(1, 25);
        line.write("P2.running", 0);
        double reactorLeft = Double.NaN;
        double diverterLeft = Double.NaN;
        for (int k = 0; k < 1800 && Double.isNaN(diverterLeft); k++) {
            line.step(0.5);
            if (Double.isNaN(reactorLeft) && line.reactorOutlet().conversionPct() < 95) {
                reactorLeft = line.timeSeconds();
            }
            if (Double.isNaN(diverterLeft) && line.groundTruth().conversionAtDiverterPct() < 95) {
                diverterLeft = line.timeSeconds();
            }
        }
        double transferS = 1.5 / (NOMINAL_FLOW / 2) * 60;
        assertEquals(transferS, diverterLeft - reactorLeft, 1.0, "1.5 mL at the remaining 1.5 mL/min");
    }

    @Test
    void groundTruthCountsOffSpecProductAndInSpecWaste() {
        SimulatedLine line = TestPlants.runLine(1, 30);
        GroundTruth steady = line.groundTruth();
        assertTrue(steady.inSpecMassToWasteG() > 10, "steady-state material went to waste: " + steady);
        assertEquals(0, steady.offSpecMassToProductG());
        line.write("DV1.command", 0);
        line.write("R1.jacketSetpoint", 105);
        for (int k = 0; k < 1200; k++) {
            line.step(1);
        }
        GroundTruth after = line.groundTruth();
        assertTrue(after.offSpecAtDiverter(), after.toString());
        assertTrue(after.impurityAtDiverterPct() > 1.5, after.toString());
        assertTrue(after.offSpecMassToProductG() > 5, after.toString());
        assertTrue(after.offSpecMassToProductG() < after.totalMassToProductG());
    }

    @Test
    void sameSeedGivesTheSameTrajectoryAndAnotherSeedDoesNot() {
        SimulatedLine one = new SimulatedLine(TestPlants.line(), 7);
        SimulatedLine two = new SimulatedLine(TestPlants.line(), 7);
        SimulatedLine other = new SimulatedLine(TestPlants.line(), 8);
        boolean differs = false;
        for (int k = 0; k < 1200; k++) {
            one.step(1);
            two.step(1);
            other.step(1);
            for (LineSignal s : LineSignal.values()) {
                if (s == LineSignal.AT1_SPECTRUM) {
                    continue;
                }
                assertEquals(one.value(s.ref()), two.value(s.ref()), 0.0, s.ref() + " at step " + k);
                differs |= one.value(s.ref()) != other.value(s.ref());
            }
            assertArrayEquals(one.spectrum(), two.spectrum());
        }
        assertTrue(differs, "another seed gives other noise");
        assertNotEquals(one.value("R1.temperature"), other.value("R1.temperature"));
    }

    @Test
    void conversionGrowsAlongTheReactorProfile() {
        SimulatedLine line = TestPlants.runLine(1, 30);
        var profile = line.reactorProfile();
        assertEquals(25, profile.size());
        for (int n = 1; n < profile.size(); n++) {
            assertTrue(profile.get(n).conversionPct() > profile.get(n - 1).conversionPct(), "tank " + n);
        }
        assertEquals(line.reactorOutlet(), profile.get(24));
    }

    @Test
    void theSpectrumHasOneAbsorbancePerWavelength() {
        SimulatedLine line = TestPlants.runLine(1, 20);
        double[] wavelengths = line.wavelengthsNm();
        double[] spectrum = line.spectrum();
        assertEquals(256, wavelengths.length);
        assertEquals(wavelengths.length, spectrum.length);
        assertEquals(1100, wavelengths[0], 1e-9);
        assertEquals(2300, wavelengths[255], 1e-9);
        int peak = 0;
        for (int k = 0; k < spectrum.length; k++) {
            peak = spectrum[k] > spectrum[peak] ? k : peak;
        }
        // 0.5 mol/L of P has the strongest band (1680 nm, 1.2 AU per mol/L).
        assertEquals(1680, wavelengths[peak], 15);
        spectrum[0] = 99;
        assertNotEquals(99, line.spectrum()[0], "spectrum() returns a copy");
    }
}
