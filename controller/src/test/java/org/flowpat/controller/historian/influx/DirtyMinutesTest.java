package org.flowpat.controller.historian.influx;

import org.flowpat.controller.historian.influx.DirtyMinutes.MinuteRange;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.flowpat.controller.historian.influx.DirtyMinutes.MINUTE;
import static org.junit.jupiter.api.Assertions.*;

/** The bookkeeping of which minutes need (another) roll-up. */
class DirtyMinutesTest {
    private static final long T0 = 29_383_333L * MINUTE; // a whole minute in 2025

    private static long minute(long n) {
        return T0 + n * MINUTE;
    }

    @Test
    void sampleTimesMarkEveryMinuteTheyTouchAndOverlappingOrAdjacentRangesMerge() {
        DirtyMinutes dirty = new DirtyMinutes();
        dirty.addTimes(minute(2) + 5, minute(3) + 59_999_999_999L); // minutes 2 and 3
        assertEquals(List.of(new MinuteRange(minute(2), minute(4))), dirty.ranges());
        dirty.addTimes(minute(4), minute(4)); // touches the end: merged
        dirty.addTimes(minute(9) + 1, minute(9) + 2);
        assertEquals(List.of(new MinuteRange(minute(2), minute(5)), new MinuteRange(minute(9), minute(10))), dirty.ranges());
        dirty.add(minute(1), minute(9)); // bridges both
        assertEquals(List.of(new MinuteRange(minute(1), minute(10))), dirty.ranges());
        dirty.addTimes(minute(-1) - 1, minute(-1) - 1); // a time before T0 - 1 min floors down, not towards zero
        assertEquals(new MinuteRange(minute(-2), minute(-1)), dirty.ranges().get(0));
        assertThrows(IllegalArgumentException.class, () -> dirty.add(minute(1) + 1, minute(2)), "not whole minutes");
        assertThrows(IllegalArgumentException.class, () -> dirty.addTimes(minute(2), minute(1)), "backwards");
    }

    @Test
    void theLowestDueMinutesAreTakenFirstAndStayDirtyUntilFinished() {
        DirtyMinutes dirty = new DirtyMinutes();
        dirty.add(minute(10), minute(20));
        dirty.add(minute(0), minute(5));
        assertNull(dirty.take(minute(0)), "nothing is due before minute 0");

        MinuteRange first = dirty.take(minute(15));
        assertEquals(new MinuteRange(minute(0), minute(5)), first, "lowest first");
        assertEquals(minute(0), dirty.lowest(), "in progress counts as dirty");
        assertThrows(IllegalStateException.class, () -> dirty.take(minute(15)), "one roll-up at a time");
        dirty.finish(first, minute(3)); // failed after minute 2: minutes 3 and 4 are dirty again
        assertEquals(List.of(new MinuteRange(minute(3), minute(5)), new MinuteRange(minute(10), minute(20))), dirty.ranges());
        assertEquals(minute(3), dirty.lowest());
        dirty.finish(dirty.take(minute(15)), minute(5));

        MinuteRange second = dirty.take(minute(15));
        assertEquals(new MinuteRange(minute(10), minute(15)), second, "only up to the due limit");
        dirty.addTimes(minute(12), minute(12)); // written again while being rolled up: must be rolled up again
        dirty.finish(second, minute(15));
        assertEquals(List.of(new MinuteRange(minute(12), minute(13)), new MinuteRange(minute(15), minute(20))), dirty.ranges());
        assertEquals(minute(12), dirty.lowest());
        assertThrows(IllegalStateException.class, () -> dirty.finish(second, minute(15)), "finished twice");
        MinuteRange third = dirty.take(minute(15));
        assertThrows(IllegalArgumentException.class, () -> dirty.finish(third, minute(14)), "beyond the range");
    }

    @Test
    void everythingCleanMeansNoLowestMinute() {
        DirtyMinutes dirty = new DirtyMinutes();
        assertEquals(Long.MAX_VALUE, dirty.lowest());
        assertTrue(dirty.isEmpty());
        dirty.add(minute(0), minute(4));
        MinuteRange all = dirty.take(Long.MAX_VALUE);
        assertFalse(dirty.isEmpty(), "in progress");
        dirty.finish(all, minute(4));
        assertEquals(Long.MAX_VALUE, dirty.lowest());
        assertTrue(dirty.isEmpty());
    }

    @Test
    void tooManyRangesAreBoundedByMergingTheClosestTwo() {
        DirtyMinutes dirty = new DirtyMinutes();
        int n = DirtyMinutes.MAX_RANGES;
        for (int i = 0; i < n; i++) {
            dirty.add(minute(3L * i), minute(3L * i + 1)); // gaps of 2 minutes
        }
        assertEquals(n, dirty.ranges().size());
        long last = 3L * (n - 1);
        dirty.add(minute(last + 2), minute(last + 3)); // one minute after the last range
        List<MinuteRange> ranges = dirty.ranges();
        assertEquals(n, ranges.size(), "bounded");
        assertEquals(new MinuteRange(minute(last), minute(last + 3)), ranges.get(n - 1), "the two closest merged");
        assertEquals(new MinuteRange(minute(0), minute(1)), ranges.get(0), "the others left alone");
    }
}
