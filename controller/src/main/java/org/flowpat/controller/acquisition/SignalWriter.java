package org.flowpat.controller.acquisition;

import org.eclipse.milo.opcua.stack.core.StatusCodes;
import io.vertx.core.Future;

/** Writes setpoints and commands of one line; the control loops and the HMI go through this. */
public interface SignalWriter {
    /**
     * Writes {@code value} to the setpoint or command {@code signalRef} ({@code UNIT.signal}) over OPC UA when the
     * signal is acquired there, else to its PLC tag. Fails with {@link WriteFailedException} naming the signal: an
     * unknown or read-only signal, a value outside the signal's range, a disconnected source or a refusal by it.
     */
    Future<Void> write(String signalRef, double value);

    /**
     * Writes a text to an OPC UA node of the line's server that is not a plant-file signal (e.g. the analyzer's lot
     * context). Fails with {@link WriteFailedException} when the line has no OPC UA connection or the server refuses.
     */
    default Future<Void> writeText(String nodeId, String text) {
        return Future.failedFuture(new WriteFailedException(nodeId, StatusCodes.Bad_NotSupported,
                "this writer writes numbers to signals only"));
    }
}
