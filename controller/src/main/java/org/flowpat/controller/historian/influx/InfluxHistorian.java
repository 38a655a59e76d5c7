package org.flowpat.controller.historian.influx;

import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.flowpat.controller.api.Event;
import org.flowpat.controller.api.Sample;
import org.flowpat.controller.historian.Historian;
import org.flowpat.controller.historian.HistorianException;
import org.flowpat.controller.historian.JournalKind;
import org.flowpat.controller.historian.TrendBucket;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBException;
import org.influxdb.InfluxDBFactory;
import org.influxdb.InfluxDBIOException;
import org.influxdb.dto.QueryResult;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.flowpat.controller.historian.HistorianSchema.*;

/**
 * The historian in InfluxDB, through influxdb-java's 1.x API (InfluxDB 1.x, and the v1-compatibility
 * endpoints of 2.x and 3.x).
 * <p>
 * Samples: measurement {@code samples}, tags {@code line}, {@code signal} and {@code quality} (GOOD,
 * UNCERTAIN, BAD: three values, filtered on by trends, so a tag), time = source time (ns), fields
 * {@code value} (float, absent when not finite), {@code nonfinite} (string, only when not finite),
 * {@code status} (float: the OPC UA status code, absent when it is 0, plain Good) and {@code receive_delay_ns} (float: receive time minus
 * source time). Numbers are always floats so a field never changes type; the
 * receive time is kept as a delay because an epoch in nanoseconds does not fit a double exactly.
 * Events: measurement {@code events}, tags {@code line} and {@code kind}, time = start, fields
 * {@code duration_ns} (float, absent while open), {@code signals} and {@code message} (strings).
 * A point written twice (same series and time) is stored once: replays do not duplicate. (The quality
 * tag is part of the series, but it follows from the status, so a replay lands on the same series.)
 * The quality journal: one measurement per {@link JournalKind}, its keys as tags, its numbers as float fields
 * and the record as the JSON string field {@code json}.
 * <p>
 * Writes are synchronous, one HTTP request per {@link #MAX_POINTS_PER_REQUEST} points of line protocol, up to
 * {@link #LANES} of them in flight (influxdb-java's own batching is asynchronous and its {@code flush()} is no barrier): when {@link #write}
 * returns, InfluxDB has acknowledged every point; when it throws, the caller retries.
 */
public final class InfluxHistorian implements Historian {
    private static final Logger log = LoggerFactory.getLogger(InfluxHistorian.class);
    public static final int MAX_POINTS_PER_REQUEST = 5_000;
    /** Sample requests in flight at once, each for its own share of the lines. */
    static final int LANES = 3;
    static final String RECEIVE_DELAY = "receive_delay_ns";
    static final String DURATION = "duration_ns";
    /** The status code written as no {@code status} field at all. */
    static final long GOOD_STATUS = 0;

