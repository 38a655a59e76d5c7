package org.flowpat.controller.lots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.flowpat.config.Plants;
import org.flowpat.config.model.Line;
import org.flowpat.config.model.LotBasis;
import org.flowpat.config.model.LotSettings;
import org.flowpat.config.model.ReleaseRules;
import org.flowpat.config.model.Unit;
import org.flowpat.config.validation.Validation;
import org.flowpat.config.validation.ValidationError;
import org.junit.jupiter.api.Test;

/** The plant file's lot and release settings: the bundled plant's choice, and errors that name the key. */
class LotConfigTest {
    @Test
    void theBundledPlantMakesTwentyMinuteLotsSoTheDemoClosesOneEveryFortySecondsAtTimeScaleThirty() throws Exception {
        Line l1 = Plants.bundled().line("L1");
        LotSettings lots = l1.quality().lots();
        assertEquals(LotBasis.TIME, lots.by());
        assertEquals(40, lots.size() * 60 / 30, 1e-9, "wall seconds per lot at --time-scale 30");
        assertEquals("PV.mass", lots.productMassSignal());
        assertEquals(List.of("FA.mass", "FB.mass"), lots.inputMassSignals());
        assertEquals(ReleaseRules.defaults(), l1.quality().release(), "the plant file spells out the defaults");
    }

    @Test
    void badReleaseRulesAreNamed() {
        List<ValidationError> errors = Validation.of(new ReleaseRules(0.9, 0.95, 1.33, null, 1.5, List.of("ewma", "xbar"), 0));
        assertEquals(List.of("rejectCompleteness", "maxDivertedShare", "spcRun", "spcCharts[1]"),
                errors.stream().map(ValidationError::path).toList(), errors.toString());
        assertTrue(errors.get(3).message().contains("'xbar' is not a chart"), errors.get(3).message());
    }

    @Test
    void massLotsNeedTheProductScaleAndNamedScalesMustExist() throws Exception {
        Line full = Plants.bundled().line("L1");
        List<Unit> withoutVessels = full.units().stream().filter(u -> !u.id().equals("PV")).toList();
        Line line = new Line(full.id(), full.name(), full.opcua(), full.plc(), full.process(), withoutVessels, full.cqas());
        Validation.of(v -> new LotSettings(LotBasis.TIME, 20.0, "LOT", null, null, null).validateReferences(v, line))
                .forEach(e -> { throw new AssertionError("time lots need no product scale: " + e); });
        List<ValidationError> mass = Validation.of(v -> new LotSettings(LotBasis.MASS, 20.0, "LOT", null, null, null)
                .validateReferences(v, line));
        assertEquals(List.of(new ValidationError("lots.by", "no signal 'PV.mass' in this line (expected UNIT.signal)")), mass);
        List<ValidationError> named = Validation.of(v -> new LotSettings(LotBasis.TIME, 20.0, "LOT", null, "WV.weight",
                List.of("FA.mass", "FC.mass")).validateReferences(v, full));
        assertEquals(List.of("lots.wasteMass", "lots.inputMasses[1]"), named.stream().map(ValidationError::path).toList());
        assertThrows(IllegalArgumentException.class, () -> new LotTracker(LineFeed.line(
                new LotSettings(LotBasis.INPUT, 5.0, "LOT", null, null, List.of("FX.mass")), ReleaseRules.defaults()), r -> { }, 0));
    }
}
