package org.flowpat.app.bench;

import java.time.Instant;

/** Epoch nanoseconds from the wall clock (microsecond resolution on Linux): comparable with samples' source times. */
final class WallClock {
    private WallClock() {
    }

    static long nowNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
