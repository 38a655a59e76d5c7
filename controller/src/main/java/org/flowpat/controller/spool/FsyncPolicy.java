package org.flowpat.controller.spool;

/**
 * When appended records are forced to the disk. Every policy survives a killed process (the write reached
 * the kernel before the append returned); only forcing survives a power loss.
 */
public enum FsyncPolicy {
    /** Force before each append returns: power-loss safe, slowest (one disk flush per record). */
    EVERY_APPEND,
    /** Force every {@link SpoolConfig#fsyncIntervalMillis()}: loses at most that window on power loss. */
    INTERVAL,
    /** Leave it to the operating system. */
    NEVER
}
