package org.flowpat.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code flowpat bench live}: the load of issue #6 by default, bad input named, and a small real run measured. */
class LiveLatencyBenchmarkTest {

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aSmallRunOfTheWholePlantDeliversEveryValueToEverySessionAndTimesIt() throws Exception {
        LiveLatencyBenchmark.Settings settings = new LiveLatencyBenchmark.Settings(2, 3, 4, 1, 2, 100.0, true);
        LiveLatencyBenchmark.Result r = new LiveLatencyBenchmark(settings).run();

        assertTrue(r.valuesPerSecond() > 0, "values reached the HMI");
        assertTrue(r.expected() > 0, "values arrived in the window");
        // Every value, unless a starved machine held a flush back for a whole second (the HMI then sends the newest).
        assertTrue(r.maxReceived() <= r.expected() && r.minReceived() >= 0.9 * r.expected(), "each session got the values: "
                + "expected " + r.expected() + ", received " + r.minReceived() + ".." + r.maxReceived());
        assertTrue(r.sourceToScreen().count() >= r.minReceived() * settings.clients()
                && r.sourceToScreen().count() <= r.expected() * settings.clients(), "one latency per value and session");
        assertEquals(r.expected(), r.sourceToHmi().count(), "one bus latency per value");
        // A value's way to the screen includes the HMI's share of it (the clock offset estimate allows a few ms).
        assertTrue(r.sourceToScreen().max() + 20_000 >= r.hmiToScreen().max(), r.sourceToScreen() + " vs " + r.hmiToScreen());
        assertTrue(r.sourceToScreen().p99() < 10_000_000, "no value took 10 s: " + r.sourceToScreen().millis());
        assertTrue(r.busy().processCores() > 0 && r.busy().clientCores() >= 0);
    }

    @Test
    void defaultsAreTheIssuesLoad() {
        LiveLatencyBenchmark.Settings s = LiveLatencyBenchmark.Settings.parse(new String[0]);
        assertEquals(50, s.clients());
        assertEquals(60, s.seconds());
        assertNull(s.publishingMs(), "the plant's own publishing interval");
        assertTrue(s.compression(), "browsers offer permessage-deflate");
    }

    @Test
    void optionsAreRead() {
        LiveLatencyBenchmark.Settings s = LiveLatencyBenchmark.Settings.parse(new String[] {"--lines", "3", "--clients", "2",
            "--seconds", "5", "--warmup", "0", "--baseline", "2", "--publishing-ms", "100", "--no-compression"});
        assertEquals(new LiveLatencyBenchmark.Settings(3, 2, 5, 0, 2, 100.0, false), s);
    }

    @Test
    void badInputNamesTheOption() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> LiveLatencyBenchmark.Settings.parse(new String[] {"--sessions", "5"}));
        assertTrue(unknown.getMessage().contains("--sessions"), unknown.getMessage());
        IllegalArgumentException notNumber = assertThrows(IllegalArgumentException.class,
                () -> LiveLatencyBenchmark.Settings.parse(new String[] {"--clients", "many"}));
        assertTrue(notNumber.getMessage().contains("--clients") && notNumber.getMessage().contains("many"), notNumber.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> LiveLatencyBenchmark.Settings.parse(new String[] {"--lines"}));
        assertTrue(missing.getMessage().contains("--lines needs a value"), missing.getMessage());
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> LiveLatencyBenchmark.Settings.parse(new String[] {"--clients", "0"}));
        assertFalse(zero.getMessage().isBlank());
        assertThrows(IllegalArgumentException.class,
                () -> LiveLatencyBenchmark.Settings.parse(new String[] {"--publishing-ms", "1"}));
    }
}
