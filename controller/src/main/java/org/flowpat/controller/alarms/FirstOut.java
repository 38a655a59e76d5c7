package org.flowpat.controller.alarms;

/**
 * First-out grouping: annunciated activations within {@code windowNanos} of the previous one belong to the
 * group of the alarm that started it (the first out, most likely the root cause). Not thread-safe.
 */
public final class FirstOut {
    private final long windowNanos;
    private String first = "";
    private long lastActivation;

    public FirstOut(long windowNanos) {
        this.windowNanos = windowNanos;
    }

    /** The id of the first-out alarm of the group this activation joins (its own id if it starts one). */
    public String groupOf(String alarmId, long now) {
        if (first.isEmpty() || now - lastActivation > windowNanos) {
            first = alarmId;
        }
        lastActivation = now;
        return first;
    }
}
