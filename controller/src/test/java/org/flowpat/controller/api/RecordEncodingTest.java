package org.flowpat.controller.api;

import io.vertx.core.buffer.Buffer;
import org.flowpat.controller.api.codec.BinaryMessageCodec;
import org.flowpat.controller.api.codec.RecordEncoding;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class RecordEncodingTest {

    private static final SampleBatch BATCH = new SampleBatch(List.of(
            new Sample("L1", "R1.temperature", 80.25, 1_763_000_000_123_456_789L, 1_763_000_000_123_999_999L, Quality.GOOD_CODE),
            new Sample("L1", "AT1.impurity", Double.NaN, 1_763_000_000_223_456_789L, 1_763_000_000_323_456_789L, Quality.UNCERTAIN_CODE),
            new Sample("L1", "P1.pressure", Double.NEGATIVE_INFINITY, 5L, 6L, 0x808A0000L)));

    @Test
    void sampleBatchSurvivesTheRoundTripBitForBit() {
        SampleBatch back = (SampleBatch) RecordEncoding.decode(RecordEncoding.encode(BATCH));
        assertEquals(BATCH, back); // record equality compares doubles by their bits, so NaN equals NaN
        assertEquals(Quality.BAD, back.samples().get(2).quality());
    }

    @Test
    void aSampleBatchIsStoredInTheFormerStreamFormatSoOldSpoolsStayReadable() throws Exception {
        // Non-ASCII and NUL take modified UTF-8's longer forms; lines alternate so no name is reused by mistake.
        SampleBatch batch = new SampleBatch(List.of(
                new Sample("L1", "R1.temperature", 80.25, 1, 2, Quality.GOOD_CODE),
                new Sample("Línea 2", "R1.temperature", -0.0, 3, 4, Quality.UNCERTAIN_CODE),
                new Sample("L1", "AT1.\u0000x\u20ac", Double.NaN, 5, 6, Quality.BAD_CODE),
                new Sample("L1", "P1.pressure", 1e300, Long.MIN_VALUE, Long.MAX_VALUE, 0xFFFFFFFFL)));
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
            out.writeByte(1); // type: sample batch
            out.writeByte(1); // version
            out.writeInt(batch.samples().size());
            for (Sample s : batch.samples()) {
                out.writeUTF(s.line());
                out.writeUTF(s.signal());
                out.writeDouble(s.value());
                out.writeLong(s.sourceTimeNanos());
                out.writeLong(s.receiveTimeNanos());
                out.writeLong(s.statusCode());
            }
        }
        assertArrayEquals(bytes.toByteArray(), RecordEncoding.encode(batch));
        byte[] framed = new byte[bytes.size() + 7];
        System.arraycopy(bytes.toByteArray(), 0, framed, 3, bytes.size());
        assertEquals(batch, RecordEncoding.decode(framed, 3, bytes.size()));
        assertThrows(IllegalArgumentException.class, () -> RecordEncoding.decode(framed, 3, bytes.size() + 1), "a byte left over");
    }

    @Test
    void eventsKeepTheirOpenEndAndSignals() {
        Event open = new Event("L2", Event.COMMUNICATION_GAP, 100, Event.OPEN, List.of("AT1.impurity", "R1.temperature"), "");
        Event closed = new Event("L2", Event.COMMUNICATION_GAP, 100, 5_000_000_100L, List.of(), "OPC UA session lost");
        assertEquals(open, RecordEncoding.decode(RecordEncoding.encode(open)));
        assertTrue(((Event) RecordEncoding.decode(RecordEncoding.encode(open))).open());
        assertEquals(closed, RecordEncoding.decode(RecordEncoding.encode(closed)));
    }

    @Test
    void historianStatusRoundTrips() {
        HistorianStatus status = new HistorianStatus(800, 1000, true, "connection refused");
        assertEquals(status, RecordEncoding.decode(RecordEncoding.encode(status)));
        assertEquals(0.8, status.fillRatio(), 1e-12);
    }

    @Test
    void truncatedOrForeignBytesAreRejectedWithAReason() {
        byte[] full = RecordEncoding.encode(BATCH);
        IllegalArgumentException cut = assertThrows(IllegalArgumentException.class,
                () -> RecordEncoding.decode(Arrays.copyOf(full, full.length - 3)));
        assertTrue(cut.getMessage().contains("truncated"), cut.getMessage());
        byte[] unknown = full.clone();
        unknown[0] = 42;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RecordEncoding.decode(unknown)).getMessage().contains("type 42"));
        assertThrows(IllegalArgumentException.class, () -> RecordEncoding.encode("not a record"));
    }

    @Test
    void eventBusCodecCarriesTheRecordOverTheWireAndPassesItAsIsLocally() {
        BinaryMessageCodec<SampleBatch> codec = new BinaryMessageCodec<>(SampleBatch.class);
        Buffer wire = Buffer.buffer().appendString("prefix");
        codec.encodeToWire(wire, BATCH);
        assertEquals(BATCH, codec.decodeFromWire("prefix".length(), wire));
        assertSame(BATCH, codec.transform(BATCH));
        assertEquals("flowpat.SampleBatch", codec.name());
    }

    @Test
    void anEventCannotEndBeforeItStarts() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Event("L1", "communication-gap", 10, 5, List.of(), ""));
        assertTrue(e.getMessage().contains("before it starts"));
    }
}
