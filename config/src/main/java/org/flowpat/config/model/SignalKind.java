package org.flowpat.config.model;

/** The role of a signal: read-only measurement or status, writable setpoint or command, or a spectrum (array). */
public enum SignalKind {
    MEASUREMENT, STATUS, SETPOINT, COMMAND, SPECTRUM;

    public boolean writable() {
        return this == SETPOINT || this == COMMAND;
    }
}
