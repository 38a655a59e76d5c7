package org.flowpat.controller.acquisition;

import java.time.Duration;

/** Exponential retry delays: initial, doubled per failed attempt, capped at max. */
public record Backoff(Duration initial, Duration max) {
    public Backoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max, got " + initial + " and " + max);
        }
    }

    /** Delay before retry number {@code attempt} (0 = the first retry). */
    public long delayMillis(int attempt) {
        long delay = initial.toMillis() << Math.min(attempt, 30);
        return delay <= 0 ? max.toMillis() : Math.min(delay, max.toMillis());
    }
}
