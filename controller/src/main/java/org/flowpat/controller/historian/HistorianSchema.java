package org.flowpat.controller.historian;

/**
 * Names shared by the InfluxDB and QuestDB schemas (documented in docs/historian.md). A value that is not
 * finite cannot be stored as a number in InfluxDB, so both schemas leave {@link #VALUE} empty and keep the
 * value's text ({@code NaN}, {@code Infinity}, {@code -Infinity}) in {@link #NONFINITE}: flagged, never dropped.
 */
public final class HistorianSchema {
    public static final String SAMPLES = "samples";
    public static final String EVENTS = "events";

    public static final String LINE = "line";
    public static final String SIGNAL = "signal";
    public static final String VALUE = "value";
    public static final String NONFINITE = "nonfinite";
    public static final String STATUS = "status";
    public static final String QUALITY = "quality";

    public static final String KIND = "kind";
    public static final String SIGNALS = "signals";
    public static final String MESSAGE = "message";

    /** Separator of the signal list of an event. Signal references contain no comma. */
    public static final String SIGNAL_SEPARATOR = ",";
    /** Bad samples and non-finite values are kept but left out of trend statistics. */
    public static final String BAD = "BAD";

    private HistorianSchema() {
    }

    /** The text kept for a value that is not finite, or null for a finite one. */
    public static String nonFinite(double value) {
        return Double.isFinite(value) ? null : Double.toString(value);
    }

    public static double valueOf(Double stored, String nonFinite) {
        if (nonFinite != null && !nonFinite.isEmpty()) {
            return Double.parseDouble(nonFinite);
        }
        if (stored == null) {
            throw new IllegalStateException("stored sample has neither a value nor a " + NONFINITE + " marker");
        }
        return stored;
    }

    /** Escapes a string literal for InfluxQL and QuestDB SQL alike: single quotes in single-quoted strings. */
    public static String quoteInflux(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    public static String quoteSql(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
