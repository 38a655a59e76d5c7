package org.flowpat.hmi.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private final AtomicLong now = new AtomicLong(1_000);
    private final LoginThrottle throttle = new LoginThrottle(3, Duration.ofSeconds(60), now::get);

    @Test
    void locksAfterTheLimitAndUnlocksWhenTheTimeIsUp() {
        throttle.failed("ada");
        throttle.failed("ada");
        assertEquals(Duration.ZERO, throttle.lockedFor("ada"), "below the limit");
        throttle.failed("ada");
        assertEquals(Duration.ofSeconds(60), throttle.lockedFor("ada"));
        now.addAndGet(Duration.ofSeconds(59).toNanos());
        assertEquals(Duration.ofSeconds(1), throttle.lockedFor("ada"));
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertEquals(Duration.ZERO, throttle.lockedFor("ada"));
        assertEquals(Duration.ZERO, throttle.lockedFor("bob"), "others are never affected");
    }

    @Test
    void aSuccessClearsTheCount() {
        throttle.failed("ada");
        throttle.failed("ada");
        throttle.succeeded("ada");
        throttle.failed("ada");
        throttle.failed("ada");
        assertEquals(Duration.ZERO, throttle.lockedFor("ada"));
    }

    @Test
    void manyDistinctIdsDoNotGrowWithoutBound() {
        for (int i = 0; i < 50_000; i++) {
            throttle.failed("user" + i);
        }
        throttle.failed("last");
        throttle.failed("last");
        throttle.failed("last");
        assertTrue(throttle.lockedFor("last").compareTo(Duration.ZERO) > 0);
        assertThrows(IllegalArgumentException.class, () -> new LoginThrottle(0, Duration.ofSeconds(1), now::get));
    }
}
