package org.flowpat.controller.api;

import java.util.List;
import java.util.Objects;

/**
 * Something that happened on a line over an interval, kept in the historian beside the samples: for
 * example a communication gap (kind {@link #COMMUNICATION_GAP}) from the last good read to the first read
 * after it, with the signals that went without data. An event still open carries {@link #OPEN}
 * as its end; writing it again later with its end replaces it, because line, kind and start identify it.
 *
 * @param line        line id, e.g. {@code L1}
 * @param kind        what happened, a short kebab-case word, e.g. {@code communication-gap}
 * @param startNanos  start of the interval, epoch nanoseconds
 * @param endNanos    end of the interval, epoch nanoseconds, or {@link #OPEN}
 * @param signals     the signals concerned (may be empty)
 * @param message     free text for the operator (may be empty)
 */
public record Event(String line, String kind, long startNanos, long endNanos, List<String> signals,
                    String message) {

    public static final String COMMUNICATION_GAP = "communication-gap";
    /** An OPC UA server discarded samples of the signals in the interval (its monitored item queue overflowed). */
    public static final String SAMPLES_DISCARDED = "samples-discarded";
    /** End of an event that has not ended yet. */
    public static final long OPEN = Long.MIN_VALUE;

    public Event {
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(kind, "kind");
        if (line.isBlank() || kind.isBlank()) {
            throw new IllegalArgumentException("event needs a line and a kind, got line='" + line + "' kind='" + kind + "'");
        }
        if (endNanos != OPEN && endNanos < startNanos) {
            throw new IllegalArgumentException("event " + kind + " on " + line + " ends (" + endNanos
                    + ") before it starts (" + startNanos + ")");
        }
        signals = List.copyOf(signals);
        message = message == null ? "" : message;
    }

    public boolean open() {
        return endNanos == OPEN;
    }
}
