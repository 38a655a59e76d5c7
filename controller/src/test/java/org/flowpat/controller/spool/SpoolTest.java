package org.flowpat.controller.spool;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

class SpoolTest {
    @TempDir
    Path dir;

    private SpoolConfig config() {
        return SpoolConfig.defaults(dir).withSegmentBytes(4096).withCapacityBytes(1 << 20);
    }

    static byte[] payload(long i) {
        return ("record-" + i + "-" + "x".repeat((int) (i % 97))).getBytes(StandardCharsets.UTF_8);
    }

    static List<SpoolRecord> drain(Spool spool) throws Exception {
        List<SpoolRecord> all = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            List<SpoolRecord> batch = spool.poll(10_000, 0);
            if (batch.isEmpty()) {
                break;
            }
            all.addAll(batch);
        }
        return all;
    }

    private static void assertRecords(List<SpoolRecord> records, long first, long last) {
        assertEquals(last - first + 1, records.size(), "record count");
        for (int i = 0; i < records.size(); i++) {
            assertEquals(first + i, records.get(i).sequence());
            assertArrayEquals(payload(first + i), records.get(i).payload(), "payload of record " + (first + i));
        }
    }

    private long segmentFiles() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".seg")).count();
        }
    }

    @Test
    void recordsComeBackInOrderAcrossSegments() throws Exception {
        try (Spool spool = Spool.open(config())) {
            for (long i = 1; i <= 500; i++) {
                assertEquals(i, spool.append(payload(i)));
            }
            assertTrue(segmentFiles() > 5, "500 records of ~60 bytes fill several 4 KiB segments");
            assertRecords(drain(spool), 1, 500);
            assertEquals(500, spool.lastAppended());
            assertEquals(0, spool.confirmed());
        }
    }

    @Test
    void confirmedSegmentsAreDeletedAndTheSpoolShrinks() throws Exception {
        try (Spool spool = Spool.open(config())) {
            for (long i = 1; i <= 500; i++) {
                spool.append(payload(i));
            }
            long before = spool.sizeBytes();
            drain(spool);
            spool.confirm(500);
            assertEquals(1, segmentFiles(), "only the active segment remains");
            assertTrue(spool.sizeBytes() < before / 5, "size " + spool.sizeBytes() + " vs " + before);
        }
    }

    @Test
    void anAbandonedSpoolReplaysEverythingNotConfirmed() throws Exception {
        Spool first = Spool.open(config().withFsync(FsyncPolicy.NEVER, 0));
        for (long i = 1; i <= 300; i++) {
            first.append(payload(i));
        }
        assertRecords(drain(first), 1, 300);
        first.confirm(120);
        // first is never closed: as after a crash, only what reached the files counts.
        try (Spool second = Spool.open(config())) {
            assertEquals(120, second.confirmed());
            assertRecords(drain(second), 121, 300);
            assertEquals(301, second.append(payload(301)), "sequence numbers continue, never reused");
        }
    }

    @Test
    void sequencesContinueAfterEverythingWasConfirmedAndDeleted() throws Exception {
        try (Spool spool = Spool.open(config())) {
            for (long i = 1; i <= 200; i++) {
                spool.append(payload(i));
            }
            drain(spool);
            spool.confirm(200);
        }
        try (Spool spool = Spool.open(config())) {
            assertTrue(drain(spool).isEmpty(), "nothing to replay");
            assertEquals(201, spool.append(payload(201)));
            assertRecords(drain(spool), 201, 201);
        }
    }

    @Test
    void aTornLastRecordIsTruncatedAndEverythingBeforeItKept() throws Exception {
        try (Spool spool = Spool.open(config())) {
            for (long i = 1; i <= 40; i++) {
                spool.append(payload(i));
            }
        }
        Path last = lastSegment();
        long size = Files.size(last);
        try (RandomAccessFile f = new RandomAccessFile(last.toFile(), "rw")) {
            f.setLength(size - 5); // the crash cut the last record's payload short
        }
        try (Spool spool = Spool.open(config())) {
            List<SpoolRecord> records = drain(spool);
            long lastWhole = records.get(records.size() - 1).sequence();
            assertRecords(records, 1, lastWhole);
            assertEquals(39, lastWhole, "only the torn record 40 is gone");
            assertEquals(40, spool.append(payload(40)), "its sequence is reused: it was never acknowledged");
        }
        try (Spool spool = Spool.open(config())) {
            assertRecords(drain(spool), 1, 40);
        }
    }

    @Test
    void garbageAfterTheLastRecordIsDetectedByItsCrc() throws Exception {
        try (Spool spool = Spool.open(config())) {
            for (long i = 1; i <= 10; i++) {
                spool.append(payload(i));
            }
        }
        Path last = lastSegment();
        // A plausible header (small length) with a wrong CRC, as left by a write that never completed.
        byte[] junk = new byte[40];
        junk[3] = 20;
        junk[7] = 99;
        Files.write(last, junk, java.nio.file.StandardOpenOption.APPEND);
        long grown = Files.size(last);
        try (Spool spool = Spool.open(config())) {
            assertRecords(drain(spool), 1, 10);
            assertEquals(grown - junk.length, Files.size(last), "the junk is cut off");
        }
    }

    @Test
    void theCapacityIsABoundAndTheAlarmComesWellBeforeIt() throws Exception {
        List<String> alarms = new CopyOnWriteArrayList<>();
        List<Long> levelsAtAlarm = new CopyOnWriteArrayList<>();
        SpoolConfig small = SpoolConfig.defaults(dir).withSegmentBytes(2048).withCapacityBytes(20_480);
        try (Spool spool = Spool.open(small, (raised, bytes, capacity) -> {
            alarms.add(raised ? "raised" : "cleared");
            levelsAtAlarm.add(bytes);
        })) {
            byte[] record = new byte[200];
            long accepted = 0;
            SpoolFullException full = null;
            for (int i = 0; i < 1000 && full == null; i++) {
                try {
                    spool.append(record);
                    accepted++;
                } catch (SpoolFullException e) {
                    full = e;
                }
            }
            assertNotNull(full, "appends must stop at the capacity");
            assertTrue(full.getMessage().contains("full"), full.getMessage());
            assertTrue(spool.sizeBytes() <= small.capacityBytes());
            assertEquals(List.of("raised"), alarms);
            assertTrue(levelsAtAlarm.get(0) >= 0.8 * small.capacityBytes() && levelsAtAlarm.get(0) < small.capacityBytes(),
                    "alarm at " + levelsAtAlarm.get(0) + " of " + small.capacityBytes());
            assertEquals(accepted, spool.lastAppended());

            drain(spool);
            spool.confirm(spool.lastAppended());
            assertEquals(List.of("raised", "cleared"), alarms);
            assertFalse(spool.alarmRaised());
            assertEquals(accepted + 1, spool.append(record), "room again once written");
        }
    }

    @Test
    void anUnreadableMarkMeansReplayingAllNotLosingAnything() throws Exception {
        try (Spool spool = Spool.open(config())) {
            for (long i = 1; i <= 30; i++) {
                spool.append(payload(i));
            }
            drain(spool);
            spool.confirm(10);
        }
        Files.writeString(dir.resolve(Spool.MARK_FILE), "garbage");
        try (Spool spool = Spool.open(config())) {
            assertRecords(drain(spool), 1, 30);
        }
    }

    @Test
    void pollWaitsForTheNextAppend() throws Exception {
        try (Spool spool = Spool.open(config())) {
            Thread appender = new Thread(() -> {
                try {
                    Thread.sleep(100);
                    spool.append(payload(1));
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            appender.start();
            long t0 = System.nanoTime();
            List<SpoolRecord> got = spool.poll(1000, 5000);
            appender.join();
            assertRecords(got, 1, 1);
            assertTrue(System.nanoTime() - t0 < 4_000_000_000L, "woken by the append, not by the timeout");
        }
    }

    @Test
    void aRecordDamagedAfterOpeningIsSkippedLoudlyAndReadingGoesOnInTheNextSegment() throws Exception {
        try (Spool spool = Spool.open(config())) {
            for (long i = 1; i <= 200; i++) {
                spool.append(payload(i));
            }
            Path first;
            try (Stream<Path> s = Files.list(dir)) {
                first = s.filter(p -> p.toString().endsWith(".seg")).sorted().findFirst().orElseThrow();
            }
            try (RandomAccessFile f = new RandomAccessFile(first.toFile(), "rw")) {
                f.seek(RecordFormat.HEADER_BYTES + 2); // inside the first record's payload
                f.write(new byte[]{(byte) 0xFF, 0x00, 0x7F});
            }
            List<SpoolRecord> read = drain(spool);
            long firstOfSecondSegment = Long.parseLong(Files.list(dir).filter(p -> p.toString().endsWith(".seg")).sorted()
                    .skip(1).findFirst().orElseThrow().getFileName().toString().substring(0, 20));
            assertEquals(firstOfSecondSegment, read.get(0).sequence(), "the damaged segment is skipped");
            assertRecords(read, firstOfSecondSegment, 200);
        }
    }

    @Test
    void badConfigurationIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SpoolConfig.defaults(dir).withCapacityBytes(1000));
        assertTrue(e.getMessage().contains("capacity"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SpoolConfig.defaults(dir).withFsync(FsyncPolicy.INTERVAL, 0));
    }

    @Test
    void everyAppendPolicyWorks() throws Exception {
        try (Spool spool = Spool.open(config().withFsync(FsyncPolicy.EVERY_APPEND, 0))) {
            for (long i = 1; i <= 20; i++) {
                spool.append(payload(i));
            }
            assertRecords(drain(spool), 1, 20);
        }
    }

    private Path lastSegment() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".seg")).sorted().reduce((a, b) -> b).orElseThrow();
        }
    }
}
