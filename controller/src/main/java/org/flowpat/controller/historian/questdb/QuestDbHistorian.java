package org.flowpat.controller.historian.questdb;

import io.questdb.cairo.CairoEngine;
import io.questdb.cairo.DefaultCairoConfiguration;
import io.questdb.cairo.TableToken;
import io.questdb.cairo.TableWriter;
import io.questdb.cairo.TableWriterAPI;
import io.questdb.cairo.security.AllowAllSecurityContext;
import io.questdb.cairo.sql.Record;
import io.questdb.cairo.sql.RecordCursor;
import io.questdb.cairo.sql.RecordCursorFactory;
import io.questdb.cairo.wal.ApplyWal2TableJob;
import io.questdb.cairo.wal.CheckWalTransactionsJob;
import io.questdb.griffin.SqlException;
import io.questdb.griffin.SqlExecutionContext;
import io.questdb.griffin.SqlExecutionContextImpl;
import io.questdb.std.str.Utf8Sequence;
import org.flowpat.controller.api.Event;
import org.flowpat.controller.api.Quality;
import org.flowpat.controller.api.Sample;
import org.flowpat.controller.historian.Historian;
import org.flowpat.controller.historian.HistorianException;
import org.flowpat.controller.historian.JournalKind;
import org.flowpat.controller.historian.TrendBucket;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.flowpat.controller.historian.HistorianSchema.*;

/**
 * The historian in an embedded QuestDB (in-process, files under {@code <dataDir>/questdb}): the default
 * when no InfluxDB is configured.
 * <p>
 * Tables {@code samples (ts TIMESTAMP_NS, line SYMBOL, signal SYMBOL, value DOUBLE, nonfinite SYMBOL,
 * status LONG, quality SYMBOL, receive_ns TIMESTAMP_NS)} and {@code events (ts TIMESTAMP_NS, line SYMBOL,
 * kind SYMBOL, end_ns TIMESTAMP_NS, signals VARCHAR, message VARCHAR)}, both WAL tables partitioned by day with
 * DEDUP UPSERT KEYS on (ts, line, signal) and (ts, line, kind): a replayed write leaves one row. The quality
 * journal: one such table per {@link JournalKind}, deduplicated on ts and the kind's keys.
 * <p>
 * The bare engine schedules no background jobs, so this class applies the WAL itself after each commit (and
 * at start-up, for commits made before a crash) so that a write is visible to reads when it returns.
 */
public final class QuestDbHistorian implements Historian {
    private static final String WRITER_NAME = "flowpat-historian";
    private static final int MAX_APPLY_ROUNDS = 10_000;

    private final Path directory;
    private final CairoEngine engine;
    private final ApplyWal2TableJob applyJob;
    private final TableToken samplesTable;
    private final TableToken eventsTable;
    private final Map<JournalKind, TableToken> journalTables = new EnumMap<>(JournalKind.class);
    private final Object writeLock = new Object();

    private QuestDbHistorian(Path directory, CairoEngine engine) throws SqlException {
        this.directory = directory;
        this.engine = engine;
        try (SqlExecutionContext ctx = context()) {
            engine.execute("CREATE TABLE IF NOT EXISTS " + SAMPLES + " (ts TIMESTAMP_NS, " + LINE + " SYMBOL, " + SIGNAL
                    + " SYMBOL, " + VALUE + " DOUBLE, " + NONFINITE + " SYMBOL, " + STATUS + " LONG, " + QUALITY
                    + " SYMBOL, receive_ns TIMESTAMP_NS) TIMESTAMP(ts) PARTITION BY DAY WAL DEDUP UPSERT KEYS(ts, "
                    + LINE + ", " + SIGNAL + ")", ctx);
            engine.execute("CREATE TABLE IF NOT EXISTS " + EVENTS + " (ts TIMESTAMP_NS, " + LINE + " SYMBOL, " + KIND
                    + " SYMBOL, end_ns TIMESTAMP_NS, " + SIGNALS + " VARCHAR, " + MESSAGE + " VARCHAR) TIMESTAMP(ts) "
                    + "PARTITION BY DAY WAL DEDUP UPSERT KEYS(ts, " + LINE + ", " + KIND + ")", ctx);
            for (JournalKind kind : JournalKind.values()) {
                engine.execute(journalTableSql(kind), ctx);
            }
        }
        for (JournalKind kind : JournalKind.values()) {
            journalTables.put(kind, engine.verifyTableName(kind.table()));
        }
        this.samplesTable = engine.verifyTableName(SAMPLES);
        this.eventsTable = engine.verifyTableName(EVENTS);
        this.applyJob = new ApplyWal2TableJob(engine, 0);
        // Commits made before a crash or a kill are published now.
        new CheckWalTransactionsJob(engine).run(0);
        applyWal();
    }

