package org.flowpat.simulator.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.flowpat.config.model.OperatingPoint;
import org.flowpat.config.model.Process;
import org.flowpat.config.validation.Validation;
import org.flowpat.config.validation.ValidationError;
import org.junit.jupiter.api.Test;

/** The process records the simulator reads: defaults for what may be left out, and errors at the right keys. */
class ProcessRecordsTest {
    @Test
    void aProcessWithoutANominalOperatingPointStartsAtTheDefaults() {
        Process p = TestPlants.line().process();
        Process withoutNominal = new Process(p.reactor(), p.feedA(), p.feedB(), p.kinetics(), p.analyzer(),
                p.densityGPerMl(), p.analyzerToDiverterVolumeMl(), null);
        assertEquals(OperatingPoint.DEFAULT, withoutNominal.nominal());
        assertEquals(2.0, withoutNominal.pumpTimeConstantS());
        assertEquals(1.5, OperatingPoint.DEFAULT.pumpAFlowMlMin());
        assertEquals(80.0, OperatingPoint.DEFAULT.jacketTemperatureC());
        assertTrue(Validation.of(withoutNominal).isEmpty(), Validation.of(withoutNominal).toString());
    }

    @Test
    void theBundledPlantSetsTheNominalPointExplicitly() {
        OperatingPoint nominal = TestPlants.line().process().nominal();
        assertEquals(new OperatingPoint(1.5, 1.5, 80.0, 5.0), nominal);
    }

    @Test
    void badOperatingPointsAreReportedAtTheirKeys() {
        Process p = TestPlants.line().process();
        Process bad = new Process(p.reactor(), p.feedA(), p.feedB(), p.kinetics(), p.analyzer(), p.densityGPerMl(),
                p.analyzerToDiverterVolumeMl(), p.pumpTimeConstantS(), new OperatingPoint(-1.0, null, Double.NaN, 0.0));
        List<String> paths = Validation.of(bad).stream().map(ValidationError::path).toList();
        assertEquals(List.of("nominal.pumpAFlowMlMin", "nominal.jacketTemperatureC", "nominal.backPressureBar"), paths);
    }
}
