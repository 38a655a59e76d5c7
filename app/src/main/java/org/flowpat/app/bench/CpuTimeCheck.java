package org.flowpat.app.bench;

import java.lang.management.ManagementFactory;
import java.util.function.IntSupplier;

/**
 * A second opinion next to JMH for a shared, loaded machine: runs a benchmark method in this
 * thread and divides by the thread's CPU time rather than wall time, so other processes on the
 * cores do not lower the figure. Also reads the thread's allocated bytes (ThreadMXBean).
 */
public final class CpuTimeCheck {
    /** Samples per CPU-second and bytes allocated per sample. */
    public record Figures(String name, double samplesPerCpuSecond, double bytesPerSample) {
    }

    private CpuTimeCheck() {
    }

    /** Measures {@link SpcBenchmark#streaming} and {@link SpcBenchmark#baseline}. */
    public static Figures[] spc() {
        SpcBenchmark bench = new SpcBenchmark();
        bench.setUp();
        return new Figures[] {
            measure("streaming", bench::streaming, SpcBenchmark.BATCH),
            measure("baseline", bench::baseline, SpcBenchmark.BATCH)};
    }

    private static Figures measure(String name, IntSupplier batch, int samplesPerCall) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long sink = 0;
        long warmUntil = threads.getCurrentThreadCpuTime() + 2_000_000_000L;
        while (threads.getCurrentThreadCpuTime() < warmUntil) {
            for (int i = 0; i < 100; i++) {
                sink += batch.getAsInt();
            }
        }
        long thread = Thread.currentThread().getId();
        long bytes0 = threads.getThreadAllocatedBytes(thread);
        long cpu0 = threads.getCurrentThreadCpuTime();
        long calls = 0;
        while (threads.getCurrentThreadCpuTime() - cpu0 < 2_000_000_000L) {
            for (int i = 0; i < 100; i++) {
                sink += batch.getAsInt();
            }
            calls += 100;
        }
        long cpu = threads.getCurrentThreadCpuTime() - cpu0;
        long bytes = threads.getThreadAllocatedBytes(thread) - bytes0;
        double samples = (double) calls * samplesPerCall;
        if (sink == Long.MIN_VALUE) {
            System.out.print(""); // keeps the results alive
        }
        return new Figures(name, samples / (cpu / 1e9), bytes / samples);
    }
}
