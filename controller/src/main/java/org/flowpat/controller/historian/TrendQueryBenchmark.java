package org.flowpat.controller.historian;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.flowpat.controller.api.HmiAddresses;
import org.flowpat.controller.api.Sample;
import org.flowpat.controller.api.TrendPoint;
import org.flowpat.controller.api.TrendQuery;
import org.flowpat.controller.api.TrendSeries;
import org.flowpat.controller.historian.influx.InfluxHistorian;
import org.flowpat.controller.historian.influx.InfluxRollups;
import org.flowpat.controller.historian.influx.LocalInfluxd;
import org.flowpat.controller.historian.questdb.QuestDbHistorian;

/**
 * Prints the trend page's figure (not a test): how long the HMI waits for a 24 h trend of 10 signals. Each backend
 * (a private InfluxDB on loopback, the embedded QuestDB in a temp folder) is filled with {@code --hours} of samples
 * of {@code --signals} signals at {@code --rate} Hz (plus {@code --other-signals} not queried, which share the
 * table as the rest of a plant would), then asked through {@link TrendQueryService} on the event bus, the path of
 * {@code GET /api/trends}: one request per signal, all at once, as the trends page sends them, with the bucket the
 * page picks for the range. A round's time is from sending the first request to the last reply. For diagnosis it
 * then times each signal's query alone and prints the CPU each costs in this JVM and in the private influxd: on a
 * busy machine the times stretch, the CPU does not, and CPU per query times 10 over the cores bounds a round.
 * InfluxDB answers from its 1-minute roll-ups ({@link InfluxRollups}), computed once after the fill and timed.
 * <p>
 * Usage: {@code TrendQueryBenchmark [--signals 10] [--other-signals 0] [--hours 24] [--rate 1] [--queries 20]
 * [--warmup 3] [--backend both|influx|questdb] [--influx URL] [--settle 0]}; without {@code --influx} it starts a
 * private influxd (Debian package {@code influxdb}). {@code --settle} waits that long after the fill before querying.
 */
public final class TrendQueryBenchmark {
    /** The target of issue #6 for one round of the trend page. */
    static final double TARGET_MS = 300;
    /** {@code TrendRoutes.MAX_POINTS}: what the HMI asks for at most per signal. */
    private static final int MAX_POINTS = 20_000;
    private static final String LINE = "TQ";
    private static final int FILL_BATCH = 50_000;

    private final Settings settings;

    TrendQueryBenchmark(Settings settings) {
        this.settings = settings;
    }

    /** The run's parameters, checked. */
    record Settings(int signals, int otherSignals, int hours, double rateHz, int queries, int warmup, String backend,
                    String influxUrl, int settleSeconds) {
        Settings {
            if (signals < 1 || otherSignals < 0 || hours < 1 || !(rateHz > 0) || rateHz > 100 || queries < 1 || warmup < 0
                    || settleSeconds < 0) {
                throw new IllegalArgumentException("--signals, --hours, --rate (at most 100) and --queries must be positive, "
                        + "--other-signals, --warmup and --settle not negative");
            }
            if (!List.of("both", "influx", "questdb").contains(backend)) {
                throw new IllegalArgumentException("--backend must be both, influx or questdb, got '" + backend + "'");
            }
        }

        static Settings parse(String[] args) {
            int signals = 10;
            int other = 0;
            int hours = 24;
            double rate = 1;
            int queries = 20;
            int warmup = 3;
            String backend = "both";
            String influx = null;
            int settle = 0;
            for (int i = 0; i < args.length; i++) {
                String option = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(option + " needs a value; " + USAGE);
                }
                String value = args[++i];
                try {
                    switch (option) {
                        case "--signals" -> signals = Integer.parseInt(value);
                        case "--other-signals" -> other = Integer.parseInt(value);
                        case "--hours" -> hours = Integer.parseInt(value);
                        case "--rate" -> rate = Double.parseDouble(value);
                        case "--queries" -> queries = Integer.parseInt(value);
                        case "--warmup" -> warmup = Integer.parseInt(value);
                        case "--backend" -> backend = value;
                        case "--influx" -> influx = value;
                        case "--settle" -> settle = Integer.parseInt(value);
                        default -> throw new IllegalArgumentException("unknown option " + option + "; " + USAGE);
                    }
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(option + " needs a number, got '" + value + "'");
                }
            }
            return new Settings(signals, other, hours, rate, queries, warmup, backend, influx, settle);
        }

