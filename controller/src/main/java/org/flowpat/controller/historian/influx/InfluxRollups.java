package org.flowpat.controller.historian.influx;

import org.flowpat.controller.api.Sample;
import org.flowpat.controller.historian.HistorianException;
import org.flowpat.controller.historian.TrendBucket;
import org.flowpat.controller.historian.influx.DirtyMinutes.MinuteRange;
import org.influxdb.dto.QueryResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import static org.flowpat.controller.historian.HistorianSchema.*;
import static org.flowpat.controller.historian.influx.DirtyMinutes.MINUTE;
import static org.flowpat.controller.historian.influx.DirtyMinutes.ceilMinute;
import static org.flowpat.controller.historian.influx.DirtyMinutes.floorMinute;

/**
 * Keeps the measurement {@value #MEASUREMENT} (min, max, sum and count of the usable values of each signal per
 * minute) up to date, computed by InfluxDB itself with {@code SELECT ... INTO}, so trends over hours and days read
 * 60 times fewer points. Every successful write of samples marks the minutes it touched dirty (two longs per
 * write); a daemon thread, started by the first write, rolls up the lowest dirty minutes once they are complete (older than the newest source
 * time written minus {@link Settings#lateness()}). Late or replayed samples dirty their old minutes again, and
 * {@code INTO} overwrites those minutes' points. At start it rolls up from the newest roll-up point (or, with none,
 * from the oldest sample) to the newest sample, so minutes a previous process wrote but never rolled up are covered;
 * stretches without samples are skipped, not queried minute by minute.
 * <p>
 * The roll-ups are trustworthy below the first dirty minute (the {@link #watermark()}). Dirty minutes are rolled up
 * lowest first, so no minute is rolled up before a lower one that is dirty: the newest roll-up point is where a
 * restart must begin. A late sample lowers the watermark at once, before a trend could read a stale minute.
 * <p>
 * A late sample into a minute already rolled up leaves a durable marker too ({@value #STALE}: the stale minutes'
 * range), written with the samples and so before the spool confirms them: a process killed before it rolled that
 * minute up again leaves the marker, and the next start rolls up the marked minutes. Markers are deleted once every
 * minute they mark is rolled up.
 */
