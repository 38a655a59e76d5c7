package org.flowpat.controller.acquisition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.TreeSet;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.junit.jupiter.api.Test;

/**
 * What one subscription delivered: a message delivered twice is dropped the second time, an out-of-order one is
 * kept, and a server's queue overflow (the Overflow bit) becomes the interval in which samples were discarded.
 */
class DeliveredSamplesTest {
    private static final long GOOD = StatusCodes.Good;
    private static final long GOOD_OVERFLOW = StatusCodes.Good | DeliveredSamples.OVERFLOW;
    private final DeliveredSamples delivered = new DeliveredSamples();

    private boolean accept(String signal, long time, double value, long status) {
        return delivered.accept(signal, time, Double.doubleToLongBits(value), status);
    }

    @Test
    void aRepublishedMessageIsDroppedButAnOlderSampleDeliveredLateIsKept() {
        assertTrue(accept("R1.temperature", 1_000, 80.1, GOOD));
        assertTrue(accept("R1.temperature", 3_000, 80.3, GOOD), "message N+1 processed before N");
        assertTrue(accept("R1.temperature", 2_000, 80.2, GOOD), "message N, late but new");
        assertFalse(accept("R1.temperature", 2_000, 80.2, GOOD), "message N again, republished");
        assertFalse(accept("R1.temperature", 3_000, 80.3, GOOD));
        assertTrue(accept("R1.pressure", 3_000, 5.0, GOOD), "another signal at the same time is its own sample");
        assertEquals(2, delivered.duplicates());
    }

    @Test
    void theSameTimeWithAnotherStatusOrValueIsNotADuplicate() {
        assertTrue(accept("R1.temperature", 1_000, 80.1, GOOD));
        assertTrue(accept("R1.temperature", 1_000, 80.1, StatusCodes.Bad_CommunicationError),
                "a server marks the last value Bad, keeping its source time");
        assertTrue(accept("R1.temperature", 1_000, 80.4, GOOD));
        assertEquals(0, delivered.duplicates());
    }

    @Test
    void batchesWithoutTheOverflowBitReportNoDiscard() {
        accept("R1.temperature", 1_000, 1, GOOD);
        accept("R1.temperature", 2_000, 2, StatusCodes.Uncertain_LastUsableValue);
        assertTrue(delivered.endOfBatch().isEmpty());
    }

    @Test
    void theDiscardLiesBetweenTheLastDeliveredSampleAndTheFlaggedOne() {
        accept("R1.temperature", 1_000, 1, GOOD);
        accept("R1.pressure", 1_000, 1, GOOD);
        assertTrue(delivered.endOfBatch().isEmpty());
        accept("R1.temperature", 5_000, 5, GOOD_OVERFLOW);
        accept("R1.temperature", 6_000, 6, GOOD);
        accept("R1.pressure", 4_000, 4, GOOD_OVERFLOW);
        var d = delivered.endOfBatch().orElseThrow();
        assertEquals(1_000, d.fromNanos());
        assertEquals(5_000, d.toNanos());
        assertEquals(new TreeSet<>(List.of("R1.pressure", "R1.temperature")), d.signals());
        assertTrue(delivered.endOfBatch().isEmpty(), "reported once");
    }

    @Test
    void aFlaggedFirstSampleHasNoEarlierOneToStartFrom() {
        accept("AT1.purity", 7_000, 98.5, GOOD_OVERFLOW);
        var d = delivered.endOfBatch().orElseThrow();
        assertEquals(7_000, d.fromNanos());
        assertEquals(7_000, d.toNanos());
    }

    @Test
    void theBitIsReadOnAnyStatusNotOnlyGood() {
        assertTrue(DeliveredSamples.overflowed(StatusCodes.Bad_SensorFailure | DeliveredSamples.OVERFLOW));
        assertFalse(DeliveredSamples.overflowed(StatusCodes.Bad_SensorFailure));
        assertFalse(DeliveredSamples.overflowed(0x80), "the Overflow bit means nothing without InfoType DataValue");
    }
}
