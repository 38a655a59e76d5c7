package org.flowpat.app.bench;

import io.vertx.core.Vertx;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.flowpat.config.Plants;
import org.flowpat.config.model.Line;
import org.flowpat.config.model.Plant;
import org.flowpat.controller.ControllerApplication;
import org.flowpat.controller.ControllerOptions;
import org.flowpat.controller.api.AlarmState;
import org.flowpat.controller.api.AlarmTransition;
import org.flowpat.controller.api.QualityAddresses;
import org.flowpat.controller.api.SpcResult;
import org.flowpat.simulator.engine.LineReplicator;

/**
 * The "at 100 lines of the simulator in scale mode, all monitoring live" figure: the simulator runs in a
 * child JVM ({@code flowpat simulate --lines N}, so this process's CPU is the controller's alone) with pressure
 * spikes on every line (a scenario written here: single-sample spikes that cross the reactor-pressure-high limit,
 * which has no on-delay, so each one raises the alarm on the very sample that crosses); the whole controller (
 * acquisition, historian into the embedded QuestDB, per line SPC, alarms, line state, diversion) runs in this JVM.
 * Prints the controller's CPU, the latency from a CQA sample's source time to its SPC result on the bus, and the
 * latency from the crossing sample's source time to the alarm's activation on the bus (target p99 below the
 * publishing interval plus 100 ms).
 *
 * <p>Usage: {@code flowpat bench monitoring [--lines N] [--seconds S] [--warmup S]} (defaults 100, 60, 30).
 */
public final class MonitoringBenchmark {
    /** Spikes from the first simulated half minute on, for the whole run; +6 bar over a nominal 7 bar crosses 12 bar. */
    private static final String SCENARIO = """
            name: pressure-spikes
            description: Benchmark load, single-sample spikes on the reactor pressure.
            runMin: 600
            faults:
              - {id: pressure-spikes, type: SPIKES, target: R1.pressure, magnitude: 6, startMin: 0.5, durationMin: 599}
            """;

    /** At most this many latencies kept per kind (8 bytes each); more are counted as overflow. */
    private static final int MAX_LATENCIES = 1 << 22;

