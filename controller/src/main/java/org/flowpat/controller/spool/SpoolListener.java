package org.flowpat.controller.spool;

/** Told when the spool's fill level crosses its alarm threshold, either way. Called outside the spool's lock. */
@FunctionalInterface
public interface SpoolListener {
    SpoolListener NONE = (raised, bytes, capacity) -> { };

    void alarm(boolean raised, long spoolBytes, long capacityBytes);
}
