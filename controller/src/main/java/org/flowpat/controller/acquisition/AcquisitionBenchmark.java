package org.flowpat.controller.acquisition;

import io.vertx.core.Vertx;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.flowpat.config.Plants;
import org.flowpat.config.model.Line;
import org.flowpat.config.model.OpcUaEndpoint;
import org.flowpat.config.model.Plant;
import java.time.Duration;
import org.flowpat.controller.ControllerApplication;
import org.flowpat.controller.ControllerOptions;
import org.flowpat.controller.api.Addresses;
import org.flowpat.controller.historian.influx.InfluxHistorian;
import org.flowpat.controller.historian.influx.LocalInfluxd;
import org.flowpat.controller.api.Sample;
import org.flowpat.controller.api.SampleBatch;
import org.flowpat.controller.api.SpectrumSample;
import org.flowpat.simulator.engine.LineReplicator;
import org.flowpat.simulator.server.SimulatorOptions;
import org.flowpat.simulator.server.SimulatorServer;

/**
 * Figures of acquisition at scale, printed (not a test): the simulator in scale mode ({@code --lines N} replicas of
 * the bundled line at {@code --rate} Hz, real time) and the controller's acquisition in one JVM, over loopback.
 * Prints the samples/s arriving on the event bus, the latency from a sample's source time to its arrival on the bus
 * (p50, p99, max; target: p99 below the publishing interval plus 50 ms) and the heap used at start and end.
 *
 * <p>Usage: {@code AcquisitionBenchmark [--lines N] [--rate HZ] [--seconds S] [--warmup S]} (defaults 20, 10, 30,
 * 5).
 */
public final class AcquisitionBenchmark {
    private final int lines;
    private final double rateHz;
    private final int seconds;
    private final int warmupSeconds;

    /** Also run the historian into a private InfluxDB (the whole controller), and count what reached it. */
    private boolean influx;

    private AcquisitionBenchmark(int lines, double rateHz, int seconds, int warmupSeconds) {
        this.lines = lines;
        this.rateHz = rateHz;
        this.seconds = seconds;
        this.warmupSeconds = warmupSeconds;
    }

