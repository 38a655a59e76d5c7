package org.flowpat.controller.historian;

import org.flowpat.controller.api.Event;
import org.flowpat.controller.api.Sample;

import java.time.Duration;
import java.util.List;

/**
 * The plant historian: where every sample and event is kept, and where trends are read back. Implemented
 * by InfluxDB ({@code influx.InfluxHistorian}) and by the embedded QuestDB ({@code questdb.QuestDbHistorian}),
 * with the same results for the same data. Time ranges are half-open, {@code [fromNanos, toNanos)}, in
 * epoch nanoseconds.
 */
public interface Historian extends AutoCloseable {

    /**
     * Stores samples and events; returns only when the database has them. Idempotent: a sample is identified
     * by (line, signal, source time) and an event by (line, kind, start), so writing the same data again
     * (a replay after a crash) leaves one copy.
     *
     * @throws HistorianException when the database did not take the write (it may or may not hold part of it)
     */
    void write(List<Sample> samples, List<Event> events) throws HistorianException;

    /** Every stored sample of one signal in the range, in time order, with its status; NaN values come back as NaN. */
    List<Sample> raw(String line, String signal, long fromNanos, long toNanos) throws HistorianException;

    /**
     * Min, mean and max per bucket of the usable values (finite and not Bad) of one signal; buckets are
     * aligned to the epoch, empty buckets are left out.
     *
     * @param bucket a whole number of milliseconds that divides one day
     */
    List<TrendBucket> downsampled(String line, String signal, long fromNanos, long toNanos, Duration bucket)
            throws HistorianException;

    /** Events of one line that start in the range, in time order. */
    List<Event> events(String line, long fromNanos, long toNanos) throws HistorianException;

    /** How many samples of one line (all signals) are stored in the range. */
    long countSamples(String line, long fromNanos, long toNanos) throws HistorianException;

    /** A short description for logs, e.g. the database URL. */
    String describe();

    @Override
    void close();

    /** Checks a trend bucket width and returns it in milliseconds. */
    static long bucketMillis(Duration bucket) {
        long ms = bucket.toMillis();
        if (ms <= 0 || !bucket.equals(Duration.ofMillis(ms)) || Duration.ofDays(1).toMillis() % ms != 0) {
            throw new IllegalArgumentException("trend bucket must be a whole number of milliseconds dividing one day, got " + bucket);
        }
        return ms;
    }
}
