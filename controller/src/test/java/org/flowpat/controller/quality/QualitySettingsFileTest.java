package org.flowpat.controller.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.flowpat.config.ConfigError;
import org.flowpat.config.ConfigException;
import org.flowpat.config.ConfigLoader;
import org.flowpat.config.Plants;
import org.flowpat.config.model.AlarmType;
import org.flowpat.config.model.Line;
import org.flowpat.config.model.Plant;
import org.junit.jupiter.api.Test;

/** The quality section of the plant file: the bundled one loads, and mistakes are reported where they are. */
class QualitySettingsFileTest {
    private static String bundledText() throws IOException {
        try (InputStream in = Plants.openBundled("plants/" + Plants.BUNDLED + ".yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The errors of the bundled file with one piece of text replaced. */
    private static List<ConfigError> errorsWith(String from, String to) throws IOException {
        String text = bundledText();
        assertTrue(text.contains(from), "the bundled file contains " + from);
        String broken = text.replace(from, to);
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load("broken.yaml",
                new ByteArrayInputStream(broken.getBytes(StandardCharsets.UTF_8)), Plant.class));
        return e.errors();
    }

    private static int lineOf(String needle) throws IOException {
        String text = bundledText();
        return (int) text.substring(0, text.indexOf(needle)).chars().filter(c -> c == '\n').count() + 1;
    }

    @Test
    void theBundledLineHasChartsAlarmsALoopInterlocksAndDiversionSettings() throws ConfigException {
        Line line = Plants.bundled().line("L1");
        var q = line.quality();
        assertEquals(line.cqas().size(), q.charts().size(), "every CQA is charted");
        for (AlarmType type : AlarmType.values()) {
            assertTrue(q.alarms().stream().anyMatch(a -> a.type() == type), "an alarm of type " + type);
        }
        assertEquals("R1.jacketSetpoint", q.loops().get(0).output());
        assertTrue(q.interlocks().stream().anyMatch(i -> i.action().equals("HOLD")));
        assertTrue(q.interlocks().stream().anyMatch(i -> i.action().equals("DIVERT") && i.onBad()));
        assertTrue(q.diversion().upstreamAlarms().contains("pump-b-deviation"));
    }

    @Test
    void aChartForAnUnknownCqaIsReportedAtItsLine() throws IOException {
        List<ConfigError> errors = errorsWith("{cqa: purity, rules:", "{cqa: purety, rules:");
        assertEquals(1, errors.size(), errors.toString());
        assertEquals("lines[0].quality.charts[1].cqa", errors.get(0).path());
        assertEquals("no CQA 'purety' in this line", errors.get(0).message());
        assertEquals(lineOf("{cqa: purity, rules:"), errors.get(0).line());
    }

    @Test
    void aLoopThatWouldWriteAMeasurementIsRefused() throws IOException {
        List<ConfigError> errors = errorsWith("output: R1.jacketSetpoint", "output: R1.jacketTemperature");
        assertEquals(1, errors.size(), errors.toString());
        assertEquals("lines[0].quality.loops[0].output", errors.get(0).path());
        assertTrue(errors.get(0).message().contains("MEASUREMENT"), errors.get(0).message());
    }

    @Test
    void anAlarmOnAMissingSignalOrInAnUnknownStateAndAnUnknownUpstreamAlarmAreEachNamed() throws IOException {
        List<ConfigError> errors = errorsWith("signal: R1.pressure, limit: 12.0", "signal: R1.presure, limit: 12.0");
        assertEquals(List.of("lines[0].quality.alarms[12].signal"), errors.stream().map(ConfigError::path).toList());
        errors = errorsWith("suppressedIn: [STOPPED, IDLE, ABORTED]}\n        - {id: purity-low",
                "suppressedIn: [STOPPED, IDEL, ABORTED]}\n        - {id: purity-low");
        assertEquals("lines[0].quality.alarms[0].suppressedIn[1]", errors.get(0).path());
        assertTrue(errors.get(0).message().startsWith("'IDEL' is not one of STOPPED"), errors.get(0).message());
        errors = errorsWith("upstreamAlarms: [pump-a-deviation,", "upstreamAlarms: [pump-a-deviaton,");
        assertEquals("lines[0].quality.diversion.upstreamAlarms[0]", errors.get(0).path());
    }

    @Test
    void aDeviationAlarmNeedsExactlyOneSetpoint() throws IOException {
        List<ConfigError> errors = errorsWith("setpointSignal: P2.flowSetpoint, limit: 0.1",
                "setpointSignal: P2.flowSetpoint, setpoint: 1.5, limit: 0.1");
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).message().contains("exactly one of setpointSignal and setpoint"), errors.get(0).message());
    }
}