    public static void main(String[] args) throws Exception {
        int lines = 20;
        double rate = 10;
        int seconds = 30;
        int warmup = 5;
        boolean influx = false;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--lines" -> lines = Integer.parseInt(require(args[i], value));
                case "--rate" -> rate = Double.parseDouble(require(args[i], value));
                case "--seconds" -> seconds = Integer.parseInt(require(args[i], value));
                case "--warmup" -> warmup = Integer.parseInt(require(args[i], value));
                case "--influx" -> {
                    influx = true;
                    i--; // a flag, no value
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; usage: AcquisitionBenchmark [--lines N] [--rate HZ] [--seconds S] [--warmup S] [--influx]");
            }
            i++;
        }
        if (lines < 1 || rate <= 0 || seconds < 1 || warmup < 0) {
            throw new IllegalArgumentException("--lines, --rate and --seconds must be positive, --warmup not negative");
        }
        AcquisitionBenchmark benchmark = new AcquisitionBenchmark(lines, rate, seconds, warmup);
        benchmark.influx = influx;
        benchmark.run();
        System.exit(0);
    }

    private static String require(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }

    /** Latencies of the measurement window, in microseconds; written by one event-loop thread. */
    private static final class Latencies {
        private long[] micros = new long[1 << 20];
        private int size;

        synchronized void add(long value) {
            if (size == micros.length) {
                micros = Arrays.copyOf(micros, size * 2);
            }
            micros[size++] = value;
        }

        synchronized long[] sorted() {
            long[] copy = Arrays.copyOf(micros, size);
            Arrays.sort(copy);
            return copy;
        }
    }

    private void run() throws Exception {
        Path dir = Files.createTempDirectory("flowpat-acquisition-bench");
        Plant bundled = Plants.bundled();
        long heapStart = usedHeapMb();
        SimulatorOptions simOptions = SimulatorOptions.defaults(bundled, dir).withPorts(0, 0).withLines(lines, rateHz);
        try (SimulatorServer simulator = SimulatorServer.start(simOptions)) {
            Plant plant = clientPlant(bundled, simulator.opcUaEndpoint());
            double publishingMs = plant.lines().get(0).opcua().publishingIntervalMs();
            int signals = AcquisitionPlan.of(plant.lines().get(0), SourcePreference.OPC_UA, 1000.0 / rateHz)
                    .opcUa().size();
            Vertx vertx = Vertx.vertx();
            AtomicLong samples = new AtomicLong();
            AtomicLong spectra = new AtomicLong();
            Latencies latencies = new Latencies();
            long[] windowStart = {Long.MAX_VALUE};
            long[] offset = {0};
            AtomicLong published = new AtomicLong();
            vertx.eventBus().<SampleBatch>localConsumer(Addresses.SAMPLES, m -> {
                published.addAndGet(m.body().samples().size());
                long now = DataValues.nowNanos();
                if (now < windowStart[0]) {
                    return;
                }
                List<Sample> batch = m.body().samples();
                samples.addAndGet(batch.size());
                for (Sample s : batch) {
                    latencies.add((now - s.sourceTimeNanos() - offset[0]) / 1_000);
                }
            });
            AcquisitionOptions options = AcquisitionOptions.defaults(dir.resolve("controller"));
            options = new AcquisitionOptions(options.dataDir(), options.sourcePreference(), options.reconnect(),
                    1000.0 / rateHz, options.maxMonitoredItemsPerCall(), options.requestTimeout());
            LocalInfluxd influxd = influx ? LocalInfluxd.start(dir.resolve("influxd")) : null;
            ControllerApplication controller = influx ? ControllerApplication.start(vertx, plant,
                    new ControllerOptions(dir.resolve("controller"), influxd.url(), "bench", Duration.ofMinutes(5), options))
                    .await(120, TimeUnit.SECONDS) : null;
            Acquisition acquisition = controller != null ? controller.acquisition()
                    : Acquisition.start(vertx, plant, options).await(60, TimeUnit.SECONDS);
            vertx.eventBus().<SpectrumSample>localConsumer(Addresses.SPECTRA, m -> {
                if (DataValues.nowNanos() >= windowStart[0]) {
                    spectra.incrementAndGet();
                }
            });
            long connectDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!acquisition.opcUaConnected() && System.nanoTime() < connectDeadline) {
                Thread.sleep(100);
            }
            Thread.sleep(warmupSeconds * 1000L);
            long clockOffset = engineClockOffsetNanos(simulator);
            offset[0] = clockOffset;
            long cpuStart = processCpuNanos();
            long wallStart = System.nanoTime();
            windowStart[0] = DataValues.nowNanos();
            List<Long> heapAfterGc = new java.util.ArrayList<>();
            for (int elapsed = 0; elapsed < seconds; elapsed += 60) {
                Thread.sleep(Math.min(60, seconds - elapsed) * 1000L);
                if (seconds >= 120) {
                    heapAfterGc.add(usedHeapMb()); // once a minute: the heap must stay flat over a long run
                }
            }
            windowStart[0] = Long.MAX_VALUE;
            double wallS = (System.nanoTime() - wallStart) / 1e9;
            double cpuS = (processCpuNanos() - cpuStart) / 1e9;
            long stopStart = System.nanoTime();
            if (controller != null) {
                controller.stop().await(330, TimeUnit.SECONDS); // acquisition stops, then the spool drains into InfluxDB
            } else {
                acquisition.stop().await(30, TimeUnit.SECONDS);
            }
            double stopS = (System.nanoTime() - stopStart) / 1e9;
            vertx.close().await(30, TimeUnit.SECONDS);
            long stored = -1;
            if (influxd != null) {
                try (InfluxHistorian counter = new InfluxHistorian(influxd.url(), "bench")) {
                    stored = 0;
                    for (Line l : plant.lines()) {
                        stored += counter.countSamples(l.id(), 0, Long.MAX_VALUE / 2);
                    }
                }
                influxd.close();
            }
            System.gc();
            long heapEnd = usedHeapMb();

            long[] sorted = latencies.sorted();
            double p99Target = publishingMs + 50;
            System.out.printf(Locale.ROOT, "acquisition benchmark: %d lines x %d OPC UA signals, simulator at %.0f Hz, "
                    + "publishing interval %.0f ms, %d s measured after %d s warm-up%n", lines, signals, rateHz,
                    publishingMs, seconds, warmupSeconds);
            System.out.printf(Locale.ROOT, "samples on the event bus: %.0f /s (%d in total), spectra %.1f /s%n",
                    samples.get() / wallS, samples.get(), spectra.get() / wallS);
            System.out.printf(Locale.ROOT, "simulator source clock behind the wall clock by %.1f ms (subtracted below)%n",
                    clockOffset / 1e6);
            if (sorted.length > 0) {
                double p99 = percentile(sorted, 0.99) / 1000.0;
                System.out.printf(Locale.ROOT, "latency source time -> event bus: p50 %.1f ms, p99 %.1f ms, max %.1f ms "
                        + "(target p99 < %.0f ms: %s)%n", percentile(sorted, 0.50) / 1000.0, p99,
                        sorted[sorted.length - 1] / 1000.0, p99Target, p99 < p99Target ? "met" : "MISSED");
            }
            System.out.printf(Locale.ROOT, "process CPU: %.2f cores (simulator and controller together)%n",
                    cpuS / wallS);
            System.out.printf(Locale.ROOT, "heap used: %d MB at start, %d MB at end (after GC)%s%n", heapStart, heapEnd,
                    heapAfterGc.isEmpty() ? "" : "; each minute of the run: " + heapAfterGc + " MB");
            if (stored >= 0) {
                System.out.printf(Locale.ROOT, "InfluxDB: %d samples published on the bus in the whole run, %d in the database "
                        + "(%s); %.0f samples/s into the database during the window; spool drained in %.1f s at stop%n",
                        published.get(), stored, stored == published.get() ? "zero loss, no duplicates" : "MISMATCH",
                        samples.get() / wallS, stopS);
            }
        }
    }

    /** The bundled line replicated like the simulator's scale mode, every replica pointed at the test server. */
    private Plant clientPlant(Plant bundled, String endpoint) {
        List<Line> replicas = LineReplicator.replicate(bundled.lines().get(0), lines).stream().map(l -> {
            OpcUaEndpoint o = l.opcua();
            return new Line(l.id(), l.name(), new OpcUaEndpoint(endpoint, o.securityPolicy(), o.securityMode(),
                    o.username(), o.password(), o.publishingIntervalMs()), null, l.process(), l.units(), l.cqas());
        }).toList();
        return new Plant(bundled.name(), replicas);
    }

    /**
     * How far the simulator's source clock (engine epoch + simulated time) is behind the wall clock. The engine
     * fixes its epoch when built but starts pacing when started, so its timestamps lag by its start-up time; that
     * constant is not acquisition latency. The smallest of many readings is the offset right after a step.
     */
    private static long engineClockOffsetNanos(SimulatorServer simulator) throws InterruptedException {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 200; i++) {
            long engineNanos = simulator.engine().epochMillis() * 1_000_000L
                    + Math.round(simulator.engine().simulatedSeconds() * 1e9);
            best = Math.min(best, DataValues.nowNanos() - engineNanos);
            Thread.sleep(5);
        }
        return Math.max(0, best);
    }

    private static long percentile(long[] sorted, double q) {
        int index = (int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
        return sorted[index];
    }

    private static long usedHeapMb() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }
}
