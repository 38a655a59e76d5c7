package org.flowpat.controller.acquisition;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * Finds communication gaps of one data path: the interval from the last data received before the connection was
 * lost to the first new data received after it came back. Thread-safe (connection and data callbacks arrive on
 * different threads).
 */
final class GapTracker {
    /** A closed gap, epoch nanoseconds. */
    record Gap(long startNanos, long endNanos) {
    }

    private long lastDataNanos = Long.MIN_VALUE;
    private boolean lost;

    /**
     * Data arrived with these source times (the first {@code count} entries); returns the gap it closes, if the
     * connection had been lost and data had flowed before. Only data newer than the gap's start closes it: a new
     * subscription first repeats the current values, some of them older than the outage.
     */
    synchronized Optional<Gap> dataReceived(long[] sourceNanos, int count) {
        long newest = Long.MIN_VALUE;
        long firstNew = Long.MAX_VALUE;
        for (int i = 0; i < count; i++) {
            newest = Math.max(newest, sourceNanos[i]);
            if (sourceNanos[i] > lastDataNanos) {
                firstNew = Math.min(firstNew, sourceNanos[i]);
            }
        }
        Optional<Gap> closed = Optional.empty();
        if (lost && lastDataNanos == Long.MIN_VALUE && count > 0) {
            lost = false;
        } else if (lost && firstNew != Long.MAX_VALUE) {
            lost = false;
            closed = Optional.of(new Gap(lastDataNanos, firstNew));
        }
        lastDataNanos = Math.max(lastDataNanos, newest);
        return closed;
    }

    /**
     * The connection was lost; returns the gap's start (the last data time) the first time it is called per outage,
     * empty on repeated calls or when no data had ever arrived (nothing to mark yet).
     */
    synchronized OptionalLong connectionLost() {
        if (lost) {
            return OptionalLong.empty();
        }
        lost = true;
        return lastDataNanos == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(lastDataNanos);
    }

    synchronized boolean isLost() {
        return lost;
    }
}
