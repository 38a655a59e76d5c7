package org.flowpat.controller.historian;

import org.flowpat.controller.api.AlarmTransition;
import org.flowpat.controller.api.AuditEntry;
import org.flowpat.controller.api.LotRecord;
import org.flowpat.controller.api.LotSignature;
import org.flowpat.controller.api.DiversionCommand;
import org.flowpat.controller.api.Event;
import org.flowpat.controller.api.LineStateChange;
import org.flowpat.controller.api.Sample;
import org.flowpat.controller.api.SpcResult;

import java.time.Duration;
import java.util.List;
import java.util.Map;

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

    /**
     * Journals quality records: {@link SpcResult}, {@link AlarmTransition}, {@link DiversionCommand} and
     * {@link LineStateChange} (see {@link JournalKind}); returns only when the database has them. Idempotent: each
     * record is identified by its kind's keys and time, so a replay leaves one copy.
     *
     * @throws IllegalArgumentException for a record of another type
     */
    void writeJournal(List<?> records) throws HistorianException;

    /**
     * Journaled records of one kind and line whose time lies in the range, ordered by {@link JournalKind#order()}.
     *
     * @param keyFilter further keys of the kind that must match (e.g. {@code cqa}); may be empty
     */
    List<Object> readJournal(JournalKind kind, String line, Map<String, String> keyFilter, long fromNanos, long toNanos)
            throws HistorianException;

    /** The SPC results of one CQA, by sample time. */
    default List<SpcResult> spcResults(String line, String cqa, long fromNanos, long toNanos) throws HistorianException {
        return cast(readJournal(JournalKind.SPC, line, Map.of("cqa", cqa), fromNanos, toNanos), SpcResult.class);
    }

    /** Every alarm state change of a line, by time. */
    default List<AlarmTransition> alarmJournal(String line, long fromNanos, long toNanos) throws HistorianException {
        return cast(readJournal(JournalKind.ALARMS, line, Map.of(), fromNanos, toNanos), AlarmTransition.class);
    }

    /** The diverter commands of a line whose interval starts in the range, by interval start. */
    default List<DiversionCommand> diversions(String line, long fromNanos, long toNanos) throws HistorianException {
        return cast(readJournal(JournalKind.DIVERSIONS, line, Map.of(), fromNanos, toNanos), DiversionCommand.class);
    }

    /** The state changes of a line, by time. */
    default List<LineStateChange> lineStates(String line, long fromNanos, long toNanos) throws HistorianException {
        return cast(readJournal(JournalKind.LINE_STATES, line, Map.of(), fromNanos, toNanos), LineStateChange.class);
    }

    /** The audit chain's entries whose time lies in the range, by time (sort by {@link AuditEntry#seq()} to verify). */
    default List<AuditEntry> auditEntries(long fromNanos, long toNanos) throws HistorianException {
        return cast(readJournal(JournalKind.AUDIT, JournalKind.AUDIT_CHAIN, Map.of(), fromNanos, toNanos), AuditEntry.class);
    }

    /** The lot records of a line that start in the range, by start. */
    default List<LotRecord> lots(String line, long fromNanos, long toNanos) throws HistorianException {
        return cast(readJournal(JournalKind.LOTS, line, Map.of(), fromNanos, toNanos), LotRecord.class);
    }

    /** The signatures given on a line's lots in the range, by time. */
    default List<LotSignature> signatures(String line, long fromNanos, long toNanos) throws HistorianException {
        return cast(readJournal(JournalKind.SIGNATURES, line, Map.of(), fromNanos, toNanos), LotSignature.class);
    }

    private static <T> List<T> cast(List<Object> records, Class<T> type) {
        return records.stream().map(type::cast).toList();
    }

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
