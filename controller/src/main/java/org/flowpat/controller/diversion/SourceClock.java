package org.flowpat.controller.diversion;

import java.util.function.LongSupplier;

/**
 * The time of the data rather than of the controller's host: the newest source timestamp seen, advancing with
 * the wall clock between samples (so windows still close during a communication gap), and never going back.
 * Decisions about material (diversion windows, start-up) must run on this clock: a simulated line faster than
 * real time, or a PLC whose clock is off, would otherwise see its material arrive at the wrong moment.
 */
public final class SourceClock implements LongSupplier {
    private final LongSupplier wallNanos;
    private long newestSource = Long.MIN_VALUE;
    private long seenAtWall;
    private long lastAnswer = Long.MIN_VALUE;

    public SourceClock(LongSupplier wallNanos) {
        this.wallNanos = wallNanos;
    }

    public static SourceClock wall() {
        return new SourceClock(() -> System.currentTimeMillis() * 1_000_000L);
    }

    public synchronized void observe(long sourceNanos) {
        if (sourceNanos > newestSource) {
            newestSource = sourceNanos;
            seenAtWall = wallNanos.getAsLong();
        }
    }

    @Override
    public synchronized long getAsLong() {
        long wall = wallNanos.getAsLong();
        long now = newestSource == Long.MIN_VALUE ? wall : newestSource + Math.max(0, wall - seenAtWall);
        lastAnswer = Math.max(lastAnswer, now);
        return lastAnswer;
    }
}
