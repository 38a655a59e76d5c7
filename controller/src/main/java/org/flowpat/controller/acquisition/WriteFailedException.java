package org.flowpat.controller.acquisition;

/** A setpoint or command write that did not reach the line, naming the signal and why. */
public final class WriteFailedException extends RuntimeException {
    private final String signalRef;
    private final long statusCode;

    public WriteFailedException(String signalRef, long statusCode, String message) {
        super(message);
        this.signalRef = signalRef;
        this.statusCode = statusCode;
    }

    public String signalRef() {
        return signalRef;
    }

    /** The OPC UA status code of the failure (e.g. Bad_OutOfRange), also for PLC writes. */
    public long statusCode() {
        return statusCode;
    }
}
