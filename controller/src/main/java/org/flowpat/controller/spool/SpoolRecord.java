package org.flowpat.controller.spool;

/** One appended record as read back: its sequence number (1, 2, 3 ... never reused) and payload. */
public record SpoolRecord(long sequence, byte[] payload) {
}
