package org.flowpat.hmi.api;

/**
 * A request the server refuses on purpose: the HTTP status, a message for people and, for bad input, the field
 * at fault. The failure handler turns it into {@code {"error": ..., "field": ...}}.
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String field;

    public ApiException(int status, String field, String message) {
        super(message, null, false, false); // an expected outcome: no stack trace needed
        this.status = status;
        this.field = field;
    }

    public static ApiException badField(String field, String message) {
        return new ApiException(400, field, field + ": " + message);
    }

    public int status() {
        return status;
    }

    /** The offending field, or null. */
    public String field() {
        return field;
    }
}
