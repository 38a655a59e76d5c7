package org.flowpat.app.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.flowpat.app.demo.DemoPlant;
import org.flowpat.config.Plants;
import org.flowpat.config.model.Line;
import org.flowpat.config.model.OpcUaEndpoint;
import org.flowpat.config.model.Plant;
import org.flowpat.controller.ControllerApplication;
import org.flowpat.controller.ControllerOptions;
import org.flowpat.controller.api.Sample;
import org.flowpat.hmi.HmiOptions;
import org.flowpat.hmi.HmiServer;
import org.flowpat.hmi.live.LiveSample;
import org.flowpat.hmi.auth.Users;
import org.flowpat.simulator.server.SimulatorOptions;
import org.flowpat.simulator.server.SimulatorServer;

/**
 * Sample-to-screen latency of the live HMI under load (issue #6), printed (not a test). The real path in one JVM:
 * the simulator in scale mode ({@code --lines N} replicas of the bundled line stepping at 1 Hz in real time, OPC UA
 * and Modbus servers) → the controller (acquisition, quality, historian in an embedded QuestDB) → event bus → HMI →
 * {@code --clients} WebSocket sessions, each logged in and following every line. For each value a session receives:
 * <ul>
 *   <li>source-to-screen: arrival of the frame minus the time the simulator's step was due on the wall clock
 *       (source time plus the engine's constant start-up gap, measured and printed);</li>
 *   <li>HMI-to-screen: arrival minus when the HMI took the sample off the event bus (its own share: the flush
 *       interval, JSON, WebSocket).</li>
 * </ul>
 * Every client should get every value it follows (the HMI keeps only the newest per signal between flushes; at
 * 1 Hz per signal and a {@value HmiServer#LIVE_FLUSH_MILLIS} ms flush nothing is conflated unless a socket's write
 * queue was full): the count per
 * client is compared with what the HMI received in the window. CPU: the process's, minus the client threads'
 * (measured per thread), during the window and during an equally loaded baseline without sessions.
 * <p>
 * Usage: {@code LiveLatencyBenchmark [--lines 44] [--clients 50] [--seconds 60] [--warmup 10] [--baseline 10]
 * [--publishing-ms MS] [--no-compression]}. The bundled line has 26 OPC UA signals of which 10-12 change per 1 Hz step
 * (measured here: the simulator publishes only changed values), so 44 lines make about 500 values per second; the run
 * prints the rate it saw. {@code --publishing-ms} overrides the plant's OPC UA publishing interval.
 */
public final class LiveLatencyBenchmark {
    /** The target of issue #6. */
    static final double TARGET_P99_MS = 500;
    private static final int RECORDER_CAPACITY = 8_000_000;
    private static final long GRACE_MILLIS = 2_000;

    private final Settings settings;
    /** "LINE/UNIT.signal@sourceMillis" -> when the HMI took that sample off the bus (epoch ns). */
    private final Map<String, Long> hmiArrivals = new ConcurrentHashMap<>();
    private final LatencyRecorder sourceToScreen = new LatencyRecorder(RECORDER_CAPACITY);
    private final LatencyRecorder hmiToScreen = new LatencyRecorder(RECORDER_CAPACITY);
    private final LatencyRecorder sourceToHmi = new LatencyRecorder(RECORDER_CAPACITY);
    private final AtomicLong hmiReceived = new AtomicLong();
    private final Set<Long> clientThreads = ConcurrentHashMap.newKeySet();
    private volatile long windowStart = Long.MAX_VALUE;
    private volatile long windowEnd = Long.MAX_VALUE;
    private volatile long clockOffsetNanos;
    private HttpClient http;
    private WebSocketClient ws;

    LiveLatencyBenchmark(Settings settings) {
        this.settings = settings;
    }

    /** The run's parameters, checked. */
    record Settings(int lines, int clients, int seconds, int warmup, int baseline, Double publishingMs, boolean compression) {
        static final String USAGE = "usage: LiveLatencyBenchmark [--lines N] [--clients N] [--seconds S] [--warmup S] "
                + "[--baseline S] [--publishing-ms MS] [--no-compression]";