public final class InfluxRollups implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(InfluxRollups.class);
    public static final String MEASUREMENT = "samples_1m";
    /** Markers of rolled-up minutes that late samples made stale: time = the first such minute, then how many. */
    static final String STALE = "samples_1m_stale";
    private static final String STALE_MINUTES = "minutes";
    static final String MIN = "min";
    static final String MAX = "max";
    static final String SUM = "sum";
    static final String COUNT = "count";
    /** Minutes per roll-up query: adapted so a query takes about 0.5-2 s of InfluxDB's time. */
    private static final long FIRST_CHUNK_MINUTES = 10;
    private static final long MAX_CHUNK_MINUTES = 60;
    private static final Duration CLOSE_BUDGET = Duration.ofSeconds(5);

    /**
     * @param period   how often the thread rolls up due minutes; zero = only when {@link #rollUpNow()} is called
     * @param lateness how long after a minute's end (in source time) samples may still arrive before it is rolled up
     */
    public record Settings(Duration period, Duration lateness) {
        public static final Settings DEFAULTS = new Settings(Duration.ofSeconds(10), Duration.ofSeconds(10));
        /** No thread: roll-ups only through {@link #rollUpNow()} (benchmarks, tests). */
        public static final Settings MANUAL = new Settings(Duration.ZERO, Duration.ofSeconds(10));

        public Settings {
            if (period.isNegative() || lateness.isNegative()) {
                throw new IllegalArgumentException("roll-up period and lateness must not be negative: " + period + ", " + lateness);
            }
        }
    }

    /** What one roll-up pass did: the minutes its queries spanned (stretches without samples skipped) and how many. */
    public record Pass(long minutes, int queries) {
    }

    /** A span of whole minutes whose roll-ups can answer a trend, {@code [fromNanos, toNanos)}. */
    record Span(long fromNanos, long toNanos) {
    }

    private final InfluxQl ql;
    private final Settings settings;
    /** Sends line protocol to InfluxDB, synchronously (the historian's request path). */
    private final Consumer<String> writer;
    /** The end of the minutes rolled up so far: a sample before it is late. */
    private final AtomicLong rolledUpTo = new AtomicLong(Long.MIN_VALUE);
    /** Guards the markers: writing one and deleting them must not interleave. */
    private final Object markers = new Object();
    /** The end of the latest minute any marker in InfluxDB covers (Long.MIN_VALUE: no marker is known). */
    private long markedTo = Long.MIN_VALUE;
    private final DirtyMinutes dirty = new DirtyMinutes();
    private final ReentrantLock rolling = new ReentrantLock();
    private final AtomicLong newestWritten = new AtomicLong(Long.MIN_VALUE);
    private final ScheduledExecutorService thread;
    private volatile boolean started;
    private final AtomicBoolean scheduling = new AtomicBoolean();
    private volatile boolean closed;
    private long chunkMinutes = FIRST_CHUNK_MINUTES;
    private boolean failing;
    private long passMinutes;
    private int passQueries;

    InfluxRollups(InfluxQl ql, Settings settings, Consumer<String> writer) {
        this.ql = ql;
        this.settings = settings;
        this.writer = writer;
        if (settings.period().isZero()) {
            thread = null;
        } else {
            thread = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "influx-rollups");
                t.setDaemon(true);
                return t;
            });
        }
    }

    /**
     * Called after InfluxDB took these samples: their minutes need (another) roll-up. Samples into minutes already
     * rolled up also get their durable marker, written here; a failure to write it fails like the samples' write.
     */
    void written(List<Sample> samples) {
        if (samples.isEmpty()) {
            return;
        }
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (Sample s : samples) {
            first = Math.min(first, s.sourceTimeNanos());
            last = Math.max(last, s.sourceTimeNanos());
        }
        newestWritten.accumulateAndGet(last, Math::max);
        // Dirty before the marker: a deletion running meanwhile keeps every marker below a dirty minute.
        dirty.addTimes(first, last);
        if (first < rolledUpTo.get()) {
            synchronized (markers) {
                long from = floorMinute(first);
                long to = floorMinute(last) + MINUTE;
                writer.accept(STALE + " " + STALE_MINUTES + "=" + (to - from) / MINUTE + "i " + from);
                markedTo = Math.max(markedTo, to);
            }
        }
        if (thread != null && !closed && !scheduling.get() && scheduling.compareAndSet(false, true)) {
            // Started by the first write: a historian that only reads (audit verify, counting) never rolls up.
            try {
                thread.scheduleWithFixedDelay(this::rollUpDue, 0, settings.period().toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                // closed meanwhile: the write itself succeeded, which is what the caller must hear
            }
        }
    }

    /** Rolls up every dirty minute now, complete or not (a minute written again later is rolled up again). */
    public Pass rollUpNow() throws HistorianException {
        rolling.lock();
        try {
            return rollUp(true, Long.MAX_VALUE, false);
        } finally {
            rolling.unlock();
        }
    }

    /** The thread's work: the minutes that are complete, logging rather than throwing (it tries again next period). */
    private void rollUpDue() {
        if (closed || !rolling.tryLock()) {
            return;
        }
        try {
            rollUp(false, Long.MAX_VALUE, true);
            if (failing) {
                log.info("InfluxDB {}: roll-ups into {} work again", ql.url(), MEASUREMENT);
                failing = false;
            }
        } catch (HistorianException | RuntimeException e) {
            if (!failing) {
                log.warn("InfluxDB {}: roll-up into {} failed, trends read raw samples until it works: {}", ql.url(),
                        MEASUREMENT, e.getMessage());
                failing = true;
            } else {
                log.debug("InfluxDB {}: roll-up failed again: {}", ql.url(), e.getMessage());
            }
        } finally {
            rolling.unlock();
        }
    }

    /**
     * Rolls up dirty minutes, lowest first: all of them, or only the complete ones; until the deadline (the last query
     * may end after it), and for the thread only while not closed. The caller holds {@link #rolling}.
     */
    private Pass rollUp(boolean all, long deadlineNanos, boolean background) throws HistorianException {
        if (!started) {
            start();
        }
        long newest = newestWritten.get();
        long dueBefore = all ? Long.MAX_VALUE
                : newest == Long.MIN_VALUE ? Long.MIN_VALUE : floorMinute(newest - settings.lateness().toNanos());
        passMinutes = 0;
        passQueries = 0;
        MinuteRange range;
        while (goOn(deadlineNanos, background) && (range = dirty.take(dueBefore)) != null) {
            long[] done = {range.fromNanos()};
            try {
                rollUp(range, done, deadlineNanos, background);
            } finally {
                dirty.finish(range, done[0]);
                rolledUpTo.accumulateAndGet(done[0], Math::max);
            }
        }
        deleteObsoleteMarkers();
        return new Pass(passMinutes, passQueries);
    }

    /** Deletes the stale markers once every minute they mark is rolled up (none is dirty below their end). */
    private void deleteObsoleteMarkers() throws HistorianException {
        synchronized (markers) {
            if (markedTo == Long.MIN_VALUE || dirty.lowest() < markedTo) {
                return;
            }
            ql.execute("DELETE FROM \"" + STALE + "\" WHERE time < " + markedTo);
            markedTo = Long.MIN_VALUE;
        }
    }

    private boolean goOn(long deadlineNanos, boolean background) {
        return !(background && closed) && (deadlineNanos == Long.MAX_VALUE || System.nanoTime() < deadlineNanos);
    }

    /**
     * Rolls up a range in chunks, in time order, keeping in {@code done[0]} the end of what is rolled up. Where a chunk
     * held no usable value it first looks for the next sample, so a long stretch without samples costs one query.
     */
    private void rollUp(MinuteRange range, long[] done, long deadlineNanos, boolean background) throws HistorianException {
        boolean seek = true;
        while (done[0] < range.toNanos() && goOn(deadlineNanos, background)) {
            if (seek) {
                Long next = firstSample(done[0], range.toNanos());
                if (next == null) {
                    done[0] = range.toNanos();
                    return;
                }
                done[0] = floorMinute(next);
            }
            long end = Math.min(range.toNanos(), done[0] + chunkMinutes * MINUTE);
            long t0 = System.nanoTime();
            long written = rollUp(done[0], end);
            adaptChunk(System.nanoTime() - t0);
            passMinutes += (end - done[0]) / MINUTE;
            passQueries++;
            done[0] = end;
            seek = written == 0;
        }
    }

    private Long firstSample(long fromNanos, long toNanos) throws HistorianException {
        return time(ql.query("SELECT first(\"" + VALUE + "\") FROM \"" + SAMPLES + "\" WHERE time >= " + fromNanos + " AND time < "
                + toNanos), 0);
    }

    /**
     * One {@code SELECT ... INTO}: InfluxDB computes and stores the minutes itself; a minute without usable values
     * writes nothing. Returns the number of roll-up points written.
     */
    private long rollUp(long fromNanos, long toNanos) throws HistorianException {
        String q = "SELECT min(\"" + VALUE + "\") AS \"" + MIN + "\", max(\"" + VALUE + "\") AS \"" + MAX + "\", sum(\"" + VALUE
                + "\") AS \"" + SUM + "\", count(\"" + VALUE + "\") AS \"" + COUNT + "\" INTO \"" + MEASUREMENT + "\" FROM \""
                + SAMPLES + "\" WHERE \"" + QUALITY + "\" != '" + BAD + "' AND time >= " + fromNanos + " AND time < " + toNanos
                + " GROUP BY time(1m), \"" + LINE + "\", \"" + SIGNAL + "\" fill(none)";
        try {
            List<List<Object>> rows = InfluxQl.rows(ql.execute(q), 0);
            return rows.isEmpty() ? 0 : Math.round(((Number) rows.get(0).get(1)).doubleValue());
        } catch (HistorianException e) {
            // Points older than the retention period are refused; their samples are being dropped as well.
            if (e.getMessage() == null || !e.getMessage().contains("beyond retention policy")) {
                throw e;
            }
            log.info("InfluxDB {}: part of the roll-up of [{}, {}) is beyond the retention period: {}", ql.url(), fromNanos,
                    toNanos, e.getMessage());
            return 0;
        }
    }

    private void adaptChunk(long tookNanos) {
        if (tookNanos < 500_000_000L) {
            chunkMinutes = Math.min(MAX_CHUNK_MINUTES, chunkMinutes * 2);
        } else if (tookNanos > 2_000_000_000L) {
            chunkMinutes = Math.max(1, chunkMinutes / 2);
        }
    }

    /** Finds what a previous process left to roll up; a database that does not exist yet has nothing. */
    private void start() throws HistorianException {
        Long newestRollup;
        try {
            // Alone: with several statements InfluxDB says only "not executed" for a missing database.
            newestRollup = time(ql.query("SELECT last(\"" + COUNT + "\") FROM \"" + MEASUREMENT + "\""), 0);
        } catch (HistorianException e) {
            if (e.getMessage() == null || !e.getMessage().contains(InfluxQl.DATABASE_NOT_FOUND)) {
                throw e;
            }
            started = true;
            return;
        }
        QueryResult r = ql.query("SELECT first(\"" + VALUE + "\") FROM \"" + SAMPLES + "\"; SELECT last(\"" + VALUE + "\") FROM \""
                + SAMPLES + "\"; SELECT \"" + STALE_MINUTES + "\" FROM \"" + STALE + "\"");
        // Minutes a previous process made stale and was killed before it rolled them up again.
        for (List<Object> marker : InfluxQl.rows(r, 2)) {
            long from = InfluxQl.nanos(marker.get(0));
            long to = from + ((Number) marker.get(1)).longValue() * MINUTE; // a count of minutes: exact as a double
            dirty.add(from, to);
            synchronized (markers) {
                markedTo = Math.max(markedTo, to);
            }
        }
        if (newestRollup != null) {
            rolledUpTo.accumulateAndGet(floorMinute(newestRollup), Math::max);
        }
        Long oldestSample = time(r, 0);
        Long newestSample = time(r, 1);
        if (newestSample != null) {
            // The newest roll-up point is recomputed: it may have been rolled up before its minute was complete.
            long from = floorMinute(newestRollup != null ? newestRollup : oldestSample);
            if (newestSample >= from) {
                dirty.add(from, floorMinute(newestSample) + MINUTE);
            }
            newestWritten.accumulateAndGet(newestSample, Math::max);
        }
        started = true;
        log.info("InfluxDB {}: roll-ups into {} started; to roll up: {}", ql.url(), MEASUREMENT, dirty);
    }

    private static Long time(QueryResult r, int statement) {
        List<List<Object>> rows = InfluxQl.rows(r, statement);
        return rows.isEmpty() ? null : InfluxQl.nanos(rows.get(0).get(0));
    }

    /**
     * The whole minutes of {@code [fromNanos, toNanos)} whose roll-ups are complete and current, or null when there
     * are none (before the first start, or everything in the range is dirty).
     */
    Span usable(long fromNanos, long toNanos) {
        if (!started) {
            return null;
        }
        long from = ceilMinute(fromNanos);
        long to = floorMinute(Math.min(toNanos, dirty.lowest()));
        return from < to ? new Span(from, to) : null;
    }

    /**
     * The downsampled trend with the minutes the roll-ups cover read from them (see {@link RollupTrend}), or null when
     * they cover no whole minute of the range: then the raw samples answer alone.
     *
     * @param bucketMillis a whole number of minutes
     */
    List<TrendBucket> downsampled(String line, String signal, long fromNanos, long toNanos, long bucketMillis)
            throws HistorianException {
        if (bucketMillis <= 0 || bucketMillis % 60_000 != 0) {
            throw new IllegalArgumentException("roll-ups answer buckets of whole minutes only, not " + bucketMillis + " ms");
        }
        Span span = usable(fromNanos, toNanos);
        return span == null ? null : RollupTrend.read(ql, line, signal, fromNanos, toNanos, bucketMillis, span);
    }

    /** The first minute whose roll-up is missing or stale ({@link Long#MIN_VALUE} before the start, {@link Long#MAX_VALUE} when none is). */
    public long watermark() {
        return started ? dirty.lowest() : Long.MIN_VALUE;
    }

    /** Stops the thread, then rolls up what is dirty (for a few seconds at most) so the next start finds it done. */
    @Override
    public void close() {
        closed = true;
        if (thread != null) {
            thread.shutdown();
        }
        try {
            if (thread != null) {
                thread.awaitTermination(CLOSE_BUDGET.toMillis(), TimeUnit.MILLISECONDS);
            }
            if (started && !dirty.isEmpty() && rolling.tryLock(CLOSE_BUDGET.toMillis(), TimeUnit.MILLISECONDS)) {
                try {
                    rollUp(true, System.nanoTime() + CLOSE_BUDGET.toNanos(), false);
                } catch (HistorianException | RuntimeException e) {
                    log.warn("InfluxDB {}: last roll-up before closing failed ({}); the next start rolls up from the newest "
                            + "roll-up point", ql.url(), e.getMessage());
                } finally {
                    rolling.unlock();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