    private MonitoringBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int lines = 100;
        int seconds = 60;
        int warmup = 30;
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            int value = Integer.parseInt(args[i + 1]);
            switch (args[i]) {
                case "--lines" -> lines = value;
                case "--seconds" -> seconds = value;
                case "--warmup" -> warmup = value;
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; usage: flowpat bench monitoring [--lines N] [--seconds S] [--warmup S]");
            }
        }
        if (lines < 1 || seconds < 1 || warmup < 0) {
            throw new IllegalArgumentException("--lines and --seconds must be positive, --warmup not negative");
        }
        run(lines, seconds, warmup);
        System.exit(0);
    }

    private static void run(int lines, int seconds, int warmup) throws Exception {
        Path dir = Files.createTempDirectory("flowpat-monitoring-bench");
        Path scenario = dir.resolve("pressure-spikes.yaml");
        Files.writeString(scenario, SCENARIO);
        int opcUaPort = freePort();
        int modbusPort = freePort();
        Process simulator = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.flowpat.app.FlowpatMain", "simulate",
                "--lines", Integer.toString(lines), "--scenario", scenario.toString(),
                "--opcua-port", Integer.toString(opcUaPort), "--modbus-port", Integer.toString(modbusPort),
                "--data-dir", dir.resolve("simulator").toString())
                .redirectErrorStream(true).start();
        Vertx vertx = null;
        ControllerApplication controller = null;
        try {
            String[] endpoints = awaitEndpoints(simulator);
            Plant bundled = Plants.bundled();
            List<Line> replicas = new ArrayList<>();
            List<Line> configs = LineReplicator.replicate(bundled.lines().get(0), lines);
            for (int i = 0; i < configs.size(); i++) {
                replicas.add(configs.get(i).withEndpoints(endpoints[0], endpoints[1] + "?default-unit-identifier=" + (i + 1)));
            }
            Plant plant = new Plant(bundled.name(), replicas, bundled.users());
            double publishingMs = replicas.get(0).opcua().publishingIntervalMs();

            vertx = Vertx.vertx();
            long[] windowStart = {Long.MAX_VALUE};
            LatencyRecorder spc = new LatencyRecorder(MAX_LATENCIES);
            LatencyRecorder alarms = new LatencyRecorder(MAX_LATENCIES);
            AtomicLong spcCount = new AtomicLong();
            AtomicLong activations = new AtomicLong();
            vertx.eventBus().<SpcResult>localConsumer(QualityAddresses.SPC, m -> {
                long now = WallClock.nowNanos();
                if (now >= windowStart[0]) {
                    spcCount.incrementAndGet();
                    spc.add((now - m.body().timeNanos()) / 1_000);
                }
            });
            vertx.eventBus().<AlarmTransition>localConsumer(QualityAddresses.ALARMS, m -> {
                long now = WallClock.nowNanos();
                AlarmTransition t = m.body();
                if (now >= windowStart[0] && t.to() == AlarmState.ACTIVE_UNACKED
                        && (t.from() == AlarmState.NORMAL || t.from() == AlarmState.RETURNED_UNACKED)
                        && "reactor-pressure-high".equals(t.alarmId())) {
                    activations.incrementAndGet();
                    alarms.add((now - t.timeNanos()) / 1_000);
                }
            });
            controller = ControllerApplication.start(vertx, plant, ControllerOptions.defaults(dir.resolve("controller")))
                    .await(180, TimeUnit.SECONDS);
            Thread.sleep(warmup * 1000L);
            CpuWindow cpu = CpuWindow.start(Set.of());
            windowStart[0] = WallClock.nowNanos();
            Thread.sleep(seconds * 1000L);
            windowStart[0] = Long.MAX_VALUE;
            CpuWindow.Figures used = cpu.stop();
            double wallS = used.wallSeconds();
            double cores = used.processCores();
            double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

            System.out.printf(Locale.ROOT, "monitoring benchmark: %d lines (simulator in a child JVM, 1 Hz), all monitoring "
                    + "live, publishing interval %.0f ms, %d s measured after %d s warm-up, load average %.1f%n",
                    lines, publishingMs, seconds, warmup, load);
            System.out.printf(Locale.ROOT, "controller CPU: %.2f cores (acquisition, historian into QuestDB, SPC, alarms, "
                    + "line state, diversion for every line)%n", cores);
            print("sample -> SPC result", spc.summary(), spcCount.get() / wallS, "results/s", Double.NaN);
            print("sample -> alarm active", alarms.summary(), activations.get() / wallS, "activations/s", publishingMs + 100);
        } finally {
            if (controller != null) {
                controller.stop().await(120, TimeUnit.SECONDS);
            }
            if (vertx != null) {
                vertx.close().await(30, TimeUnit.SECONDS);
            }
            simulator.destroy();
            simulator.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static void print(String what, LatencyRecorder.Summary latency, double rate, String unit, double targetMs) {
        if (latency.count() == 0) {
            System.out.printf(Locale.ROOT, "latency %s: none observed%n", what);
            return;
        }
        double p99 = latency.p99() / 1000.0;
        System.out.printf(Locale.ROOT, "latency %s: p50 %.1f ms, p99 %.1f ms, max %.1f ms over %d (%.1f %s)%s%n", what,
                latency.p50() / 1000.0, p99, latency.max() / 1000.0, latency.count(), rate, unit,
                Double.isNaN(targetMs) ? "" : String.format(Locale.ROOT, " (target p99 < %.0f ms: %s)", targetMs,
                        p99 < targetMs ? "met" : "MISSED"));
    }

    /** Reads the child's banner until it names its OPC UA endpoint and Modbus URL; then drains its output. */
    private static String[] awaitEndpoints(Process simulator) throws Exception {
        CompletableFuture<String[]> found = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            String opcUa = null;
            try (BufferedReader in = new BufferedReader(new InputStreamReader(simulator.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    String t = line.trim();
                    if (t.startsWith("OPC UA ") && t.contains("opc.tcp://")) {
                        opcUa = t.substring(t.indexOf("opc.tcp://")).split("\\s+")[0];
                    } else if (t.startsWith("Modbus TCP") && opcUa != null) {
                        found.complete(new String[] {opcUa, t.split("\\s+")[2]});
                    } else if (!found.isDone()) {
                        System.err.println("simulator: " + line);
                    }
                }
            } catch (Exception e) {
                found.completeExceptionally(e);
            }
            found.completeExceptionally(new IllegalStateException("the simulator exited before naming its endpoints"));
        }, "simulator-output");
        reader.setDaemon(true);
        reader.start();
        return found.get(120, TimeUnit.SECONDS);
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

}
