package org.flowpat.app.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Set;

/**
 * CPU used by this process over a window of wall time, split into some threads (a benchmark's load generators,
 * which share the JVM) and the rest (the server). GC and JIT threads count as the server's.
 */
final class CpuWindow {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Set<Long> excluded;
    private final long wallStart;
    private final long processStart;
    private final long excludedStart;

    private CpuWindow(Set<Long> excluded) {
        this.excluded = Set.copyOf(excluded);
        this.wallStart = System.nanoTime();
        this.processStart = processCpuNanos();
        this.excludedStart = threadsCpuNanos(this.excluded);
    }

    /** Starts a window; {@code excludedThreads} are the ids of threads whose CPU is not the server's. */
    static CpuWindow start(Set<Long> excludedThreads) {
        return new CpuWindow(excludedThreads);
    }

    Figures stop() {
        double wall = (System.nanoTime() - wallStart) / 1e9;
        double process = (processCpuNanos() - processStart) / 1e9;
        double excludedCpu = (threadsCpuNanos(excluded) - excludedStart) / 1e9;
        return new Figures(wall, process / wall, excludedCpu / wall);
    }

    /** CPU in cores (CPU seconds per wall second). */
    record Figures(double wallSeconds, double processCores, double clientCores) {
        double serverCores() {
            return processCores - clientCores;
        }
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        throw new IllegalStateException("this JVM does not report process CPU time (com.sun.management)");
    }

    private static long threadsCpuNanos(Set<Long> ids) {
        long sum = 0;
        for (long id : ids) {
            long t = THREADS.getThreadCpuTime(id);
            if (t > 0) {
                sum += t; // -1: the thread ended or CPU time is off; its share is then counted as the server's
            }
        }
        return sum;
    }
}
