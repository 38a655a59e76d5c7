package org.flowpat.controller.acquisition;

/**
 * Which path reads a signal that has both an OPC UA node and a PLC tag. Each signal is acquired over exactly one
 * path: two paths would put two interleaved series with different clocks under one signal name.
 */
public enum SourcePreference {
    /** OPC UA for every signal with a nodeId; PLC polling only for signals that have just a plcTag (the default). */
    OPC_UA,
    /** PLC polling for every signal with a plcTag; OPC UA for the rest. */
    PLC
}
