package org.flowpat.controller.historian;

import org.flowpat.controller.api.Sample;
import org.flowpat.controller.api.SampleBatch;
import org.flowpat.controller.api.codec.RecordEncoding;
import org.flowpat.controller.historian.influx.InfluxHistorian;
import org.flowpat.controller.historian.influx.LocalInfluxd;
import org.flowpat.controller.historian.questdb.QuestDbHistorian;
import org.flowpat.controller.spool.Spool;
import org.flowpat.controller.spool.SpoolConfig;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Prints the historian's figures (not a test): samples per second sustained through the spool into InfluxDB
 * and into the embedded QuestDB, each checked for zero loss by counting in the database afterwards, beside
 * what the database takes without FlowPAT in front (InfluxDB: raw line protocol POSTed to /write; QuestDB:
 * the same batches written directly).
 * <p>
 * Usage: {@code HistorianBenchmark [--seconds N] [--influx URL] [--batch N]}; without {@code --influx} it
 * starts a private influxd on loopback (Debian package {@code influxdb}).
 */
public final class HistorianBenchmark {
    private static final int SIGNALS = 100;
    /** Spool records waiting for the database before the producer pauses: the rate measured is the sustained one. */
    private static final long MAX_BACKLOG_RECORDS = 100;
    private static final String[] SIGNAL_NAMES = new String[SIGNALS];

    static {
        for (int s = 0; s < SIGNALS; s++) {
            SIGNAL_NAMES[s] = "U" + (s / 10) + ".s" + s;
        }
    }

    private final int seconds;
    private final int batchSize;
    /** Start of the next run's data: runs never overlap in time, so none pays for another's out-of-order rows. */
    private long nextBase = System.currentTimeMillis() * 1_000_000L;

    private HistorianBenchmark(int seconds, int batchSize) {
        this.seconds = seconds;
        this.batchSize = batchSize;
    }