    private final String url;
    private final String database;
    private final InfluxDB influx;
    private final ExecutorService sender = Executors.newFixedThreadPool(LANES, r -> {
        Thread t = new Thread(r, "influx-sender");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean databaseReady;
    private final InfluxQl ql;
    private final InfluxRollups rollups;

    public InfluxHistorian(String url, String database) {
        this(url, database, null, null);
    }

    public InfluxHistorian(String url, String database, String user, String password) {
        this(url, database, user, password, InfluxRollups.Settings.DEFAULTS);
    }

    /** With the 1-minute roll-ups run as {@code rollups} says (e.g. {@link InfluxRollups.Settings#MANUAL}). */
    public InfluxHistorian(String url, String database, String user, String password, InfluxRollups.Settings rollups) {
        this.url = Objects.requireNonNull(url, "InfluxDB URL");
        this.database = Objects.requireNonNull(database, "InfluxDB database");
        if (database.isBlank() || database.contains("\"")) {
            throw new IllegalArgumentException("InfluxDB database name '" + database + "' is empty or contains a double quote");
        }
        OkHttpClient.Builder http = new OkHttpClient.Builder()
                .connectTimeout(5, TimeUnit.SECONDS)
                .readTimeout(60, TimeUnit.SECONDS)
                .writeTimeout(60, TimeUnit.SECONDS)
                .retryOnConnectionFailure(false); // the spool retries; a silent second attempt hides outages
        this.influx = user == null ? InfluxDBFactory.connect(url, http) : InfluxDBFactory.connect(url, user, password, http);
        this.influx.setLogLevel(InfluxDB.LogLevel.NONE);
        this.ql = new InfluxQl(influx, url, database);
        this.rollups = new InfluxRollups(ql, rollups, this::send);
    }

    @Override
    public String describe() {
        return "InfluxDB " + url + " database " + database;
    }

    @Override
    public void write(List<Sample> samples, List<Event> events) throws HistorianException {
        ensureDatabase();
        // Each line's points go to one of LANES request streams; up to one request per lane is in flight while
        // this thread encodes the next. One request at a time left InfluxDB mostly idle (its WAL sync per request
        // is latency, not CPU), and a lane keeps the order of a series' points, so a repeated point still ends
        // as the one written last.
        Future<?>[] inFlight = new Future<?>[LANES];
        LineProtocol[] bodies = new LineProtocol[LANES];
        int[] points = new int[LANES];
        try {
            int total = samples.size() + events.size();
            for (int i = 0; i < total; i++) {
                String line = i < samples.size() ? samples.get(i).line() : events.get(i - samples.size()).line();
                int lane = (line.hashCode() & 0x7fffffff) % LANES;
                if (bodies[lane] == null) {
                    bodies[lane] = new LineProtocol(Math.min(total, MAX_POINTS_PER_REQUEST) * 100 / LANES + 64);
                }
                if (i < samples.size()) {
                    appendSample(bodies[lane], samples.get(i));
                } else {
                    appendEvent(bodies[lane], events.get(i - samples.size()));
                }
                if (++points[lane] == MAX_POINTS_PER_REQUEST) {
                    inFlight[lane] = sendAfter(inFlight[lane], bodies[lane]);
                    bodies[lane] = null;
                    points[lane] = 0;
                }
            }
            for (int lane = 0; lane < LANES; lane++) {
                if (bodies[lane] != null) {
                    inFlight[lane] = sendAfter(inFlight[lane], bodies[lane]);
                }
            }
            for (Future<?> f : inFlight) {
                if (f != null) {
                    f.get();
                }
            }
            rollups.written(samples);
        } catch (ExecutionException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            if (cause instanceof InfluxDBException.DatabaseNotFoundException) {
                databaseReady = false; // dropped behind our back: create it again on the retry
            }
            throw new HistorianException("InfluxDB " + url + " did not take the write of " + samples.size() + " samples and "
                    + events.size() + " events: " + cause.getMessage(), cause, refusesTheData(cause));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HistorianException("interrupted while writing to InfluxDB " + url, e);
        } finally {
            for (Future<?> f : inFlight) {
                if (f != null && !f.isDone()) {
                    try {
                        f.get(); // never leave a request running behind a failed or interrupted write
                    } catch (Exception ignored) {
                        // the failure is reported above
                    }
                }
            }
        }
    }

    /** Sends {@code body} once the lane's previous request is acknowledged (its failure fails this write). */
    private Future<?> sendAfter(Future<?> previous, LineProtocol body) throws ExecutionException, InterruptedException {
        String text = body.toString();
        if (previous != null) {
            previous.get();
        }
        return sender.submit(() -> send(text));
    }

    /** InfluxDB's verdict on the points themselves, as opposed to being down, slow or misconfigured. */
    private static boolean refusesTheData(Throwable e) {
        return e instanceof InfluxDBException.PointsBeyondRetentionPolicyException
                || e instanceof InfluxDBException.FieldTypeConflictException
                || e instanceof InfluxDBException.UnableToParseException;
    }

    /** One synchronous request: InfluxDB answers 204 only once the points are in its WAL. */
    private void send(String lineProtocol) {
        influx.write(database, null, InfluxDB.ConsistencyLevel.ONE, TimeUnit.NANOSECONDS, lineProtocol);
    }

    static void appendSample(LineProtocol p, Sample s) {
        // Tags in sorted key order, as InfluxDB stores them (saves it a sort per point).
        p.measurement(SAMPLES).tag(LINE, s.line()).tag(QUALITY, s.quality().name()).tag(SIGNAL, s.signal());
        String nonFinite = nonFinite(s.value());
        if (nonFinite == null) {
            p.field(VALUE, s.value());
        } else {
            p.field(NONFINITE, nonFinite);
        }
        if (s.statusCode() != GOOD_STATUS) {
            // Plain Good, nearly every sample, is left out: InfluxDB's ingest cost grows with the field count
            // (measured 243k points/s with three fields, 338k with two), and an absent status reads back as 0.
            p.field(STATUS, (double) s.statusCode());
        }
        p.field(RECEIVE_DELAY, (double) (s.receiveTimeNanos() - s.sourceTimeNanos()))
                .time(s.sourceTimeNanos());
    }

    static void appendEvent(LineProtocol p, Event e) {
        p.measurement(EVENTS).tag(LINE, e.line()).tag(KIND, e.kind())
                .field(SIGNALS, String.join(SIGNAL_SEPARATOR, e.signals()))
                .field(MESSAGE, e.message());
        if (!e.open()) {
            p.field(DURATION, (double) (e.endNanos() - e.startNanos()));
        }
        p.time(e.startNanos());
    }

    @Override
    public void writeJournal(List<?> records) throws HistorianException {
        if (records.isEmpty()) {
            return;
        }
        ensureDatabase();
        try {
            for (int from = 0; from < records.size(); from += MAX_POINTS_PER_REQUEST) {
                int to = Math.min(records.size(), from + MAX_POINTS_PER_REQUEST);
                LineProtocol body = new LineProtocol((to - from) * 600);
                for (Object r : records.subList(from, to)) {
                    appendJournal(body, r);
                }
                String text = body.toString();
                sender.submit(() -> send(text)).get();
            }
        } catch (ExecutionException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            if (cause instanceof IllegalArgumentException) {
                throw (IllegalArgumentException) cause; // not a journaled record: a bug of the caller
            }
            if (cause instanceof InfluxDBException.DatabaseNotFoundException) {
                databaseReady = false;
            }
            throw new HistorianException("InfluxDB " + url + " did not take the write of " + records.size()
                    + " journal records: " + cause.getMessage(), cause, refusesTheData(cause));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HistorianException("interrupted while writing to InfluxDB " + url, e);
        }
    }

    /** Keys as tags, finite numbers as float fields, the whole record as the JSON string field. */
    static void appendJournal(LineProtocol p, Object record) {
        JournalKind kind = JournalKind.of(record);
        p.measurement(kind.table());
        List<String> keyValues = kind.keyValuesOf(record);
        for (int i = 0; i < keyValues.size(); i++) {
            p.tag(kind.keys().get(i), keyValues.get(i));
        }
        double[] numbers = kind.numbersOf(record);
        for (int i = 0; i < numbers.length; i++) {
            if (Double.isFinite(numbers[i])) {
                p.field(kind.numberColumns().get(i), numbers[i]);
            }
        }
        p.field(JournalKind.JSON, kind.jsonOf(record)).time(kind.timeOf(record));
    }

    @Override
    public List<Object> readJournal(JournalKind kind, String line, Map<String, String> keyFilter, long fromNanos, long toNanos)
            throws HistorianException {
        StringBuilder q = new StringBuilder("SELECT \"" + JournalKind.JSON + "\" FROM \"" + kind.table() + "\" WHERE \""
                + LINE + "\"=" + quoteInflux(line));
        keyFilter.forEach((key, value) -> {
            if (!kind.keys().contains(key)) {
                throw new IllegalArgumentException(kind.table() + " has no key '" + key + "'; its keys are " + kind.keys());
            }
            q.append(" AND \"").append(key).append("\"=").append(quoteInflux(value));
        });
        q.append(" AND ").append(range(fromNanos, toNanos));
        List<Object> out = new ArrayList<>();
        for (List<Object> row : rows(ql.query(q.toString()))) {
            out.add(kind.fromJson((String) row.get(1)));
        }
        out.sort(kind.order());
        return out;
    }

    private void ensureDatabase() throws HistorianException {
        if (databaseReady) {
            return;
        }
        try {
            // Idempotent in InfluxQL: creating an existing database is not an error.
            ql.query("CREATE DATABASE \"" + database + "\"");
        } catch (HistorianException e) {
            if (e.getCause() instanceof InfluxDBIOException) {
                throw e; // not reachable: the write is retried later
            }
            // The server answered but refused: InfluxDB 2.x/3.x v1 endpoints (a bucket mapped to the database
            // must exist) or a user without admin rights. The writes will tell whether the database is there.
            log.warn("InfluxDB {}: could not create database {} ({}); assuming it exists", url, database, e.getMessage());
        }
        databaseReady = true;
    }

    @Override
    public List<Sample> raw(String line, String signal, long fromNanos, long toNanos) throws HistorianException {
        String q = "SELECT \"" + VALUE + "\",\"" + NONFINITE + "\",\"" + STATUS + "\",\"" + RECEIVE_DELAY + "\" FROM \""
                + SAMPLES + "\" WHERE " + seriesAndRange(line, signal, fromNanos, toNanos);
        List<Sample> out = new ArrayList<>();
        for (List<Object> row : rows(ql.query(q))) {
            long time = InfluxQl.nanos(row.get(0));
            double value = valueOf((Double) row.get(1), (String) row.get(2));
            Double stored = (Double) row.get(3);
            long status = stored == null ? GOOD_STATUS : Math.round(stored); // absent means plain Good
            long receive = time + Math.round((Double) row.get(4));
            out.add(new Sample(line, signal, value, time, receive, status));
        }
        return out;
    }

    /** Rolls up every minute written since the last roll-up, synchronously (benchmarks and tests; a thread does it otherwise). */
    public InfluxRollups.Pass rollUpNow() throws HistorianException {
        return rollups.rollUpNow();
    }

    /** The 1-minute roll-ups of this database (see {@link InfluxRollups}). */
    public InfluxRollups rollups() {
        return rollups;
    }

    @Override
    public List<TrendBucket> downsampled(String line, String signal, long fromNanos, long toNanos, Duration bucket)
            throws HistorianException {
        long ms = Historian.bucketMillis(bucket);
        if (ms % 60_000 == 0) {
            // Whole minutes: what the 1-minute roll-ups cover comes from them, 60 times fewer points to read.
            List<TrendBucket> fromRollups = rollups.downsampled(line, signal, fromNanos, toNanos, ms);
            if (fromRollups != null) {
                return fromRollups;
            }
        }
        // Non-finite values have no value field, so the aggregates skip them by themselves.
        String q = "SELECT min(\"" + VALUE + "\"),mean(\"" + VALUE + "\"),max(\"" + VALUE + "\"),count(\"" + VALUE + "\") FROM \""
                + SAMPLES + "\" WHERE " + seriesAndRange(line, signal, fromNanos, toNanos) + " AND \"" + QUALITY + "\" != '" + BAD
                + "' GROUP BY time(" + ms + "ms) fill(none)";
        List<TrendBucket> out = new ArrayList<>();
        for (List<Object> row : rows(ql.query(q))) {
            out.add(new TrendBucket(InfluxQl.nanos(row.get(0)), (Double) row.get(1), (Double) row.get(2), (Double) row.get(3),
                    Math.round((Double) row.get(4))));
        }
        return out;
    }

    @Override
    public List<Event> events(String line, long fromNanos, long toNanos) throws HistorianException {
        String q = "SELECT \"" + KIND + "\",\"" + DURATION + "\",\"" + SIGNALS + "\",\"" + MESSAGE + "\" FROM \"" + EVENTS
                + "\" WHERE \"" + LINE + "\"=" + quoteInflux(line) + " AND " + range(fromNanos, toNanos);
        List<Event> out = new ArrayList<>();
        for (List<Object> row : rows(ql.query(q))) {
            long start = InfluxQl.nanos(row.get(0));
            Double duration = (Double) row.get(2);
            String signals = (String) row.get(3);
            out.add(new Event(line, (String) row.get(1), start, duration == null ? Event.OPEN : start + Math.round(duration),
                    signals == null || signals.isEmpty() ? List.of() : Arrays.asList(signals.split(SIGNAL_SEPARATOR)),
                    (String) row.get(4)));
        }
        return out;
    }

    @Override
    public long countSamples(String line, long fromNanos, long toNanos) throws HistorianException {
        // Every sample has a receive delay; the status is absent on Good samples.
        String q = "SELECT count(\"" + RECEIVE_DELAY + "\") FROM \"" + SAMPLES + "\" WHERE \"" + LINE + "\"=" + quoteInflux(line)
                + " AND " + range(fromNanos, toNanos);
        List<List<Object>> rows = rows(ql.query(q));
        return rows.isEmpty() ? 0 : Math.round((Double) rows.get(0).get(1));
    }

    private static String seriesAndRange(String line, String signal, long fromNanos, long toNanos) {
        return "\"" + LINE + "\"=" + quoteInflux(line) + " AND \"" + SIGNAL + "\"=" + quoteInflux(signal) + " AND "
                + range(fromNanos, toNanos);
    }

    private static String range(long fromNanos, long toNanos) {
        // Bare integers in InfluxQL time comparisons are epoch nanoseconds.
        return "time >= " + fromNanos + " AND time < " + toNanos;
    }

    /** Times come back as RFC 3339 text, which keeps all nine decimals (JSON numbers would not). */
    private static List<List<Object>> rows(QueryResult result) {
        List<List<Object>> rows = new ArrayList<>();
        for (QueryResult.Result r : result.getResults()) {
            if (r.getSeries() == null) {
                continue;
            }
            for (QueryResult.Series s : r.getSeries()) {
                rows.addAll(s.getValues());
            }
        }
        return rows;
    }

    @Override
    public void close() {
        rollups.close(); // before the client: it rolls up what is still dirty
        sender.shutdown();
        influx.close();
    }
}
