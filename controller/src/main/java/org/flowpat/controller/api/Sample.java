package org.flowpat.controller.api;

/**
 * One reading of one signal as it left the line: the value, when the source measured it, when the
 * controller received it, and its OPC UA status code (unsigned 32 bits in a long; PLC reads get Good or
 * the Bad code of the failure). A Bad or NaN sample is still a sample: it is stored and flagged, never dropped.
 *
 * @param line            line id, e.g. {@code L1}
 * @param signal          signal reference {@code UNIT.signal}, e.g. {@code AT1.impurity}
 * @param sourceTimeNanos source timestamp, epoch nanoseconds
 * @param receiveTimeNanos controller receive timestamp, epoch nanoseconds
 */
public record Sample(String line, String signal, double value, long sourceTimeNanos, long receiveTimeNanos,
                     long statusCode) {

    public Quality quality() {
        return Quality.of(statusCode);
    }

    /** Usable for statistics: Good status and a finite value. */
    public boolean usable() {
        return quality() == Quality.GOOD && Double.isFinite(value);
    }
}
