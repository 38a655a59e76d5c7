package org.flowpat.controller.acquisition;

import org.eclipse.milo.opcua.stack.core.StatusCodes;

/** Human-readable OPC UA status codes for logs, events and errors. */
public final class StatusNames {
    private StatusNames() {
    }

    /** E.g. {@code Bad_NodeIdUnknown (0x80340000)}. */
    public static String of(long statusCode) {
        long base = statusCode & 0xFFFF0000L;
        String name = StatusCodes.lookup(base).map(names -> names[0]).orElse("status");
        return name + " (0x" + String.format("%08X", statusCode) + ")";
    }
}
