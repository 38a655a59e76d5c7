package org.flowpat.controller.historian;

import org.flowpat.controller.api.Event;
import org.flowpat.controller.api.Sample;
import org.flowpat.controller.api.SampleBatch;
import org.flowpat.controller.api.codec.RecordEncoding;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The spool's form of the journaled quality records, beside the older sample and event records. */
class JournalEncodingTest {

    @Test
    void everyQualityRecordSurvivesTheSpoolEncodingExactly() {
        for (Object r : JournalData.all("EN", TestData.BASE)) {
            assertEquals(r, RecordEncoding.decode(RecordEncoding.encode(r)));
        }
    }

    @Test
    void samplesAndEventsKeepTheirVersionOneBytes() {
        // Written by this build, readable by the build before it (and the reverse): the format did not move.
        byte[] batch = RecordEncoding.encode(new SampleBatch(List.of(new Sample("L1", "R1.t", 1.5, 10, 12, 0))));
        assertEquals("0101", HexFormat.of().formatHex(batch, 0, 2), "type SAMPLE_BATCH, version 1");
        byte[] event = RecordEncoding.encode(new Event("L1", Event.COMMUNICATION_GAP, 1, 2, List.of(), ""));
        assertEquals("0201", HexFormat.of().formatHex(event, 0, 2), "type EVENT, version 1");
        // A spool file written before the journal existed: a batch of one sample, byte for byte.
        byte[] old = HexFormat.of().parseHex("01010000000100024c31000452312e74" + "3ff8000000000000"
                + "000000000000000a" + "000000000000000c" + "0000000000000000");
        assertEquals(new SampleBatch(List.of(new Sample("L1", "R1.t", 1.5, 10, 12, 0))), RecordEncoding.decode(old));
    }

    @Test
    void aTruncatedJournalRecordIsRefusedNamingItsType() {
        byte[] full = RecordEncoding.encode(JournalData.alarms("EN", TestData.BASE).get(0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RecordEncoding.decode(Arrays.copyOf(full, full.length - 3)));
        assertTrue(e.getMessage().contains("AlarmTransition"), e.getMessage());
    }
}
