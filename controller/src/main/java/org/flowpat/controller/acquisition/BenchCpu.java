package org.flowpat.controller.acquisition;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where {@link AcquisitionBenchmark}'s CPU goes: this JVM's threads summed by role (the simulator's engine threads,
 * the shared Milo threads of OPC UA server and client, the controller's own threads) and the child {@code influxd}
 * process. A snapshot at the start and one at the end of the window give CPU seconds per role; threads that end
 * inside the window lose their share, which for these long-lived pools is nothing.
 */
final class BenchCpu {
    static final String SIMULATOR = "simulator";
    static final String MILO = "milo (OPC UA server and client)";
    static final String CONTROLLER = "controller (historian, spool, event bus)";
    static final String OTHER = "other (benchmark, JIT, GC)";
    static final String INFLUXD = "influxd";

    private BenchCpu() {
    }

    /** CPU nanoseconds so far per role; influxd only when a child process of that name runs. */
    static Map<String, Long> snapshot() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String role : new String[]{SIMULATOR, MILO, CONTROLLER, OTHER}) {
            out.put(role, 0L);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = processCpuNanos();
        long named = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long cpu = threads.getThreadCpuTime(info.getThreadId());
            if (cpu <= 0) {
                continue;
            }
            String role = roleOf(info.getThreadName());
            if (role != null) {
                out.merge(role, cpu, Long::sum);
                named += cpu;
            }
        }
        // GC, JIT and finished threads are in the process total only.
        out.put(OTHER, Math.max(0, total - named));
        influxdCpuNanos().ifPresent(n -> out.put(INFLUXD, n));
        return out;
    }

    /** The role of a thread by its name; null for the benchmark's own and the JVM's threads (counted as other). */
    static String roleOf(String threadName) {
        if (threadName.startsWith("flowpat-simulator")) {
            return SIMULATOR;
        }
        if (threadName.startsWith("milo-")) {
            return MILO;
        }
        if (threadName.startsWith("historian-writer") || threadName.startsWith("influx-sender")
                || threadName.startsWith("vert.x-") || threadName.startsWith("spool-") || threadName.startsWith("OkHttp")) {
            return CONTROLLER;
        }
        return null;
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    private static Optional<Long> influxdCpuNanos() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("influxd")).orElse(false))
                .findFirst()
                .flatMap(p -> p.info().totalCpuDuration())
                .map(Duration::toNanos);
    }
}
