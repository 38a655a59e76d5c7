package org.flowpat.controller.historian;

import org.flowpat.controller.api.AlarmTransition;
import org.flowpat.controller.api.AuditEntry;
import org.flowpat.controller.api.LotRecord;
import org.flowpat.controller.api.LotSignature;
import org.flowpat.controller.api.DiversionCommand;
import org.flowpat.controller.api.LineStateChange;
import org.flowpat.controller.api.SpcResult;
import org.flowpat.controller.api.codec.JournalJson;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The journaled quality records and their place in the historian (documented in docs/historian.md). Each kind is
 * one InfluxDB measurement and one QuestDB table with the same names: the time, the identifying keys (InfluxDB
 * tags, QuestDB SYMBOL columns and DEDUP UPSERT KEYS, so a replay leaves one copy), a few numbers for queries and
 * dashboards (InfluxDB float fields, absent when not finite; QuestDB DOUBLE columns, null then), and the whole
 * record as JSON in {@link #JSON}, which is what the read methods return, so a record reads back exactly.
 */
public enum JournalKind {
    /** An SPC result per CQA sample, identified by (line, cqa, time). */
    SPC("spc", SpcResult.class, r -> ((SpcResult) r).timeNanos(), List.of("line", "cqa"),
            r -> List.of(((SpcResult) r).line(), ((SpcResult) r).cqa()),
            List.of("value", "center", "sigma", "ewma", "cusum_upper", "cusum_lower", "signalled"),
            r -> {
                SpcResult s = (SpcResult) r;
                return new double[]{s.value(), s.center(), s.sigma(), s.ewma(), s.cusumUpper(), s.cusumLower(),
                    s.signalled() ? 1 : 0};
            }),
    /** An alarm's state change, identified by (line, alarm id, time, new state). */
    ALARMS("alarms", AlarmTransition.class, r -> ((AlarmTransition) r).timeNanos(), List.of("line", "alarm_id", "to_state"),
            r -> List.of(((AlarmTransition) r).line(), ((AlarmTransition) r).alarmId(), ((AlarmTransition) r).to().name()),
            List.of("value"), r -> new double[]{((AlarmTransition) r).value()}),
    /**
     * A diverter command, identified by (line, interval start, position): the WASTE command that opens an interval
     * and the PRODUCT command that closes it are two rows; a WASTE command sent again with a new planned end
     * replaces the first.
     */
    DIVERSIONS("diversions", DiversionCommand.class, r -> ((DiversionCommand) r).fromNanos(), List.of("line", "position"),
            r -> List.of(((DiversionCommand) r).line(), ((DiversionCommand) r).position().name()),
            List.of("duration_ns", "diverted_mass_g", "minimal_mass_g"),
            r -> {
                DiversionCommand d = (DiversionCommand) r;
                return new double[]{d.untilNanos() - d.fromNanos(), d.divertedMassG(), d.minimalMassG()};
            }),
    /** A line state change, identified by (line, time, new state). */
    LINE_STATES("line_states", LineStateChange.class, r -> ((LineStateChange) r).timeNanos(), List.of("line", "to_state"),
            r -> List.of(((LineStateChange) r).line(), ((LineStateChange) r).to().name()),
            List.of(), r -> new double[0]),
    /**
     * An audit-trail entry, identified by its sequence number in the one chain of the plant (the pseudo-line
     * {@link #AUDIT_CHAIN}), so that the whole chain reads back with one query.
     */
    // the first key is "line" (as for every kind: the read methods filter on it), holding AUDIT_CHAIN
    AUDIT("audit", AuditEntry.class, r -> ((AuditEntry) r).timeNanos(), List.of("line", "seq"),
            r -> List.of(JournalKind.AUDIT_CHAIN, Long.toString(((AuditEntry) r).seq())), List.of(), r -> new double[0]),
    /**
     * A lot record, identified by (line, lot id) at the lot's start: the snapshot written when the lot opens is
     * replaced by the record written when it closes.
     */
    LOTS("lots", LotRecord.class, r -> ((LotRecord) r).startNanos(), List.of("line", "lot_id"),
            r -> List.of(((LotRecord) r).line(), ((LotRecord) r).id()),
            List.of("product_mass_g", "diverted_mass_g", "completeness"),
            r -> {
                LotRecord l = (LotRecord) r;
                return new double[]{l.productMassG(), l.divertedMassG(),
                    l.completeness() == null ? Double.NaN : l.completeness().share()};
            }),
    /** An electronic signature of a lot, identified by (line, lot id, signature id) at the signing time. */
    SIGNATURES("signatures", LotSignature.class, r -> ((LotSignature) r).timeNanos(), List.of("line", "lot_id", "signature_id"),
            r -> List.of(((LotSignature) r).line(), ((LotSignature) r).lotId(), ((LotSignature) r).id()),
            List.of(), r -> new double[0]);

    /** The "line" key under which the plant's one audit chain is journaled. */
    public static final String AUDIT_CHAIN = "audit";

    /** The field / column holding the whole record as JSON. */
    public static final String JSON = "json";

    private final String table;
    private final Class<?> type;
    private final ToLongFunction<Object> time;
    private final List<String> keys;
    private final Function<Object, List<String>> keyValues;
    private final List<String> numberColumns;
    private final Function<Object, double[]> numbers;

    JournalKind(String table, Class<?> type, ToLongFunction<Object> time, List<String> keys,
                Function<Object, List<String>> keyValues, List<String> numberColumns, Function<Object, double[]> numbers) {
        this.table = table;
        this.type = type;
        this.time = time;
        this.keys = keys;
        this.keyValues = keyValues;
        this.numberColumns = numberColumns;
        this.numbers = numbers;
    }

    /** The measurement and table name. */
    public String table() {
        return table;
    }

    public Class<?> type() {
        return type;
    }

    /** Names of the identifying keys besides the time (InfluxDB tags, QuestDB SYMBOL columns); the first is the line. */
    public List<String> keys() {
        return keys;
    }

    /** Names of the numeric columns, in a fixed order. */
    public List<String> numberColumns() {
        return numberColumns;
    }

    public long timeOf(Object record) {
        return time.applyAsLong(record);
    }

    /** Values of {@link #keys()} for a record; never empty strings (InfluxDB cannot store empty tags). */
    public List<String> keyValuesOf(Object record) {
        List<String> values = keyValues.apply(record);
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null || values.get(i).isEmpty()) {
                throw new IllegalArgumentException(type.getSimpleName() + " has an empty " + keys.get(i) + ": " + record);
            }
        }
        return values;
    }

    /** The numeric columns of a record, in {@link #numberColumns()} order; values may be NaN. */
    public double[] numbersOf(Object record) {
        return numbers.apply(record);
    }

    public String jsonOf(Object record) {
        return JournalJson.toText(record);
    }

    public Object fromJson(String json) {
        return JournalJson.read(json, type);
    }

    /** The kind of a journaled record. */
    public static JournalKind of(Object record) {
        for (JournalKind k : values()) {
            if (k.type.isInstance(record)) {
                return k;
            }
        }
        throw new IllegalArgumentException("the historian journals SpcResult, AlarmTransition, DiversionCommand, "
                + "LineStateChange, AuditEntry, LotRecord and LotSignature records, not " + (record == null ? "null" : record.getClass().getName()));
    }

    /**
     * The order reads return: by time, then by keys. Both databases sort by time only, and records of one time
     * (two alarms changing together) would otherwise come back in an order that depends on the database.
     */
    public Comparator<Object> order() {
        return Comparator.comparingLong(this::timeOf).thenComparing(r -> String.join("\u0000", keyValuesOf(r)));
    }
}
