package org.flowpat.controller.spool;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A durable, bounded, ordered log of records between the event bus and the database.
 * <p>
 * {@link #append} writes a record to the active segment file and returns its sequence number only after
 * the write reached the kernel (and the disk, under {@link FsyncPolicy#EVERY_APPEND}): an acknowledged
 * record survives the process being killed. One consumer reads records in order with {@link #poll} and,
 * once they are safely in the database, {@link #confirm}s them; the confirmed sequence is persisted in
 * {@code written.mark}, and segments wholly confirmed are deleted. On open, every segment is checked
 * record by record (length, CRC, sequence); a torn tail left by a crash is truncated with a warning, and
 * reading resumes after the mark, so what was not confirmed is delivered again.
 * <p>
 * Thread-safe: any number of appenders, one poller.
 */
public final class Spool implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Spool.class);
    static final String MARK_FILE = "written.mark";
    /** Where records the database refused for good are kept (see {@link #setAside}). */
    public static final String REJECTED_DIR = "rejected";
    /** The alarm clears below this share of the threshold, so a level hovering at it does not flap. */
    private static final double ALARM_HYSTERESIS = 0.9;

    private final SpoolConfig config;
    private final SpoolListener listener;
    private final Object lock = new Object();
    private final List<Segment> segments = new ArrayList<>();
    private final ScheduledExecutorService fsyncTimer;

    private long nextSequence;
    private long totalBytes;
    private long confirmed;
    private boolean alarmRaised;
    private boolean dirty;
    private boolean closed;

    // Read cursor, used by the single poller (under the lock, since segments come and go).
    private Segment readSegment;
    private long readOffset;
    private long lastRead;

    private Spool(SpoolConfig config, SpoolListener listener) {
        this.config = config;
        this.listener = listener;
        this.fsyncTimer = config.fsyncPolicy() == FsyncPolicy.INTERVAL ? Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "spool-fsync");
            t.setDaemon(true);
            return t;
        }) : null;
    }

    /** Opens (or creates) the spool in the configured directory, recovering what a previous run left. */
    public static Spool open(SpoolConfig config, SpoolListener listener) throws IOException {
        Spool spool = new Spool(config, listener);
        try {
            spool.recover();
        } catch (IOException | RuntimeException e) {
            spool.closeChannels();
            throw e;
        }
        if (spool.fsyncTimer != null) {
            spool.fsyncTimer.scheduleWithFixedDelay(spool::forceIfDirty, config.fsyncIntervalMillis(),
                    config.fsyncIntervalMillis(), TimeUnit.MILLISECONDS);
        }
        spool.checkAlarm();
        return spool;
    }

    public static Spool open(SpoolConfig config) throws IOException {
        return open(config, SpoolListener.NONE);
    }

    public SpoolConfig config() {
        return config;
    }

    /**
     * Appends one record and returns its sequence number once the bytes are in the file.
     *
     * @throws SpoolFullException when the record would take the spool beyond its capacity
     */
    public long append(byte[] payload) throws IOException {
        if (payload.length > config.maxPayloadBytes()) {
            throw new IllegalArgumentException("spool record of " + payload.length + " bytes exceeds the maximum of "
                    + config.maxPayloadBytes() + " (segment size " + config.segmentBytes() + ")");
        }
        long sequence;
        int recordBytes = RecordFormat.HEADER_BYTES + payload.length;
        synchronized (lock) {
            ensureOpen();
            if (totalBytes + recordBytes > config.capacityBytes()) {
                throw new SpoolFullException("spool " + config.directory() + " is full: " + totalBytes + " of "
                        + config.capacityBytes() + " bytes hold records not yet written to the database");
            }
            Segment active = active();
            if (!active.isEmpty() && active.size + recordBytes > config.segmentBytes()) {
                active = roll();
            }
            sequence = nextSequence;
            try {
                active.write(active.size, RecordFormat.encode(sequence, payload));
                if (config.fsyncPolicy() == FsyncPolicy.EVERY_APPEND) {
                    active.force();
                }
            } catch (IOException e) {
                // Cut off whatever part of the record landed, so the next append starts on a record boundary.
                try {
                    active.truncate(active.size);
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
            nextSequence++;
            active.size += recordBytes;
            active.lastSequence = sequence;
            totalBytes += recordBytes;
            dirty = true;
            lock.notifyAll();
        }
        checkAlarm();
        return sequence;
    }

    /**
     * Returns the next records after the last one polled, in order, up to about {@code maxBytes} of payload
     * (at least one record when any is there), waiting up to {@code timeoutMillis} for one to arrive.
     * Records are delivered again after a restart until confirmed.
     */
    public List<SpoolRecord> poll(long maxBytes, long timeoutMillis) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        synchronized (lock) {
            while (!closed && lastRead >= nextSequence - 1) {
                long waitNanos = deadline - System.nanoTime();
                if (waitNanos <= 0) {
                    return List.of();
                }
                TimeUnit.NANOSECONDS.timedWait(lock, waitNanos);
            }
            ensureOpen();
            List<SpoolRecord> out = new ArrayList<>();
            long bytes = 0;
            byte[] headerBytes = new byte[RecordFormat.HEADER_BYTES];
            ByteBuffer header = ByteBuffer.wrap(headerBytes);
            while (bytes < maxBytes) {
                if (readSegment == null || !segments.contains(readSegment)) {
                    readSegment = firstSegmentAfter(lastRead);
                    readOffset = 0;
                    if (readSegment == null) {
                        break;
                    }
                }
                if (readOffset >= readSegment.size) {
                    int i = segments.indexOf(readSegment);
                    if (i == segments.size() - 1) {
                        break;
                    }
                    readSegment = segments.get(i + 1);
                    readOffset = 0;
                    continue;
                }
                readSegment.readFully(readOffset, headerBytes);
                int length = header.getInt(0);
                int crc = header.getInt(4);
                long sequence = header.getLong(8);
                if (length < 0 || length > readSegment.size - readOffset - RecordFormat.HEADER_BYTES) {
                    skipRestOfSegment("a record length of " + length);
                    continue;
                }
                byte[] payload = new byte[length];
                readSegment.readFully(readOffset + RecordFormat.HEADER_BYTES, payload);
                if (RecordFormat.crc(sequence, payload) != crc) {
                    skipRestOfSegment("a CRC mismatch in record " + sequence);
                    continue;
                }
                readOffset += RecordFormat.HEADER_BYTES + length;
                if (sequence <= lastRead) {
                    continue; // already confirmed before a restart
                }
                lastRead = sequence;
                out.add(new SpoolRecord(sequence, payload));
                bytes += length;
            }
            return out;
        }
    }

    /**
     * The file changed under us after it was checked at open (a disk fault): without a valid length the next
     * record cannot be found, so the rest of the segment is skipped, loudly, rather than stalling the writer.
     */
    private void skipRestOfSegment(String problem) {
        log.error("spool segment {}: {} at offset {}, {} bytes after it are unreadable and skipped", readSegment.path, problem,
                readOffset, readSegment.size - readOffset);
        readOffset = readSegment.size;
        lastRead = Math.max(lastRead, readSegment.lastSequence); // skipped counts as read: poll must not spin on them
    }

    /** Marks every record up to {@code sequence} as written to the database: they are not delivered again. */
    public void confirm(long sequence) throws IOException {
        synchronized (lock) {
            ensureOpen();
            if (sequence <= confirmed) {
                return;
            }
            if (sequence >= nextSequence) {
                throw new IllegalArgumentException("cannot confirm spool sequence " + sequence + ": the last appended is "
                        + (nextSequence - 1));
            }
            writeMark(sequence);
            confirmed = sequence;
            // The active segment stays even when wholly confirmed: appends continue in it.
            while (segments.size() > 1 && segments.get(0).lastSequence <= confirmed) {
                deleteSegment(segments.remove(0));
            }
        }
        checkAlarm();
    }

    /**
     * Copies records the database refuses for good into {@code rejected/} (same record format, plus the
     * reason in a text file), forced to disk, so that the caller can confirm them and move on without losing
     * them. Returns the file written.
     */
    public Path setAside(List<SpoolRecord> records, String reason) throws IOException {
        Path dir = config.directory().resolve(REJECTED_DIR);
        Files.createDirectories(dir);
        String name = String.format("%020d-%020d", records.get(0).sequence(), records.get(records.size() - 1).sequence());
        Path file = dir.resolve(name + Segment.SUFFIX);
        try (java.io.RandomAccessFile out = new java.io.RandomAccessFile(file.toFile(), "rw")) {
            out.setLength(0);
            for (SpoolRecord r : records) {
                out.write(RecordFormat.encode(r.sequence(), r.payload()));
            }
            out.getFD().sync();
        }
        Files.writeString(dir.resolve(name + ".reason.txt"), reason + System.lineSeparator());
        return file;
    }

    /** Sequence of the last appended record (0 when none ever was). */
    public long lastAppended() {
        synchronized (lock) {
            return nextSequence - 1;
        }
    }

    /** Sequence up to which records are confirmed written. */
    public long confirmed() {
        synchronized (lock) {
            return confirmed;
        }
    }

    /** Bytes on disk held by segments not yet wholly confirmed: what counts against the capacity. */
    public long sizeBytes() {
        synchronized (lock) {
            return totalBytes;
        }
    }

    public boolean alarmRaised() {
        synchronized (lock) {
            return alarmRaised;
        }
    }

    /** Forces the active segment to disk now, whatever the policy. */
    public void force() throws IOException {
        synchronized (lock) {
            ensureOpen();
            active().force();
            dirty = false;
        }
    }

    @Override
    public void close() throws IOException {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            lock.notifyAll();
        }
        if (fsyncTimer != null) {
            fsyncTimer.shutdownNow();
        }
        synchronized (lock) {
            if (config.fsyncPolicy() != FsyncPolicy.NEVER && !segments.isEmpty()) {
                active().force();
            }
            closeChannels();
        }
    }

    // --- recovery

    private void recover() throws IOException {
        Path dir = config.directory();
        Files.createDirectories(dir);
        confirmed = readMark();
        List<Long> firsts = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(p -> {
                long first = Segment.parseFirstSequence(p.getFileName().toString());
                if (first >= 0) {
                    firsts.add(first);
                }
            });
        }
        firsts.sort(null);
        for (int i = 0; i < firsts.size(); i++) {
            Segment s = scan(dir.resolve(Segment.fileName(firsts.get(i))), firsts.get(i), i == firsts.size() - 1);
            segments.add(s);
        }
        long lastSequence = segments.isEmpty() ? 0 : segments.get(segments.size() - 1).lastSequence;
        // Sequences are never reused: after the mark even when every segment is gone.
        nextSequence = Math.max(lastSequence, confirmed) + 1;
        // Segments confirmed before a crash cut the deletion short.
        while (segments.size() > 1 && segments.get(0).lastSequence <= confirmed) {
            deleteSegment(segments.remove(0));
        }
        Segment last = segments.isEmpty() ? null : segments.get(segments.size() - 1);
        if (last != null && last.lastSequence + 1 != nextSequence) {
            // The last segment cannot take the next sequence (its records were confirmed and removed, or the
            // mark ran ahead of it): start a fresh one.
            if (last.lastSequence <= confirmed) {
                segments.remove(last);
                deleteSegment(last);
            }
            last = null;
        }
        if (last == null) {
            segments.add(createSegment(nextSequence));
        }
        for (Segment s : segments) {
            totalBytes += s.size;
        }
        lastRead = confirmed;
        readSegment = null;
        if (nextSequence - 1 > confirmed) {
            log.info("spool {}: records {}..{} not yet confirmed written, replaying", dir, confirmed + 1, nextSequence - 1);
        }
    }

    private Segment scan(Path path, long firstSequence, boolean isLast) throws IOException {
        Segment segment = Segment.open(firstSequence, path);
        long fileSize = segment.fileLength();
        long pos = 0;
        long expected = firstSequence;
        byte[] headerBytes = new byte[RecordFormat.HEADER_BYTES];
        ByteBuffer header = ByteBuffer.wrap(headerBytes);
        String problem = null;
        while (pos < fileSize) {
            if (fileSize - pos < RecordFormat.HEADER_BYTES) {
                problem = "a header cut short";
                break;
            }
            segment.readFully(pos, headerBytes);
            int length = header.getInt(0);
            int crc = header.getInt(4);
            long sequence = header.getLong(8);
            if (length < 0 || length > fileSize - pos - RecordFormat.HEADER_BYTES) {
                problem = "a record length (" + length + ") running past the end of the file";
                break;
            }
            byte[] payload = new byte[length];
            segment.readFully(pos + RecordFormat.HEADER_BYTES, payload);
            if (RecordFormat.crc(sequence, payload) != crc) {
                problem = "a CRC mismatch";
                break;
            }
            if (sequence != expected) {
                problem = "sequence " + sequence + " where " + expected + " was due";
                break;
            }
            pos += RecordFormat.HEADER_BYTES + length;
            expected++;
        }
        if (problem != null) {
            long lost = fileSize - pos;
            if (isLast) {
                log.warn("spool segment {}: torn record at offset {} ({}); truncating {} bytes after the last whole record {}",
                        path, pos, problem, lost, expected - 1);
            } else {
                log.error("spool segment {}: corrupt record at offset {} ({}); {} bytes after record {} are unreadable and dropped",
                        path, pos, problem, lost, expected - 1);
            }
            segment.truncate(pos);
            segment.force();
        }
        segment.size = pos;
        segment.lastSequence = expected - 1;
        return segment;
    }

    // --- mark

    private long readMark() throws IOException {
        Path mark = config.directory().resolve(MARK_FILE);
        if (!Files.exists(mark)) {
            return 0;
        }
        byte[] bytes = Files.readAllBytes(mark);
        if (bytes.length == 12) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            long seq = buf.getLong();
            if (RecordFormat.crc(seq, new byte[0]) == buf.getInt() && seq >= 0) {
                return seq;
            }
        }
        // Replaying from the oldest segment is safe (database writes are idempotent); losing data is not.
        log.warn("spool mark {} is unreadable ({} bytes); replaying every record still on disk", mark, bytes.length);
        return 0;
    }

    private void writeMark(long sequence) throws IOException {
        Path dir = config.directory();
        Path tmp = dir.resolve(MARK_FILE + ".tmp");
        ByteBuffer buf = ByteBuffer.allocate(12).putLong(sequence).putInt(RecordFormat.crc(sequence, new byte[0]));
        Files.write(tmp, buf.array());
        // Not forced: a mark lost to a power cut only means records are written again, which is idempotent.
        Files.move(tmp, dir.resolve(MARK_FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    // --- segments

    private Segment active() {
        return segments.get(segments.size() - 1);
    }

    private Segment roll() throws IOException {
        Segment old = active();
        if (config.fsyncPolicy() != FsyncPolicy.NEVER) {
            old.force();
        }
        Segment fresh = createSegment(nextSequence);
        segments.add(fresh);
        return fresh;
    }

    private Segment createSegment(long firstSequence) throws IOException {
        Path path = config.directory().resolve(Segment.fileName(firstSequence));
        return Segment.create(firstSequence, path);
    }

    private void deleteSegment(Segment s) throws IOException {
        s.close();
        Files.deleteIfExists(s.path);
        totalBytes -= s.size;
        if (readSegment == s) {
            readSegment = null;
        }
    }

    private Segment firstSegmentAfter(long sequence) {
        for (Segment s : segments) {
            if (s.lastSequence > sequence) {
                return s;
            }
        }
        return null;
    }

    private void forceIfDirty() {
        Segment active;
        synchronized (lock) {
            if (closed || !dirty) {
                return;
            }
            active = active();
            dirty = false;
        }
        try {
            active.force(); // outside the lock: appends continue while the disk flushes
        } catch (IOException e) {
            log.warn("spool {}: periodic force failed: {}", config.directory(), e.toString());
        }
    }

    private void checkAlarm() {
        boolean changed;
        boolean raised;
        long bytes;
        synchronized (lock) {
            bytes = totalBytes;
            double ratio = (double) totalBytes / config.capacityBytes();
            boolean raise = !alarmRaised && ratio >= config.alarmFraction();
            boolean clear = alarmRaised && ratio < config.alarmFraction() * ALARM_HYSTERESIS;
            changed = raise || clear;
            if (changed) {
                alarmRaised = raise;
            }
            raised = alarmRaised;
        }
        if (changed) {
            if (raised) {
                log.warn("spool {} is {} % full ({} of {} bytes): the database is not keeping up", config.directory(),
                        Math.round(100.0 * bytes / config.capacityBytes()), bytes, config.capacityBytes());
            } else {
                log.info("spool {} back to {} bytes of {}", config.directory(), bytes, config.capacityBytes());
            }
            listener.alarm(raised, bytes, config.capacityBytes());
        }
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("spool " + config.directory() + " is closed");
        }
    }

    private void closeChannels() {
        for (Segment s : segments) {
            try {
                s.close();
            } catch (IOException e) {
                log.debug("closing {}: {}", s.path, e.toString());
            }
        }
    }
}
