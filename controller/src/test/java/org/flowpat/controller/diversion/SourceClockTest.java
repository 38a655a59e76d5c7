package org.flowpat.controller.diversion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SourceClockTest {
    private final AtomicLong wall = new AtomicLong(1_000);
    private final SourceClock clock = new SourceClock(wall::get);

    @Test
    void followsTheWallClockUntilDataArrives() {
        assertEquals(1_000, clock.getAsLong());
        wall.set(1_500);
        assertEquals(1_500, clock.getAsLong());
    }

    @Test
    void followsTheNewestSourceTimeAndAdvancesWithTheWallBetweenSamples() {
        clock.observe(90_000);              // a line running ahead of the host clock (simulated faster than real time)
        assertEquals(90_000, clock.getAsLong());
        wall.addAndGet(200);
        assertEquals(90_200, clock.getAsLong(), "time goes on during a gap");
        clock.observe(80_000);              // an older sample does not move the clock back
        assertEquals(90_200, clock.getAsLong());
    }

    @Test
    void neverGoesBackWhenTheDataRunsSlowerThanTheWall() {
        clock.observe(10_000);
        wall.addAndGet(5_000);
        assertEquals(15_000, clock.getAsLong());
        clock.observe(12_000);              // the next sample is older than the extrapolated time
        assertEquals(15_000, clock.getAsLong());
        wall.addAndGet(4_000);
        assertEquals(16_000, clock.getAsLong());
    }
}