    public static void main(String[] args) throws Exception {
        int seconds = 60;
        int batch = 1000;
        String influxUrl = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--batch" -> batch = Integer.parseInt(args[++i]);
                case "--influx" -> influxUrl = args[++i];
                default -> {
                    System.err.println("unknown argument " + args[i] + "; usage: HistorianBenchmark [--seconds N] [--influx URL] [--batch N]");
                    System.exit(2);
                }
            }
        }
        new HistorianBenchmark(seconds, batch).run(influxUrl);
    }

    private void run(String influxUrl) throws Exception {
        Path work = Files.createTempDirectory("flowpat-bench-");
        LocalInfluxd influxd = null;
        try {
            if (influxUrl == null) {
                influxd = LocalInfluxd.start(work.resolve("influxd"));
                influxUrl = influxd.url();
            }
            System.out.printf(Locale.ROOT, "historian benchmark: %d s per run, batches of %d samples from %d signals, %s; "
                            + "%d cores, load average %.1f%n", seconds, batchSize, SIGNALS,
                    influxd != null ? "private influxd " + influxUrl : influxUrl, Runtime.getRuntime().availableProcessors(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

            double flowpatInflux;
            try (InfluxHistorian influx = new InfluxHistorian(influxUrl, "bench_flowpat")) {
                flowpatInflux = throughSpool("InfluxDB", influx, work.resolve("spool-influx"), "BI");
            }
            double raw = rawLineProtocol(influxUrl, "bench_raw");
            System.out.printf(Locale.ROOT, "InfluxDB raw line protocol over HTTP: %,.0f points/s%n", raw);
            System.out.printf(Locale.ROOT, "InfluxDB ratio FlowPAT path / raw: %.2f%n%n", flowpatInflux / raw);

            try (QuestDbHistorian quest = QuestDbHistorian.open(work.resolve("questdb"))) {
                double flowpatQuest = throughSpool("QuestDB", quest, work.resolve("spool-quest"), "BQ");
                double direct = direct(quest, "BD");
                System.out.printf(Locale.ROOT, "QuestDB direct writes (no spool): %,.0f samples/s%n", direct);
                System.out.printf(Locale.ROOT, "QuestDB ratio FlowPAT path / direct: %.2f%n", flowpatQuest / direct);
            }
        } finally {
            if (influxd != null) {
                influxd.close();
            }
            deleteTree(work);
        }
    }

    /** Samples per second through spool append, writer thread and database, with the count checked afterwards. */
    private double throughSpool(String name, Historian historian, Path spoolDir, String line) throws Exception {
        long base = nextBase;
        long produced = 0;
        long tick = 0;
        try (Spool spool = Spool.open(SpoolConfig.defaults(spoolDir))) {
            SpoolDrainer drainer = new SpoolDrainer(spool, historian).start();
            long cpuStart = processCpuNanos();
            long start = System.nanoTime();
            long end = start + Duration.ofSeconds(seconds).toNanos();
            while (System.nanoTime() < end) {
                if (spool.lastAppended() - spool.confirmed() > MAX_BACKLOG_RECORDS) {
                    Thread.sleep(1);
                    continue;
                }
                List<Sample> batch = batch(line, base, tick);
                tick += batchSize / SIGNALS;
                spool.append(RecordEncoding.encode(new SampleBatch(batch)));
                produced += batch.size();
            }
            nextBase = base + (tick + 1000) * 1_000_000L;
            if (!drainer.drainAndStop(Duration.ofMinutes(5))) {
                throw new IllegalStateException(name + ": the spool did not drain within 5 minutes");
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            double cpuMicrosPerSample = (processCpuNanos() - cpuStart) / 1e3 / produced;
            long stored = historian.countSamples(line, base, base + (tick + 1) * 1_000_000L);
            double rate = produced / elapsed;
            System.out.printf(Locale.ROOT, "%s through FlowPAT's spool: %,d samples in %.1f s = %,.0f samples/s; in the database "
                    + "afterwards: %,d (%s); this JVM used %.2f us CPU per sample (producer included)%n", name, produced, elapsed,
                    rate, stored, stored == produced ? "zero loss" : "MISMATCH", cpuMicrosPerSample);
            if (stored != produced) {
                throw new IllegalStateException(name + ": produced " + produced + " samples, the database holds " + stored);
            }
            return rate;
        }
    }

    /** One batch: every signal at consecutive 1 ms ticks, with the odd Bad or NaN sample. */
    private List<Sample> batch(String line, long base, long firstTick) {
        List<Sample> batch = new ArrayList<>(batchSize);
        int ticks = Math.max(1, batchSize / SIGNALS);
        for (int t = 0; t < ticks; t++) {
            long time = base + (firstTick + t) * 1_000_000L;
            for (int s = 0; s < SIGNALS && batch.size() < batchSize; s++) {
                long n = firstTick + t + s;
                double value = n % 1000 == 7 ? Double.NaN : 20 + (n % 97) * 0.5;
                long status = n % 500 == 3 ? 0x80000000L : 0;
                batch.add(new Sample(line, SIGNAL_NAMES[s], value, time, time + 250_000, status));
            }
        }
        return batch;
    }

    /** Points per second InfluxDB ingests as line protocol POSTed over HTTP, counting only the time in requests. */
    private double rawLineProtocol(String url, String database) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        post(http, url + "/query?q=" + URLEncoder.encode("CREATE DATABASE " + database, StandardCharsets.UTF_8), "");
        URI write = URI.create(url + "/write?db=" + database + "&precision=ns");
        long base = nextBase;
        int pointsPerRequest = InfluxHistorian.MAX_POINTS_PER_REQUEST;
        long points = 0;
        long tick = 0;
        long inRequests = 0;
        long wallEnd = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        StringBuilder body = new StringBuilder(pointsPerRequest * 90);
        while (System.nanoTime() < wallEnd) {
            body.setLength(0);
            int ticks = pointsPerRequest / SIGNALS;
            for (int t = 0; t < ticks; t++) {
                long time = base + (tick + t) * 1_000_000L;
                for (int s = 0; s < SIGNALS; s++) {
                    long n = tick + t + s;
                    body.append("samples,line=RAW,quality=GOOD,signal=").append(SIGNAL_NAMES[s])
                            .append(" value=").append(20 + (n % 97) * 0.5).append(",status=0,receive_delay_ns=250000 ")
                            .append(time).append('\n');
                }
            }
            tick += ticks;
            byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
            long t0 = System.nanoTime();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(write).POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(),
                    HttpResponse.BodyHandlers.ofString());
            inRequests += System.nanoTime() - t0;
            if (r.statusCode() != 204) {
                throw new IOException("InfluxDB refused raw write: " + r.statusCode() + " " + r.body());
            }
            points += (long) ticks * SIGNALS;
        }
        return points / (inRequests / 1e9);
    }

    private static void post(HttpClient http, String url, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IOException(url + ": " + r.statusCode() + " " + r.body());
        }
    }

    /** Samples per second of the database alone: the same batches, gathered as the writer does, written directly. */
    private double direct(Historian historian, String line) throws Exception {
        long base = nextBase;
        long tick = 0;
        long written = 0;
        long inWrites = 0;
        long wallEnd = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        while (System.nanoTime() < wallEnd) {
            List<Sample> gathered = new ArrayList<>(10_000);
            while (gathered.size() < 8_000) {
                gathered.addAll(batch(line, base, tick));
                tick += batchSize / SIGNALS;
            }
            long t0 = System.nanoTime();
            historian.write(gathered, List.of());
            inWrites += System.nanoTime() - t0;
            written += gathered.size();
        }
        nextBase = base + (tick + 1000) * 1_000_000L;
        long stored = historian.countSamples(line, base, base + (tick + 1) * 1_000_000L);
        if (stored != written) {
            throw new IllegalStateException("direct writes: wrote " + written + ", the database holds " + stored);
        }
        return written / (inWrites / 1e9);
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
