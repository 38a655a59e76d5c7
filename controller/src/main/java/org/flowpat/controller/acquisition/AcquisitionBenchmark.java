package org.flowpat.controller.acquisition;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import java.util.function.Supplier;
import org.flowpat.controller.historian.HistorianVerticle;
import org.flowpat.controller.historian.Historians;
import org.flowpat.controller.spool.SpoolConfig;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * the bundled line stepped at {@code --rate} Hz, real time) and the controller's acquisition in one JVM, over loopback.
 * Prints the samples/s arriving on the event bus, the latency from a sample's source time to its arrival on the bus
 * (p50, p99, max; target: p99 below the publishing interval plus 50 ms), CPU, the load average (other work on the
 * machine skews every figure) and the heap after GC (each minute on runs of 2 minutes or more, with its slope).
 * With {@code --influx} the whole controller runs into a private InfluxDB (with {@code --pipeline-only}: only
 * acquisition and the historian, issue #4's pipeline, without the per-line monitoring verticles): after the window the plant stops and the
 * time InfluxDB needs to hold everything published gives the sustained rate into the database; every sample is
 * counted there (zero loss), and InfluxDB's own rate for the same series as raw line protocol gives the ratio.
 *
 * <p>Usage: {@code AcquisitionBenchmark [--lines N] [--rate HZ] [--seconds S] [--warmup S] [--influx]} (defaults 20,
 * 10, 30, 5).
 */
public final class AcquisitionBenchmark {
    private static final String DATABASE = "bench";
    private final int lines;
    private final double rateHz;
    private final int seconds;
    private final int warmupSeconds;

    /** Also run the historian into a private InfluxDB (the whole controller), and count what reached it. */
    private boolean influx;
    /** With {@link #influx}: only acquisition and the historian (issue #4's pipeline), no per-line monitoring. */
    private boolean pipelineOnly;

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
        boolean pipelineOnly = false;
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
                case "--pipeline-only" -> {
                    pipelineOnly = true;
                    i--;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; usage: AcquisitionBenchmark [--lines N] [--rate HZ] [--seconds S] [--warmup S] [--influx [--pipeline-only]]");
            }
            i++;
        }
        if (lines < 1 || rate <= 0 || seconds < 1 || warmup < 0) {
            throw new IllegalArgumentException("--lines, --rate and --seconds must be positive, --warmup not negative");
        }
        AcquisitionBenchmark benchmark = new AcquisitionBenchmark(lines, rate, seconds, warmup);
        benchmark.influx = influx;
        benchmark.pipelineOnly = pipelineOnly;
        try {
            benchmark.run();
        } catch (Exception | Error e) {
            // Milo's and Vert.x's threads are not daemons: without an exit a failed run would hang, holding its influxd.
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static String require(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }

    private void run() throws Exception {
        Path dir = Files.createTempDirectory("flowpat-acquisition-bench");
        Plant bundled = Plants.bundled();
        long heapStart = usedHeapMb();
        SimulatorOptions simOptions = SimulatorOptions.defaults(bundled, dir).withPorts(0, 0).withLines(lines, rateHz);
        try (SimulatorServer simulator = SimulatorServer.start(simOptions)) {
            Plant plant = clientPlant(bundled, simulator.opcUaEndpoint());
            double publishingMs = plant.lines().get(0).opcua().publishingIntervalMs();
            List<String> signalRefs = AcquisitionPlan.of(plant.lines().get(0), SourcePreference.OPC_UA, 1000.0 / rateHz)
                    .opcUa().stream().map(OpcUaItem::signalRef).toList();
            Vertx vertx = Vertx.vertx();
            AtomicLong samples = new AtomicLong();
            AtomicLong spectra = new AtomicLong();
            LatencyHistogram latencies = new LatencyHistogram(); // constant memory: the heap figures are the controller's
            long[] windowStart = {Long.MAX_VALUE};
            long[] offset = {0};
            AtomicLong published = new AtomicLong();
            RepeatedTimes repeats = new RepeatedTimes();
            AtomicLong overflows = new AtomicLong();
            // When the simulator handed each step's values to its OPC UA server (wall clock): the moment a real
            // device's measurement exists. Its source time is the step's schedule, which a saturated simulator
            // reaches late, so source time -> bus alone would count the simulator's lateness as acquisition latency.
            java.util.concurrent.ConcurrentSkipListMap<Long, Long> handedAt = new java.util.concurrent.ConcurrentSkipListMap<>();
            LatencyHistogram handedToBus = new LatencyHistogram();
            simulator.engine().addListener((line, sourceTimeMillis) -> {
                if (handedAt.putIfAbsent(sourceTimeMillis, DataValues.nowNanos()) == null) {
                    handedAt.headMap(sourceTimeMillis - 60_000).clear(); // a minute of steps kept
                }
            });
            vertx.eventBus().<SampleBatch>localConsumer(Addresses.SAMPLES, m -> {
                published.addAndGet(m.body().samples().size());
                repeats.check(m.body().samples());
                for (Sample s : m.body().samples()) {
                    if (DeliveredSamples.overflowed(s.statusCode())) {
                        overflows.incrementAndGet();
                    }
                }
                long now = DataValues.nowNanos();
                if (now < windowStart[0]) {
                    return;
                }
                List<Sample> batch = m.body().samples();
                samples.addAndGet(batch.size());
                for (Sample s : batch) {
                    latencies.record(Math.max(0, (now - s.sourceTimeNanos() - offset[0]) / 1_000));
                    Long handed = handedAt.get(s.sourceTimeNanos() / 1_000_000);
                    if (handed != null) {
                        handedToBus.record(Math.max(0, (now - handed) / 1_000));
                    }
                }
            });
            AcquisitionOptions options = AcquisitionOptions.defaults(dir.resolve("controller"));
            options = new AcquisitionOptions(options.dataDir(), options.sourcePreference(), options.reconnect(),
                    1000.0 / rateHz, options.maxMonitoredItemsPerCall(), options.requestTimeout());
            LocalInfluxd influxd = influx ? LocalInfluxd.start(dir.resolve("influxd")) : null;
            Running running = start(vertx, plant, options, influxd == null ? null : influxd.url(), dir.resolve("controller"));
            Acquisition acquisition = running.acquisition();
            vertx.eventBus().<SpectrumSample>localConsumer(Addresses.SPECTRA, m -> {
                if (DataValues.nowNanos() >= windowStart[0]) {
                    spectra.incrementAndGet();
                }
            });
            awaitSubscriptions(acquisition);
            Thread.sleep(warmupSeconds * 1000L);
            long clockOffset = simulator.engine().sourceClockLagNanos(200);
            offset[0] = clockOffset;
            double loadBefore = loadAverage();
            long cpuStart = processCpuNanos();
            Map<String, Long> rolesStart = BenchCpu.snapshot();
            long wallStart = System.nanoTime();
            windowStart[0] = DataValues.nowNanos();
            List<Long> heapAfterGc = new ArrayList<>();
            for (int elapsed = 0; elapsed < seconds; elapsed += 60) {
                Thread.sleep(Math.min(60, seconds - elapsed) * 1000L);
                if (seconds >= 120) {
                    heapAfterGc.add(usedHeapMb()); // once a minute: the heap must stay flat over a long run
                }
            }
            windowStart[0] = Long.MAX_VALUE;
            double wallS = (System.nanoTime() - wallStart) / 1e9;
            double cpuS = (processCpuNanos() - cpuStart) / 1e9;
            Map<String, Long> rolesEnd = BenchCpu.snapshot();
            double loadAfter = loadAverage();
            long windowSamples = samples.get();

            // The database's share: stop the plant (no new data) and time how long the spool takes to bring
            // everything published into InfluxDB. A pipeline that keeps up needs about one publishing interval.
            simulator.engine().close();
            double catchUpS = Double.NaN;
            long stored = -1;
            double raw = Double.NaN;
            if (influxd != null) {
                catchUpS = awaitStored(new InfluxBenchProbe(influxd.url()), published);
            }
            long duplicatesDropped = acquisition.opcUaDuplicatesDropped();
            long stopStart = System.nanoTime();
            running.stop().get().await(330, TimeUnit.SECONDS); // acquisition stops, then the spool drains into InfluxDB
            double stopS = (System.nanoTime() - stopStart) / 1e9;
            vertx.close().await(30, TimeUnit.SECONDS);
            if (influxd != null) {
                try (InfluxHistorian counter = new InfluxHistorian(influxd.url(), DATABASE)) {
                    stored = 0;
                    for (Line l : plant.lines()) {
                        stored += counter.countSamples(l.id(), 0, Long.MAX_VALUE / 2);
                    }
                }
                raw = new InfluxBenchProbe(influxd.url()).rawIngestPerSecond("bench_raw",
                        plant.lines().stream().map(Line::id).toList(), signalRefs, Math.min(30, seconds));
                influxd.close();
            }
            System.gc();
            long heapEnd = usedHeapMb();

            double p99Target = publishingMs + 50;
            System.out.printf(Locale.ROOT, "acquisition benchmark: %d lines x %d OPC UA signals, simulator at %.0f Hz, "
                    + "publishing interval %.0f ms, %d s measured after %d s warm-up; %d cores, load average %.1f before, "
                    + "%.1f after%n", lines, signalRefs.size(), rateHz, publishingMs, seconds, warmupSeconds,
                    Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter);
            System.out.println("ran: " + running.description());
            System.out.printf(Locale.ROOT, "samples on the event bus: %.0f /s (%d in total), spectra %.1f /s%n",
                    windowSamples / wallS, windowSamples, spectra.get() / wallS);
            System.out.printf(Locale.ROOT, "simulator source clock behind the wall clock by %.1f ms (subtracted below)%n",
                    clockOffset / 1e6);
            if (handedToBus.count() > 0) {
                double p99 = handedToBus.percentile(0.99) / 1000.0;
                System.out.printf(Locale.ROOT, "latency value handed to the OPC UA server -> event bus: p50 %.1f ms, p99 "
                        + "%.1f ms, max %.1f ms (target p99 < publishing interval + 50 ms = %.0f ms: %s)%n",
                        handedToBus.percentile(0.50) / 1000.0, p99, handedToBus.max() / 1000.0, p99Target,
                        p99 < p99Target ? "met" : "MISSED");
            }
            if (latencies.count() > 0) {
                System.out.printf(Locale.ROOT, "latency source time -> event bus, less the offset above: p50 %.1f ms, p99 "
                        + "%.1f ms, max %.1f ms (also counts the simulator running behind its schedule when the machine "
                        + "is saturated)%n", latencies.percentile(0.50) / 1000.0, latencies.percentile(0.99) / 1000.0,
                        latencies.max() / 1000.0);
            }
            System.out.printf(Locale.ROOT, "process CPU: %.2f cores (simulator and controller together)%n",
                    cpuS / wallS);
            StringBuilder split = new StringBuilder();
            rolesEnd.forEach((role, end) -> {
                double roleS = (end - rolesStart.getOrDefault(role, 0L)) / 1e9;
                split.append(String.format(Locale.ROOT, "%n  %-42s %.2f cores, %.2f us CPU per sample on the bus", role,
                        roleS / wallS, roleS * 1e6 / Math.max(1, windowSamples)));
            });
            System.out.println("CPU by role in the window (milo threads serve both the simulator's server and the "
                    + "controller's client):" + split);
            System.out.printf(Locale.ROOT, "heap used: %d MB at start, %d MB at end (after GC)%s%n", heapStart, heapEnd,
                    heapAfterGc.isEmpty() ? "" : "; each minute of the run: " + heapAfterGc + " MB, slope "
                            + String.format(Locale.ROOT, "%+.1f MB/min", slopePerStep(heapAfterGc)));
            if (stored >= 0) {
                double sustained = windowSamples / (wallS + catchUpS);
                System.out.printf(Locale.ROOT, "InfluxDB: %d samples published on the bus in the whole run, %d in the "
                        + "database (%s); InfluxDB caught up %.1f s after the window (plant stopped), so it took in "
                        + "%.0f samples/s sustained; controller stopped in %.1f s%n", published.get(), stored,
                        stored == published.get() ? "zero loss, no duplicates" : "MISMATCH", catchUpS, sustained, stopS);
                System.out.printf(Locale.ROOT, "%d samples delivered twice by the OPC UA client (republished "
                        + "messages) were dropped before the bus%n", duplicatesDropped);
                if (overflows.get() > 0) {
                    System.out.printf(Locale.ROOT, "%d samples carried the OPC UA Overflow bit: the server's queue "
                            + "discarded samples before them (those never reached the bus)%n", overflows.get());
                }
                if (repeats.count() > 0) {
                    System.out.printf(Locale.ROOT, "%d samples on the bus were not newer than the one before them of "
                            + "their signal, %d of them with the same source time (InfluxDB keeps one point per series "
                            + "and time), e.g. %s%n", repeats.count(), repeats.same(), repeats.examples());
                }
                System.out.printf(Locale.ROOT, "InfluxDB raw line protocol over HTTP (same series, %d points a request, "
                        + "alone on the machine after the run): %.0f points/s; ratio FlowPAT / raw %.2f%n",
                        InfluxHistorian.MAX_POINTS_PER_REQUEST, raw, sustained / raw);
            }
        }
        deleteTree(dir); // a long run leaves gigabytes of InfluxDB and spool files; a failed one keeps them to look at
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /**
     * Samples whose source time is not after the previous one of the same line and signal: InfluxDB stores one point
     * per series and time, so these explain a database count below the bus count. Single writer (the bus consumer).
     */
    private static final class RepeatedTimes {
        private final java.util.Map<String, java.util.Map<String, Sample>> last = new java.util.HashMap<>();
        private final List<String> examples = new ArrayList<>();
        private long count;
        private long same;

        synchronized void check(List<Sample> batch) {
            for (Sample s : batch) {
                Sample previous = last.computeIfAbsent(s.line(), l -> new java.util.HashMap<>()).put(s.signal(), s);
                if (previous != null && s.sourceTimeNanos() <= previous.sourceTimeNanos()) {
                    count++;
                    if (s.sourceTimeNanos() == previous.sourceTimeNanos()) {
                        same++;
                    }
                    if (examples.size() < 3) {
                        examples.add(previous + " then " + s);
                    }
                }
            }
        }

        synchronized long count() {
            return count;
        }

        /** Of {@link #count()}, those with the very source time of the sample before them. */
        synchronized long same() {
            return same;
        }

        synchronized List<String> examples() {
            return List.copyOf(examples);
        }
    }

    /** What the benchmark started, and how to stop it. */
    private record Running(String description, Acquisition acquisition, Supplier<Future<?>> stop) {
    }

    private Running start(Vertx vertx, Plant plant, AcquisitionOptions options, String influxUrl, Path dataDir)
            throws Exception {
        if (influxUrl == null) {
            Acquisition acquisition = Acquisition.start(vertx, plant, options).await(60, TimeUnit.SECONDS);
            return new Running("acquisition alone (no historian)", acquisition, acquisition::stop);
        }
        if (!pipelineOnly) {
            ControllerApplication controller = ControllerApplication.start(vertx, plant,
                    new ControllerOptions(dataDir, influxUrl, DATABASE, Duration.ofMinutes(5), options))
                    .await(120 + lines, TimeUnit.SECONDS);
            return new Running("the whole controller (acquisition, per-line monitoring, historian) into InfluxDB",
                    controller.acquisition(), controller::stop);
        }
        InfluxHistorian historian = new InfluxHistorian(influxUrl, DATABASE);
        String historianId = vertx.deployVerticle(new HistorianVerticle(historian,
                SpoolConfig.defaults(Historians.spoolDirectory(dataDir)), Duration.ofMinutes(5)),
                new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER)).await(60, TimeUnit.SECONDS);
        Acquisition acquisition = Acquisition.start(vertx, plant, options).await(60, TimeUnit.SECONDS);
        return new Running("acquisition and historian (spool) into InfluxDB, no per-line monitoring", acquisition,
                () -> acquisition.stop().transform(ar -> vertx.undeploy(historianId))
                        .eventually(() -> vertx.executeBlocking(() -> {
                            historian.close();
                            return null;
                        })));
    }

    /** Waits until every line has its subscription; fails naming how many did not (e.g. a server session limit). */
    private void awaitSubscriptions(Acquisition acquisition) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(60 + lines / 10);
        while (acquisition.opcUaConnectedLines() < lines && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        long connected = acquisition.opcUaConnectedLines();
        if (connected < lines) {
            throw new IllegalStateException("only " + connected + " of " + lines + " lines subscribed within "
                    + (System.nanoTime() - start) / 1_000_000_000L + " s; the log says why");
        }
        System.out.printf(Locale.ROOT, "all %d lines subscribed in %.1f s%n", lines, (System.nanoTime() - start) / 1e9);
    }

    /** Seconds until InfluxDB holds every sample published so far (the plant is stopped), at most 5 minutes. */
    private static double awaitStored(InfluxBenchProbe probe, AtomicLong published) throws Exception {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            long before = published.get();
            if (probe.countSamples(DATABASE) >= before && published.get() == before) {
                return (System.nanoTime() - start) / 1e9;
            }
            Thread.sleep(250);
        }
        return Double.POSITIVE_INFINITY;
    }

    /** Least-squares slope of equally spaced values, per step. */
    static double slopePerStep(List<Long> values) {
        int n = values.size();
        if (n < 2) {
            return 0;
        }
        double meanX = (n - 1) / 2.0;
        double meanY = values.stream().mapToLong(Long::longValue).average().orElse(0);
        double num = 0;
        double den = 0;
        for (int i = 0; i < n; i++) {
            num += (i - meanX) * (values.get(i) - meanY);
            den += (i - meanX) * (i - meanX);
        }
        return num / den;
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
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
