package org.flowpat.controller.api;

/**
 * A change of a line's PackML state. {@code by} is the user who commanded it, {@code interlock:<id>} when an
 * interlock forced it, or {@code system} when an acting state completed.
 */
public record LineStateChange(String line, LineState from, LineState to, String command, String by, long timeNanos,
                              String reason) {
    public LineStateChange {
        reason = reason == null ? "" : reason;
    }
}
