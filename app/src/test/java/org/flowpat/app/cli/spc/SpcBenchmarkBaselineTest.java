package org.flowpat.app.cli.spc;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flowpat.app.bench.SpcBenchmark;
import org.junit.jupiter.api.Test;

/**
 * The speed-up that {@code flowpat bench spc} prints is only meaningful if the baseline does the
 * same job: its set-up replays the benchmark data through both and fails if any sample is
 * flagged by one and not the other.
 */
class SpcBenchmarkBaselineTest {

    @Test
    void baselineAndStreamingFlagTheSameSamples() {
        SpcBenchmark bench = new SpcBenchmark();
        assertDoesNotThrow(bench::setUp);
        assertTrue(bench.streaming() > 0, "the benchmark data should make the charts signal");
        assertTrue(bench.baseline() > 0);
    }
}
