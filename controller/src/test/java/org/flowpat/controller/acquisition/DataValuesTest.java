package org.flowpat.controller.acquisition;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.junit.jupiter.api.Test;

/** OPC UA values to sample numbers: never an exception, odd content becomes NaN. */
class DataValuesTest {
    private static final Instant T = Instant.parse("2026-01-02T03:04:05.123456Z");

    @Test
    void scalarsOfEveryNumericKindAndBooleans() {
        assertEquals(1.5, DataValues.scalar(new DataValue(new Variant(1.5))));
        assertEquals(2.25, DataValues.scalar(new DataValue(new Variant(2.25f))));
        assertEquals(7.0, DataValues.scalar(new DataValue(new Variant(UInteger.valueOf(7)))));
        assertEquals(1.0, DataValues.scalar(new DataValue(new Variant(true))));
        assertEquals(0.0, DataValues.scalar(new DataValue(new Variant(false))));
        assertTrue(Double.isNaN(DataValues.scalar(new DataValue(new Variant("text")))));
        assertTrue(Double.isNaN(DataValues.scalar(new DataValue(Variant.NULL_VALUE))));
        assertTrue(Double.isNaN(DataValues.scalar(new DataValue(new Variant(Double.NaN)))));
    }

    @Test
    void arraysBecomeSpectraAndScalarsEmptyOnes() {
        assertArrayEquals(new double[] {0.1, 0.2}, DataValues.array(new DataValue(new Variant(new Double[] {0.1, 0.2}))));
        assertArrayEquals(new double[] {1, 2}, DataValues.array(new DataValue(new Variant(new Float[] {1f, 2f}))));
        assertEquals(0, DataValues.array(new DataValue(new Variant(3.0))).length);
        assertEquals(0, DataValues.array(new DataValue(Variant.NULL_VALUE)).length);
    }

    @Test
    void sourceTimeFallsBackToServerTimeThenToReceiveTime() {
        DataValue both = new DataValue(new Variant(1.0), StatusCode.GOOD, new DateTime(T), new DateTime(T.plusSeconds(1)));
        long expected = T.getEpochSecond() * 1_000_000_000L + 123_456_000L;
        assertEquals(expected, DataValues.sourceNanos(both, 0));
        DataValue serverOnly = new DataValue(new Variant(1.0), StatusCode.GOOD, null, new DateTime(T));
        assertEquals(expected, DataValues.sourceNanos(serverOnly, 0));
        assertEquals(42L, DataValues.sourceNanos(new DataValue(new Variant(1.0), StatusCode.GOOD, null, null), 42L));
    }

    @Test
    void statusIsKeptWithItsCode() {
        DataValue bad = new DataValue(new Variant(1.0), new StatusCode(StatusCodes.Bad_NoCommunication));
        assertEquals(StatusCodes.Bad_NoCommunication, DataValues.status(bad));
        assertTrue(StatusNames.of(StatusCodes.Bad_NoCommunication).startsWith("Bad_NoCommunication (0x80310000"));
    }
}
