package org.flowpat.controller.api;

/** The severity part of an OPC UA status code (its two top bits). */
public enum Quality {
    GOOD, UNCERTAIN, BAD;

    public static final long GOOD_CODE = 0x00000000L;
    public static final long UNCERTAIN_CODE = 0x40000000L;
    public static final long BAD_CODE = 0x80000000L;

    public static Quality of(long statusCode) {
        long severity = (statusCode >>> 30) & 0x3;
        return severity == 0 ? GOOD : severity == 1 ? UNCERTAIN : BAD;
    }
}