        Settings {
            if (lines < 1 || clients < 1 || seconds < 1 || warmup < 0 || baseline < 1) {
                throw new IllegalArgumentException("--lines, --clients, --seconds and --baseline must be positive, --warmup "
                        + "not negative; " + USAGE);
            }
            if (publishingMs != null && !(publishingMs >= 10 && publishingMs <= 10_000)) {
                throw new IllegalArgumentException("--publishing-ms must be 10-10000, got " + publishingMs);
            }
        }

        static Settings parse(String[] args) {
            int lines = 44;
            int clients = 50;
            int seconds = 60;
            int warmup = 10;
            int baseline = 10;
            Double publishing = null;
            boolean compression = true;
            for (int i = 0; i < args.length; i++) {
                String option = args[i];
                if (option.equals("--no-compression")) {
                    compression = false;
                    continue;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(option + " needs a value; " + USAGE);
                }
                String value = args[++i];
                try {
                    switch (option) {
                        case "--lines" -> lines = Integer.parseInt(value);
                        case "--clients" -> clients = Integer.parseInt(value);
                        case "--seconds" -> seconds = Integer.parseInt(value);
                        case "--warmup" -> warmup = Integer.parseInt(value);
                        case "--baseline" -> baseline = Integer.parseInt(value);
                        case "--publishing-ms" -> publishing = Double.parseDouble(value);
                        default -> throw new IllegalArgumentException("unknown option " + option + "; " + USAGE);
                    }
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(option + " needs a number, got '" + value + "'");
                }
            }
            return new Settings(lines, clients, seconds, warmup, baseline, publishing, compression);
        }
    }

