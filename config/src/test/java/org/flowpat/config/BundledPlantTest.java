package org.flowpat.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.flowpat.config.model.Line;
import org.flowpat.config.model.Plant;
import org.flowpat.config.model.Signal;
import org.flowpat.config.model.SignalKind;
import org.flowpat.config.model.Unit;
import org.flowpat.config.model.UnitType;
import org.junit.jupiter.api.Test;

/** The example plant shipped in the jar: it loads cleanly and has the line the simulator builds. */
class BundledPlantTest {
    @Test
    void bundledPlantLoadsWithTheUnitsOfTheFlowLineInFlowOrder() throws ConfigException {
        Plant plant = Plants.bundled();
        assertEquals(List.of("L1"), plant.lines().stream().map(Line::id).toList());
        assertEquals(List.of("FA", "FB", "P1", "P2", "M1", "R1", "Q1", "AT1", "BPR1", "DV1", "PV", "WV"),
                plant.line("L1").units().stream().map(Unit::id).toList());
        assertEquals(UnitType.REACTOR, unit(plant.line("L1"), "R1").type());
        assertEquals(UnitType.DIVERTER, unit(plant.line("L1"), "DV1").type());
    }

    @Test
    void sourceFileOnDiskIsTheBundledOne() throws ConfigException {
        // The resource is copied from config/plants by the build; loading the source proves they agree.
        assertEquals(Plants.bundled(), Plants.load(Path.of("plants", Plants.BUNDLED + ".yaml")));
    }

    @Test
    void cqasReferToAnalyzerSignalsAndHaveSpecs() throws ConfigException {
        Line line = Plants.bundled().line("L1");
        assertEquals(List.of("conversion", "purity", "impurity"), line.cqas().stream().map(c -> c.id()).toList());
        for (var cqa : line.cqas()) {
            assertTrue(cqa.signal().startsWith("AT1."), cqa.signal());
            assertTrue(line.signal(cqa.signal()).isPresent(), cqa.signal());
            Double target = cqa.spec().target();
            assertTrue(target != null && cqa.spec().conforms(target), cqa.id() + " target inside its spec");
        }
        // The limits themselves are tuned with the simulator; their sides are what the CQAs mean.
        assertTrue(line.cqas().get(1).spec().lsl() != null, "purity has a lower limit");
        assertTrue(line.cqas().get(2).spec().usl() != null, "impurity has an upper limit");
    }

    @Test
    void everyNodeIdAndEveryPlcTagIsUnique() throws ConfigException {
        List<Signal> signals = Plants.bundled().lines().stream().flatMap(l -> l.units().stream())
                .flatMap(u -> u.signals().stream()).toList();
        assertTrue(signals.size() >= 20, "signals: " + signals.size());
        assertUnique(signals.stream().map(Signal::nodeId).filter(Objects::nonNull).toList(), "nodeId");
        List<String> tags = signals.stream().map(Signal::plcTag).filter(Objects::nonNull).toList();
        assertTrue(tags.size() >= 5, "plc tags: " + tags);
        assertUnique(tags, "plcTag");
    }

    @Test
    void writableSignalsAreSetpointsAndCommandsWithARange() throws ConfigException {
        List<Signal> writable = Plants.bundled().line("L1").units().stream().flatMap(u -> u.signals().stream())
                .filter(s -> s.kind().writable()).toList();
        assertTrue(writable.stream().anyMatch(s -> s.kind() == SignalKind.SETPOINT));
        for (Signal s : writable) {
            assertTrue(s.range() != null && s.range().span() > 0, s.id());
        }
    }

    @Test
    void openBundledReadsAResourceUnderFlowpat() throws IOException {
        try (InputStream in = Plants.openBundled("plants/" + Plants.BUNDLED + ".yaml")) {
            assertTrue(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).contains("lines:"));
        }
    }

    @Test
    void openBundledNamesWhatExistsWhenAskedForSomethingElse() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Plants.openBundled("plants/no-such.yaml"));
        assertTrue(e.getMessage().startsWith("no bundled resource 'flowpat/plants/no-such.yaml'; bundled: "), e.getMessage());
        assertTrue(e.getMessage().contains("plants/flow-line.yaml"), e.getMessage());
    }

    @Test
    void openBundledRefusesPathsLeavingFlowpat() {
        for (String bad : new String[] {"../secret", "/plants/flow-line.yaml", "", "plants\\flow-line.yaml"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Plants.openBundled(bad));
            assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
        }
    }

    private static Unit unit(Line line, String id) {
        return line.units().stream().filter(u -> u.id().equals(id)).findFirst().orElseThrow();
    }

    private static void assertUnique(List<String> values, String what) {
        Set<String> seen = new HashSet<>();
        for (String v : values) {
            assertTrue(seen.add(v), "duplicate " + what + " " + v);
        }
    }
}
