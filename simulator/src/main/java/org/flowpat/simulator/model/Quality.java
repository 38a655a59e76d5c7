package org.flowpat.simulator.model;

/** Quality of a simulated reading; the OPC UA server maps it to Good / Uncertain / Bad status codes. */
public enum Quality {
    GOOD, UNCERTAIN, BAD
}
