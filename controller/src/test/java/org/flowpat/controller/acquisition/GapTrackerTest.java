package org.flowpat.controller.acquisition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The communication-gap interval: last data before the loss to the first new data after it. */
class GapTrackerTest {

    private static java.util.Optional<GapTracker.Gap> data(GapTracker tracker, long... sources) {
        return tracker.dataReceived(sources, sources.length);
    }

    @Test
    void gapRunsFromTheLastDataBeforeTheLossToTheFirstNewDataAfterIt() {
        GapTracker tracker = new GapTracker();
        assertTrue(data(tracker, 100, 200).isEmpty());
        assertTrue(data(tracker, 300, 150).isEmpty());
        assertEquals(OptionalLong.of(300), tracker.connectionLost());
        assertTrue(tracker.isLost());
        GapTracker.Gap gap = data(tracker, 950, 900).orElseThrow();
        assertEquals(new GapTracker.Gap(300, 900), gap);
        assertFalse(tracker.isLost());
        assertEquals(OptionalLong.of(950), tracker.connectionLost(), "the next gap starts at the newest data");
    }

    @Test
    void repeatedOldValuesDoNotCloseTheGap() {
        GapTracker tracker = new GapTracker();
        data(tracker, 500);
        tracker.connectionLost();
        assertTrue(data(tracker, 100, 500).isEmpty(), "a new subscription's initial values are not new data");
        assertTrue(tracker.isLost());
        assertEquals(new GapTracker.Gap(500, 700), data(tracker, 120, 700).orElseThrow());
    }

    @Test
    void repeatedLossReportsOnceAndNoGapBeforeAnyData() {
        GapTracker tracker = new GapTracker();
        assertTrue(tracker.connectionLost().isEmpty(), "nothing to mark before data ever flowed");
        assertTrue(data(tracker, 10).isEmpty(), "first data is no gap end");
        assertFalse(tracker.isLost());
        assertEquals(OptionalLong.of(10), tracker.connectionLost());
        assertTrue(tracker.connectionLost().isEmpty(), "same outage");
    }

    @Test
    void backoffDoublesUpToItsCap() {
        Backoff backoff = new Backoff(java.time.Duration.ofMillis(100), java.time.Duration.ofMillis(1000));
        assertEquals(100, backoff.delayMillis(0));
        assertEquals(200, backoff.delayMillis(1));
        assertEquals(800, backoff.delayMillis(3));
        assertEquals(1000, backoff.delayMillis(4));
        assertEquals(1000, backoff.delayMillis(1000));
    }
}