    public static void main(String[] args) throws Exception {
        Settings settings;
        try {
            settings = Settings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        report(new LiveLatencyBenchmark(settings).run());
        System.exit(0);
    }

    /** What one run measured. Latencies in the summaries are in microseconds; CPU in cores. */
    record Result(Settings settings, int lines, double publishingMs, double valuesPerSecond, double clockOffsetMs,
                  long expected, long minReceived, long maxReceived, double framesPerSecond, double longestPauseMs,
                  LatencyRecorder.Summary sourceToScreen, LatencyRecorder.Summary sourceToHmi,
                  LatencyRecorder.Summary hmiToScreen, long notKept, CpuWindow.Figures idle, CpuWindow.Figures busy,
                  double loadAtStart, double loadAtEnd) {
        boolean everyValueDelivered() {
            return expected > 0 && minReceived == expected && maxReceived == expected;
        }

        /** Values delivered per second, all sessions together. */
        double deliveredPerSecond() {
            return (double) expected * settings.clients() / busy.wallSeconds();
        }
    }

    Result run() throws Exception {
        Path dir = Files.createTempDirectory("flowpat-live-bench-");
        double loadAtStart = loadAverage();
        Plant bundled = Plants.bundled();
        SimulatorServer simulator = SimulatorServer.start(SimulatorOptions.defaults(bundled, dir.resolve("sim"))
                .withPorts(0, 0).withLines(settings.lines(), 1.0));
        Vertx vertx = Vertx.vertx();
        Vertx clientVertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        ControllerApplication controller = null;
        HmiServer hmi = null;
        try {
            Plant plant = withPublishingInterval(DemoPlant.of(bundled, simulator), settings.publishingMs());
            controller = ControllerApplication.start(vertx, plant, ControllerOptions.defaults(dir.resolve("controller")))
                    .await(180, TimeUnit.SECONDS);
            hmi = HmiServer.start(vertx, HmiOptions.of(plant, Users.demo(), 0, true)).await(30, TimeUnit.SECONDS);
            hmi.live().addListener(this::tap);
            awaitSamples();
            Thread.sleep(settings.warmup() * 1000L);
            clockOffsetNanos = simulator.engine().sourceClockLagNanos(300);

            CpuWindow baseline = CpuWindow.start(Set.of());
            long busBefore = hmiReceived.get();
            Thread.sleep(settings.baseline() * 1000L);
            CpuWindow.Figures idle = baseline.stop();
            double valuesPerSecond = (hmiReceived.get() - busBefore) / idle.wallSeconds();

            List<LiveSession> sessions = connect(clientVertx, hmi.port(), plant);
            long sessionsOpenAt = System.nanoTime();
            Thread.sleep(3_000); // the first frames carry connection set-up; they are not the steady state
            windowStart = WallClock.nowNanos();
            CpuWindow loaded = CpuWindow.start(clientThreads);
            Thread.sleep(settings.seconds() * 1000L);
            CpuWindow.Figures busy = loaded.stop();
            windowEnd = WallClock.nowNanos();
            Thread.sleep(GRACE_MILLIS); // values of the window still on their way to the clients
            long expected = hmiArrivals.values().stream().filter(this::inWindow).count();
            sessions.stream().filter(x -> x.ended() != null).map(LiveSession::ended).distinct()
                    .forEach(why -> System.out.println("a session ended early: " + why));
            double sessionSeconds = (System.nanoTime() - sessionsOpenAt) / 1e9;
            Future.all(sessions.stream().map(LiveSession::close).toList()).await(10, TimeUnit.SECONDS);
            return new Result(settings, plant.lines().size(), plant.lines().get(0).opcua().publishingIntervalMs(),
                    valuesPerSecond, clockOffsetNanos / 1e6, expected,
                    sessions.stream().mapToLong(LiveSession::values).min().orElse(0),
                    sessions.stream().mapToLong(LiveSession::values).max().orElse(0),
                    sessions.stream().mapToLong(LiveSession::frames).average().orElse(0) / sessionSeconds,
                    sessions.stream().mapToLong(LiveSession::longestPauseNanos).max().orElse(0) / 1e6,
                    sourceToScreen.summary(), sourceToHmi.summary(), hmiToScreen.summary(),
                    sourceToScreen.overflow() + hmiToScreen.overflow(), idle, busy, loadAtStart, loadAverage());
        } finally {
            clientVertx.close().await(10, TimeUnit.SECONDS);
            if (hmi != null) {
                hmi.close().await(10, TimeUnit.SECONDS);
            }
            if (controller != null) {
                controller.stop().await(60, TimeUnit.SECONDS);
            }
            vertx.close().await(10, TimeUnit.SECONDS);
            simulator.close();
            deleteTree(dir);
        }
    }

    /** The HMI's view of the bus: when each fresh sample reached it. Runs on the HMI's event-bus thread. */
    private void tap(List<LiveSample> fresh) {
        long now = WallClock.nowNanos();
        for (LiveSample live : fresh) {
            Sample s = live.sample();
            hmiArrivals.put(key(live.key(), s.sourceTimeNanos() / 1_000_000), now);
            if (inWindow(now)) {
                sourceToHmi.add((now - s.sourceTimeNanos() - clockOffsetNanos) / 1_000);
            }
        }
        hmiReceived.addAndGet(fresh.size());
    }

    private static String key(String signal, long sourceMillis) {
        return signal + '@' + sourceMillis;
    }

    private boolean inWindow(long hmiArrival) {
        return hmiArrival >= windowStart && hmiArrival <= windowEnd;
    }

    /** A session's frame: values the HMI received inside the window are counted and timed. Runs on a client thread. */
    private void onSamples(LiveSession session, long received, JsonArray samples) {
        if (received < windowStart) {
            return;
        }
        session.measuredFrame(received);
        long counted = 0;
        for (int i = 0; i < samples.size(); i++) {
            JsonObject s = samples.getJsonObject(i);
            long sourceMillis = s.getLong("time");
            Long arrival = hmiArrivals.get(key(s.getString("signal"), sourceMillis));
            if (arrival == null || !inWindow(arrival)) {
                continue;
            }
            counted++;
            sourceToScreen.add((received - sourceMillis * 1_000_000 - clockOffsetNanos) / 1_000);
            hmiToScreen.add((received - arrival) / 1_000);
        }
        session.counted(counted);
    }

    /** Opens the sessions, each on its own client context (spread over the client's event loops), all at once. */
    private List<LiveSession> connect(Vertx clientVertx, int port, Plant plant) throws Exception {
        // Fields, not locals: Vert.x closes a client, with all its WebSockets, once the client object is garbage
        // collected, which ended every session at the first full GC.
        http = clientVertx.createHttpClient(new HttpClientOptions(), new PoolOptions().setHttp1MaxSize(8));
        ws = clientVertx.createWebSocketClient(new WebSocketClientOptions()
                .setMaxConnections(settings.clients()).setTryUsePerMessageCompression(settings.compression()));
        List<String> allLines = plant.lines().stream().map(l -> l.id() + "/*").toList();
        List<Future<LiveSession>> opened = new ArrayList<>();
        for (int c = 0; c < settings.clients(); c++) {
            Context context = clientVertx.getOrCreateContext();
            Promise<LiveSession> promise = Promise.promise();
            context.runOnContext(v -> {
                clientThreads.add(Thread.currentThread().getId());
                LiveSession.open(http, ws, port, "operator", Users.DEMO_PASSWORD, allLines, this::onSamples)
                        .onComplete(promise);
            });
            opened.add(promise.future());
        }
        Future.all(opened).await(120, TimeUnit.SECONDS);
        return opened.stream().map(Future::result).toList();
    }

    static void report(Result r) {
        Settings s = r.settings();
        System.out.printf(Locale.ROOT, "live latency benchmark: %d lines at 1 Hz (%,.0f values/s into the HMI), %d WebSocket "
                        + "sessions each following all %d lines, %d s measured after %d s warm-up; OPC UA publishing %.0f ms, "
                        + "HMI flush %d ms, permessage-deflate %s; %d cores, load average %.1f at start, %.1f at end%n",
                s.lines(), r.valuesPerSecond(), s.clients(), r.lines(), s.seconds(), s.warmup(), r.publishingMs(),
                HmiServer.LIVE_FLUSH_MILLIS,
                s.compression() ? "on" : "off", Runtime.getRuntime().availableProcessors(), r.loadAtStart(), r.loadAtEnd());
        System.out.printf(Locale.ROOT, "simulator source clock behind the wall clock by %.1f ms (engine start-up gap, "
                + "subtracted)%n", r.clockOffsetMs());
        System.out.printf(Locale.ROOT, "values per session: %,d expected (received by the HMI in the window), received "
                        + "min %,d, max %,d (%s); %.1f frames/s per session, longest pause between frames %.0f ms "
                        + "(a signal changing again within a pause is sent only with its newest value)%n", r.expected(),
                r.minReceived(), r.maxReceived(), r.everyValueDelivered() ? "every value delivered" : "INCOMPLETE: "
                        + (r.expected() - r.minReceived()) + " missing at worst", r.framesPerSecond(), r.longestPauseMs());
        System.out.printf(Locale.ROOT, "latency source -> screen: %s; target p99 < %.0f ms: %s%n", r.sourceToScreen().millis(),
                TARGET_P99_MS, r.sourceToScreen().p99() / 1e3 < TARGET_P99_MS ? "met" : "MISSED");
        System.out.printf(Locale.ROOT, "latency source -> HMI bus arrival (simulator, OPC UA publishing, acquisition; once "
                + "per value): %s%n", r.sourceToHmi().millis());
        System.out.printf(Locale.ROOT, "latency HMI bus arrival -> screen (the HMI's share): %s%n", r.hmiToScreen().millis());
        if (r.notKept() > 0) {
            System.out.printf(Locale.ROOT, "(%,d latencies beyond the recorders' capacity were not kept)%n", r.notKept());
        }
        System.out.printf(Locale.ROOT, "CPU of the server (simulator + controller + HMI, client threads excluded): %.2f cores "
                        + "with %d sessions, %.2f cores without sessions; client threads %.2f cores; whole process %.2f cores%n",
                r.busy().serverCores(), s.clients(), r.idle().serverCores(), r.busy().clientCores(), r.busy().processCores());
        // CPU time per value is less sensitive to other load on the machine than the latencies are.
        System.out.printf(Locale.ROOT, "HMI cost of the sessions: %.2f us server CPU per value delivered to a session "
                        + "((loaded - baseline) / %,.0f values/s)%n",
                (r.busy().serverCores() - r.idle().serverCores()) * 1e6 / r.deliveredPerSecond(), r.deliveredPerSecond());
    }

    private void awaitSamples() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (hmiReceived.get() == 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no samples reached the HMI within 120 s of start");
            }
            Thread.sleep(100);
        }
    }

    /** Every line with the given OPC UA publishing interval, or as configured when null. */
    private static Plant withPublishingInterval(Plant plant, Double publishingMs) {
        if (publishingMs == null) {
            return plant;
        }
        List<Line> lines = plant.lines().stream().map(l -> {
            OpcUaEndpoint o = l.opcua();
            return new Line(l.id(), l.name(), new OpcUaEndpoint(o.endpoint(), o.securityPolicy(), o.securityMode(),
                    o.username(), o.password(), publishingMs), l.plc(), l.process(), l.units(), l.cqas(), l.quality());
        }).toList();
        return new Plant(plant.name(), lines, plant.users());
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
