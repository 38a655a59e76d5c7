package org.flowpat.simulator.model;

/** A write the line refuses; the reason maps to an OPC UA status (BadOutOfRange, BadNotWritable, BadNodeIdUnknown). */
public final class SetpointRejectedException extends RuntimeException {
    public enum Reason { OUT_OF_RANGE, NOT_WRITABLE, UNKNOWN_SIGNAL }

    private final Reason reason;

    public SetpointRejectedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
