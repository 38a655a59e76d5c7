package org.flowpat.controller.acquisition;

import io.vertx.core.Future;

/** Writes setpoints and commands of one line; the control loops and the HMI go through this. */
public interface SignalWriter {
    /**
     * Writes {@code value} to the setpoint or command {@code signalRef} ({@code UNIT.signal}) over OPC UA when the
     * signal is acquired there, else to its PLC tag. Fails with {@link WriteFailedException} naming the signal: an
     * unknown or read-only signal, a value outside the signal's range, a disconnected source or a refusal by it.
     */
    Future<Void> write(String signalRef, double value);
}