    /** Opens (or creates) the historian under {@code dataDir/questdb}. */
    public static QuestDbHistorian open(Path dataDir) throws IOException {
        Path root = dataDir.resolve("questdb");
        QuestDbSetup.prepare(root);
        Path db = root.resolve("db");
        Files.createDirectories(db);
        CairoEngine engine = new CairoEngine(new DefaultCairoConfiguration(db.toString()));
        try {
            engine.load();
            // Without this, tables created in an earlier run are missing from the metadata after a restart.
            engine.getMetadataCache().onStartupAsyncHydrator();
            return new QuestDbHistorian(root, engine);
        } catch (SqlException | RuntimeException e) {
            engine.close();
            throw new IOException("embedded QuestDB in " + db + " failed to open: " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return "embedded QuestDB " + directory;
    }

    @Override
    public void write(List<Sample> samples, List<Event> events) throws HistorianException {
        synchronized (writeLock) {
            try {
                if (!samples.isEmpty()) {
                    writeSamples(samples);
                }
                if (!events.isEmpty()) {
                    writeEvents(events);
                }
                applyWal();
            } catch (RuntimeException e) {
                throw new HistorianException("embedded QuestDB " + directory + " did not take the write of " + samples.size()
                        + " samples and " + events.size() + " events: " + e.getMessage(), e);
            }
        }
    }

    private void writeSamples(List<Sample> samples) {
        try (TableWriterAPI w = engine.getTableWriterAPI(samplesTable, WRITER_NAME)) {
            for (Sample s : samples) {
                TableWriter.Row r = w.newRow(s.sourceTimeNanos());
                r.putSym(1, s.line());
                r.putSym(2, s.signal());
                String nonFinite = nonFinite(s.value());
                if (nonFinite == null) {
                    r.putDouble(3, s.value());
                } else {
                    r.putSym(4, nonFinite);
                }
                r.putLong(5, s.statusCode());
                r.putSym(6, s.quality().name());
                r.putTimestamp(7, s.receiveTimeNanos());
                r.append();
            }
            w.commit();
        }
    }

    private void writeEvents(List<Event> events) {
        try (TableWriterAPI w = engine.getTableWriterAPI(eventsTable, WRITER_NAME)) {
            for (Event e : events) {
                TableWriter.Row r = w.newRow(e.startNanos());
                r.putSym(1, e.line());
                r.putSym(2, e.kind());
                if (!e.open()) {
                    r.putTimestamp(3, e.endNanos());
                }
                r.putVarchar(4, new io.questdb.std.str.Utf8String(String.join(SIGNAL_SEPARATOR, e.signals())));
                r.putVarchar(5, new io.questdb.std.str.Utf8String(e.message()));
                r.append();
            }
            w.commit();
        }
    }

    /** {@code ts}, the keys as symbols, the numbers as doubles, the record as JSON; deduplicated on ts and the keys. */
    private static String journalTableSql(JournalKind kind) {
        StringBuilder sql = new StringBuilder("CREATE TABLE IF NOT EXISTS " + kind.table() + " (ts TIMESTAMP_NS");
        for (String key : kind.keys()) {
            sql.append(", ").append(key).append(" SYMBOL");
        }
        for (String number : kind.numberColumns()) {
            sql.append(", ").append(number).append(" DOUBLE");
        }
        sql.append(", ").append(JournalKind.JSON).append(" VARCHAR) TIMESTAMP(ts) PARTITION BY DAY WAL DEDUP UPSERT KEYS(ts, ")
                .append(String.join(", ", kind.keys())).append(")");
        return sql.toString();
    }

    @Override
    public void writeJournal(List<?> records) throws HistorianException {
        if (records.isEmpty()) {
            return;
        }
        Map<JournalKind, List<Object>> byKind = new EnumMap<>(JournalKind.class);
        for (Object r : records) {
            byKind.computeIfAbsent(JournalKind.of(r), k -> new ArrayList<>()).add(r);
        }
        synchronized (writeLock) {
            try {
                for (Map.Entry<JournalKind, List<Object>> e : byKind.entrySet()) {
                    writeJournal(e.getKey(), e.getValue());
                }
                applyWal();
            } catch (RuntimeException e) {
                throw new HistorianException("embedded QuestDB " + directory + " did not take the write of " + records.size()
                        + " journal records: " + e.getMessage(), e);
            }
        }
    }

    private void writeJournal(JournalKind kind, List<Object> records) {
        int keys = kind.keys().size();
        int numbers = kind.numberColumns().size();
        try (TableWriterAPI w = engine.getTableWriterAPI(journalTables.get(kind), WRITER_NAME)) {
            for (Object record : records) {
                TableWriter.Row r = w.newRow(kind.timeOf(record));
                List<String> keyValues = kind.keyValuesOf(record);
                for (int i = 0; i < keys; i++) {
                    r.putSym(1 + i, keyValues.get(i));
                }
                double[] values = kind.numbersOf(record);
                for (int i = 0; i < numbers; i++) {
                    if (Double.isFinite(values[i])) {
                        r.putDouble(1 + keys + i, values[i]);
                    }
                }
                r.putVarchar(1 + keys + numbers, new io.questdb.std.str.Utf8String(kind.jsonOf(record)));
                r.append();
            }
            w.commit();
        }
    }

    @Override
    public List<Object> readJournal(JournalKind kind, String line, Map<String, String> keyFilter, long fromNanos, long toNanos)
            throws HistorianException {
        StringBuilder q = new StringBuilder("SELECT " + JournalKind.JSON + " FROM " + kind.table() + " WHERE " + LINE + " = "
                + quoteSql(line));
        keyFilter.forEach((key, value) -> {
            if (!kind.keys().contains(key)) {
                throw new IllegalArgumentException(kind.table() + " has no key '" + key + "'; its keys are " + kind.keys());
            }
            q.append(" AND ").append(key).append(" = ").append(quoteSql(value));
        });
        q.append(" AND ").append(range(fromNanos, toNanos));
        List<Object> out = new ArrayList<>(select(q.toString(), r -> kind.fromJson(text(r.getVarcharA(0)))));
        out.sort(kind.order());
        return out;
    }

    /** Applies committed WAL transactions to the tables, so that reads see them. */
    private void applyWal() {
        for (int i = 0; i < MAX_APPLY_ROUNDS && applyJob.run(0); i++) {
            // run() returns false when there is nothing left to apply
        }
    }

    @Override
    public List<Sample> raw(String line, String signal, long fromNanos, long toNanos) throws HistorianException {
        String q = "SELECT ts, " + VALUE + ", " + NONFINITE + ", " + STATUS + ", receive_ns FROM " + SAMPLES + " WHERE "
                + seriesAndRange(line, signal, fromNanos, toNanos) + " ORDER BY ts";
        return select(q, r -> {
            CharSequence nf = r.getSymA(2);
            double value = nf != null ? Double.parseDouble(nf.toString()) : r.getDouble(1);
            return new Sample(line, signal, value, r.getTimestamp(0), r.getTimestamp(4), r.getLong(3));
        });
    }

    @Override
    public List<TrendBucket> downsampled(String line, String signal, long fromNanos, long toNanos, Duration bucket)
            throws HistorianException {
        long ms = Historian.bucketMillis(bucket);
        // Non-finite values are stored as null, which the aggregates skip. SAMPLE BY with a bucket dividing a
        // day aligns to the epoch, as InfluxDB's GROUP BY time does.
        String q = "SELECT ts, min(" + VALUE + "), avg(" + VALUE + "), max(" + VALUE + "), count(" + VALUE + ") FROM " + SAMPLES
                + " WHERE " + seriesAndRange(line, signal, fromNanos, toNanos) + " AND " + QUALITY + " != '" + BAD
                + "' AND " + VALUE + " != null SAMPLE BY " + ms + "T ALIGN TO CALENDAR ORDER BY ts";
        return select(q, r -> new TrendBucket(r.getTimestamp(0), r.getDouble(1), r.getDouble(2), r.getDouble(3), r.getLong(4)));
    }

    @Override
    public List<Event> events(String line, long fromNanos, long toNanos) throws HistorianException {
        String q = "SELECT ts, " + KIND + ", end_ns, " + SIGNALS + ", " + MESSAGE + " FROM " + EVENTS + " WHERE " + LINE + " = "
                + quoteSql(line) + " AND " + range(fromNanos, toNanos) + " ORDER BY ts";
        return select(q, r -> {
            long end = r.getTimestamp(2);
            String signals = text(r.getVarcharA(3));
            return new Event(line, r.getSymA(1).toString(), r.getTimestamp(0), end == Long.MIN_VALUE ? Event.OPEN : end,
                    signals.isEmpty() ? List.of() : Arrays.asList(signals.split(SIGNAL_SEPARATOR)), text(r.getVarcharA(4)));
        });
    }

    @Override
    public long countSamples(String line, long fromNanos, long toNanos) throws HistorianException {
        String q = "SELECT count() FROM " + SAMPLES + " WHERE " + LINE + " = " + quoteSql(line) + " AND " + range(fromNanos, toNanos);
        List<Long> n = select(q, r -> r.getLong(0));
        return n.isEmpty() ? 0 : n.get(0);
    }

    private static String seriesAndRange(String line, String signal, long fromNanos, long toNanos) {
        return LINE + " = " + quoteSql(line) + " AND " + SIGNAL + " = " + quoteSql(signal) + " AND " + range(fromNanos, toNanos);
    }

    private static String range(long fromNanos, long toNanos) {
        return "ts >= " + literal(fromNanos) + " AND ts < " + literal(toNanos);
    }

    /** A nanosecond timestamp literal: ISO text with nine decimals. */
    private static String literal(long nanos) {
        Instant t = Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
        return "'" + java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'")
                .withZone(java.time.ZoneOffset.UTC).format(t) + "'";
    }

    private static String text(Utf8Sequence s) {
        return s == null ? "" : s.toString();
    }

    private <T> List<T> select(String sql, Function<Record, T> mapper) throws HistorianException {
        List<T> out = new ArrayList<>();
        try (SqlExecutionContext ctx = context();
             RecordCursorFactory factory = engine.select(sql, ctx);
             RecordCursor cursor = factory.getCursor(ctx)) {
            Record r = cursor.getRecord();
            while (cursor.hasNext()) {
                out.add(mapper.apply(r));
            }
        } catch (SqlException | RuntimeException e) {
            throw new HistorianException("embedded QuestDB " + directory + " query failed: " + e.getMessage() + " [" + sql + "]", e);
        }
        return out;
    }

    private SqlExecutionContextImpl context() {
        return new SqlExecutionContextImpl(engine, 1).with(AllowAllSecurityContext.INSTANCE);
    }

    @Override
    public void close() {
        synchronized (writeLock) {
            applyJob.close();
            engine.close();
        }
    }
}
