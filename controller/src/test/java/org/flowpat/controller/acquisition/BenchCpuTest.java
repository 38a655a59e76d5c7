package org.flowpat.controller.acquisition;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class BenchCpuTest {

    @Test
    void threadsAreCountedByTheRoleTheirNameGives() {
        assertEquals(BenchCpu.SIMULATOR, BenchCpu.roleOf("flowpat-simulator-engine"));
        assertEquals(BenchCpu.SIMULATOR, BenchCpu.roleOf("flowpat-simulator-slice"));
        assertEquals(BenchCpu.MILO, BenchCpu.roleOf("milo-netty-event-loop-1"));
        assertEquals(BenchCpu.CONTROLLER, BenchCpu.roleOf("historian-writer"));
        assertEquals(BenchCpu.CONTROLLER, BenchCpu.roleOf("influx-sender"));
        assertEquals(BenchCpu.CONTROLLER, BenchCpu.roleOf("vert.x-eventloop-thread-0"));
        assertNull(BenchCpu.roleOf("main"), "the benchmark's own thread is 'other'");
    }

    @Test
    void theRolesAddUpToTheProcessCpuAndGrowWithWork() {
        Map<String, Long> before = BenchCpu.snapshot();
        long spin = System.nanoTime() + 50_000_000L;
        double sink = 0;
        while (System.nanoTime() < spin) { // 50 ms of CPU on this (other) thread
            sink += Math.sqrt(sink + 1);
        }
        Map<String, Long> after = BenchCpu.snapshot();
        assertTrue(sink > 0);
        assertFalse(after.containsKey(BenchCpu.INFLUXD), "no influxd child here");
        assertTrue(after.get(BenchCpu.OTHER) - before.get(BenchCpu.OTHER) >= 20_000_000L, before + " then " + after);
    }
}