        long samplesQueried() {
            return Math.round(hours * 3600 * rateHz) * signals;
        }
    }

    static final String USAGE = "usage: TrendQueryBenchmark [--signals N] [--other-signals N] [--hours H] [--rate HZ] "
            + "[--queries N] [--warmup N] [--backend both|influx|questdb] [--influx URL] [--settle S]";

    public static void main(String[] args) throws Exception {
        Settings settings;
        try {
            settings = Settings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        new TrendQueryBenchmark(settings).run();
        System.exit(0); // influx-java's OkHttp threads would keep the JVM alive a while
    }

    void run() throws Exception {
        long stepSeconds = TrendSteps.forSpanSeconds(settings.hours() * 3600L);
        System.out.printf(Locale.ROOT, "trend query benchmark: %d signals (+%d not queried) x %d h at %s Hz = %,d samples "
                        + "queried per round, step %d s (the trends page's for %d h), %d rounds after %d warm-up; "
                        + "%d cores, load average %.1f%n", settings.signals(), settings.otherSignals(), settings.hours(),
                stripZeros(settings.rateHz()), settings.samplesQueried(), stepSeconds, settings.hours(), settings.queries(),
                settings.warmup(), Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        Path work = Files.createTempDirectory("flowpat-trend-bench-");
        Vertx vertx = Vertx.vertx();
        try {
            if (!settings.backend().equals("questdb")) {
                LocalInfluxd influxd = null;
                String url = settings.influxUrl();
                try {
                    if (url == null) {
                        influxd = LocalInfluxd.start(work.resolve("influxd"));
                        url = influxd.url();
                    }
                    // Rolled up once after the fill (below), so the fill figure is InfluxDB's ingest alone.
                    try (InfluxHistorian influx = new InfluxHistorian(url, "bench_trends", null, null, InfluxRollups.Settings.MANUAL)) {
                        measure("InfluxDB", influx, vertx, stepSeconds);
                    }
                } finally {
                    if (influxd != null) {
                        influxd.close();
                    }
                }
            }
            if (!settings.backend().equals("influx")) {
                try (QuestDbHistorian quest = QuestDbHistorian.open(work.resolve("questdb"))) {
                    measure("QuestDB", quest, vertx, stepSeconds);
                }
            }
        } finally {
            vertx.close().await(10, TimeUnit.SECONDS);
            deleteTree(work);
        }
    }

    private void measure(String name, Historian historian, Vertx vertx, long stepSeconds) throws Exception {
        long periodNanos = Math.round(1e9 / settings.rateHz());
        long endNanos = (System.currentTimeMillis() / 1000) * 1_000_000_000L;
        long startNanos = endNanos - settings.hours() * 3_600_000_000_000L;
        long fillStart = System.nanoTime();
        long written = fill(historian, startNanos, endNanos, periodNanos);
        double fillS = (System.nanoTime() - fillStart) / 1e9;
        System.out.printf(Locale.ROOT, "%s: filled %,d samples in %.1f s (%,.0f samples/s)%n", name, written, fillS, written / fillS);
        Thread.sleep(settings.settleSeconds() * 1000L);
        if (historian instanceof InfluxHistorian influx) {
            long rollStart = System.nanoTime();
            InfluxRollups.Pass pass = influx.rollUpNow();
            double rollS = (System.nanoTime() - rollStart) / 1e9;
            System.out.printf(Locale.ROOT, "%s: rolled up %,d minutes into %s in %.1f s (%d queries; the controller does "
                    + "this every 10 s for the minutes written since)%n", name, pass.minutes(), InfluxRollups.MEASUREMENT, rollS,
                    pass.queries());
        }

        String deployment = vertx.deployVerticle(new TrendQueryService(historian)).await(10, TimeUnit.SECONDS);
        try {
            // The page follows the head: each round ends a little later, so no answer can come from a cache.
            long[] roundMicros = new long[settings.queries()];
            long points = 0;
            for (int round = -settings.warmup(); round < settings.queries(); round++) {
                long to = endNanos + Math.max(0, round) * 1_000_000_000L;
                long t0 = System.nanoTime();
                List<TrendSeries> replies = parallelRound(vertx, to - settings.hours() * 3_600_000_000_000L, to,
                        stepSeconds * 1000);
                long micros = (System.nanoTime() - t0) / 1000;
                long roundPoints = check(name, replies);
                if (round >= 0) {
                    roundMicros[round] = micros;
                    points = roundPoints;
                }
            }
            long ownBefore = ownCpuNanos();
            long childBefore = childrenCpuNanos();
            long[] single = sequentialQueries(vertx, endNanos, stepSeconds * 1000);
            double ownMsPerQuery = (ownCpuNanos() - ownBefore) / 1e6 / single.length;
            double childMsPerQuery = (childrenCpuNanos() - childBefore) / 1e6 / single.length;
            Arrays.sort(roundMicros);
            Arrays.sort(single);
            double p99 = Percentiles.of(roundMicros, 0.99) / 1000.0;
            System.out.printf(Locale.ROOT, "%s trend page round (%d signals in parallel over the event bus): p50 %.1f ms, "
                            + "p99 %.1f ms, max %.1f ms; %,d points returned (%d per signal); target < %.0f ms: %s%n",
                    name, settings.signals(), Percentiles.of(roundMicros, 0.5) / 1000.0, p99,
                    roundMicros[roundMicros.length - 1] / 1000.0, points, points / settings.signals(), TARGET_MS,
                    p99 < TARGET_MS ? "met" : "MISSED");
            System.out.printf(Locale.ROOT, "%s one signal at a time (diagnosis): p50 %.1f ms, p99 %.1f ms, max %.1f ms "
                            + "per query (%d queries); CPU per query %.1f ms in this JVM + %.1f ms in the private influxd "
                            + "(less sensitive to other load than the times)%n", name, Percentiles.of(single, 0.5) / 1000.0,
                    Percentiles.of(single, 0.99) / 1000.0, single[single.length - 1] / 1000.0, single.length, ownMsPerQuery,
                    childMsPerQuery);
        } finally {
            vertx.undeploy(deployment).await(10, TimeUnit.SECONDS);
        }
    }

    /** The round the trends page sends: one request per signal, all at once; returns when every reply is in. */
    private List<TrendSeries> parallelRound(Vertx vertx, long from, long to, long stepMillis) throws Exception {
        List<Future<TrendSeries>> replies = new ArrayList<>();
        for (int s = 0; s < settings.signals(); s++) {
            replies.add(request(vertx, new TrendQuery(LINE, signalName(s), from, to, stepMillis, MAX_POINTS)));
        }
        Future.all(replies).await(60, TimeUnit.SECONDS);
        return replies.stream().map(Future::result).toList();
    }

    /** Each signal once more, one after the other: the time of a single query without the others beside it. */
    private long[] sequentialQueries(Vertx vertx, long to, long stepMillis) throws Exception {
        long[] micros = new long[settings.signals()];
        long from = to - settings.hours() * 3_600_000_000_000L;
        for (int s = 0; s < settings.signals(); s++) {
            long t0 = System.nanoTime();
            request(vertx, new TrendQuery(LINE, signalName(s), from, to, stepMillis, MAX_POINTS)).await(60, TimeUnit.SECONDS);
            micros[s] = (System.nanoTime() - t0) / 1000;
        }
        return micros;
    }

    private static Future<TrendSeries> request(Vertx vertx, TrendQuery query) {
        return vertx.eventBus().<JsonObject>request(HmiAddresses.TRENDS, query.toJson())
                .map(m -> TrendSeries.fromJson(m.body()));
    }

    /** Every signal must come back with buckets covering its samples: a fast empty answer would be no figure. */
    private long check(String name, List<TrendSeries> replies) {
        long points = 0;
        for (TrendSeries series : replies) {
            long counted = series.points().stream().mapToLong(TrendPoint::count).sum();
            if (series.points().isEmpty() || series.truncated() || counted < Math.round(settings.hours() * 3600 * settings.rateHz()) * 0.9) {
                throw new IllegalStateException(name + ": the trend of " + series.query().signal() + " holds "
                        + series.points().size() + " buckets covering " + counted + " samples");
            }
            points += series.points().size();
        }
        return points;
    }

    /** Writes every signal at every tick of the range, oldest first, as the spool would; returns how many samples. */
    private long fill(Historian historian, long startNanos, long endNanos, long periodNanos) throws HistorianException {
        int total = settings.signals() + settings.otherSignals();
        List<Sample> batch = new ArrayList<>(FILL_BATCH + total);
        long written = 0;
        long tick = 0;
        for (long t = startNanos; t < endNanos; t += periodNanos, tick++) {
            for (int s = 0; s < total; s++) {
                batch.add(new Sample(LINE, signalName(s), SyntheticSignal.value(s, tick), t, t + 2_000_000,
                        SyntheticSignal.status(s, tick)));
            }
            if (batch.size() >= FILL_BATCH) {
                historian.write(batch, List.of());
                written += batch.size();
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            historian.write(batch, List.of());
            written += batch.size();
        }
        return written;
    }

    private static long ownCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    /** CPU time of the processes this JVM started (the private influxd; 0 with {@code --influx URL}). */
    private static long childrenCpuNanos() {
        return ProcessHandle.current().descendants()
                .mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L)).sum();
    }

    private static String signalName(int s) {
        return "U" + (s / 10) + ".s" + s;
    }

    private static String stripZeros(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** The bucket width the trends page ({@code trends.js}, {@code stepFor}) picks: raw up to 2 h, else the first step giving at most 600 buckets. */
    static final class TrendSteps {
        static final long RAW_MAX_SPAN_S = 2 * 3600;
        private static final long[] STEPS_S = {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600};

        private TrendSteps() {
        }

        /** Seconds per bucket for a span, 0 = raw. */
        static long forSpanSeconds(long spanSeconds) {
            if (spanSeconds <= RAW_MAX_SPAN_S) {
                return 0;
            }
            for (long step : STEPS_S) {
                if (spanSeconds / (double) step <= 600) {
                    return step;
                }
            }
            return 3600;
        }
    }

    /** Nearest-rank percentiles of sorted values. */
    static final class Percentiles {
        private Percentiles() {
        }

        static long of(long[] sorted, double q) {
            if (sorted.length == 0) {
                throw new IllegalArgumentException("no values to take a percentile of");
            }
            int index = (int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
            return sorted[index];
        }
    }

    /** A process-like signal: an hourly swing with deterministic noise, the odd Bad status and NaN value. */
    static final class SyntheticSignal {
        static final long BAD = 0x80000000L;

        private SyntheticSignal() {
        }

        static double value(int signal, long tick) {
            if (tick % 1999 == 5 + signal) {
                return Double.NaN;
            }
            double noise = ((tick * 2654435761L + signal * 40503L) % 1000) / 1000.0 - 0.5;
            return 50 + 10 * Math.sin(2 * Math.PI * tick / 3600.0 + signal) + noise;
        }

        static long status(int signal, long tick) {
            return tick % 997 == signal ? BAD : 0;
        }
    }
}
