package org.flowpat.hmi.auth;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Locks a login id after repeated failed passwords: {@code maxFailures} failures in a row lock it for
 * {@code lockout}; a success clears the count. In memory only (a restart forgets), bounded in size.
 * Thread-safe; the clock is injectable for tests.
 */
public final class LoginThrottle {
    private static final int MAX_TRACKED = 10_000;

    private final int maxFailures;
    private final long lockoutNanos;
    private final LongSupplier clock;
    private final Map<String, Failures> failures = new HashMap<>();

    private static final class Failures {
        int count;
        long lockedUntil;
    }

    public LoginThrottle(int maxFailures, Duration lockout, LongSupplier nanoClock) {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures must be at least 1, got " + maxFailures);
        }
        this.maxFailures = maxFailures;
        this.lockoutNanos = lockout.toNanos();
        this.clock = nanoClock;
    }

    /** Remaining lock time, zero when the id may try. */
    public synchronized Duration lockedFor(String id) {
        Failures f = failures.get(id);
        if (f == null) {
            return Duration.ZERO;
        }
        long left = f.lockedUntil - clock.getAsLong();
        return left > 0 ? Duration.ofNanos(left) : Duration.ZERO;
    }

    public synchronized void failed(String id) {
        if (failures.size() >= MAX_TRACKED && !failures.containsKey(id)) {
            long now = clock.getAsLong();
            failures.values().removeIf(f -> f.lockedUntil - now <= 0); // forget what no longer locks anyone
            if (failures.size() >= MAX_TRACKED) {
                failures.clear();
            }
        }
        Failures f = failures.computeIfAbsent(id, k -> new Failures());
        if (++f.count >= maxFailures) {
            f.lockedUntil = clock.getAsLong() + lockoutNanos;
            f.count = 0;
        }
    }

    public synchronized void succeeded(String id) {
        failures.remove(id);
    }
}
