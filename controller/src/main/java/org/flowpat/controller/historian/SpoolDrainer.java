package org.flowpat.controller.historian;

import org.flowpat.controller.api.Event;
import org.flowpat.controller.api.Sample;
import org.flowpat.controller.api.SampleBatch;
import org.flowpat.controller.api.codec.JournalJson;
import org.flowpat.controller.api.codec.RecordEncoding;
import org.flowpat.controller.spool.Spool;
import org.flowpat.controller.spool.SpoolRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one writer thread between the spool and the database: takes records in order, writes them (several
 * spool records per database request), and confirms them to the spool only after the write returned. When
 * the database fails, the same records are retried with exponential backoff until they land; meanwhile new
 * records wait on disk.
 */
public final class SpoolDrainer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SpoolDrainer.class);
    private static final long POLL_MILLIS = 100;
    private static final Duration STOP_JOIN = Duration.ofSeconds(10);
    /** About 40,000 samples: several requests per write, so a historian can overlap encoding and sending. */
    public static final long DEFAULT_MAX_BYTES_PER_WRITE = 2L << 20;

    private final Spool spool;
    private final Historian historian;
    private final long maxBytesPerWrite;
    private final Duration minBackoff;
    private final Duration maxBackoff;
    private final Thread thread;
    private final Object wakeup = new Object();
    private final AtomicLong writtenSamples = new AtomicLong();
    private final AtomicLong writtenEvents = new AtomicLong();
    private final AtomicLong writtenJournal = new AtomicLong();
    private final AtomicLong failedWrites = new AtomicLong();
    private final AtomicLong rejectedRecords = new AtomicLong();
    /**
     * Messages this process appended, by spool sequence, so the writer need not decode their bytes again. Only a
     * shortcut: the spool's bytes stay the record (read back and CRC-checked as before), and a record missing here
     * (after a restart, or beyond {@link #MAX_HANDED_OVER} while the database is behind) is decoded from them.
     */
    private final ConcurrentSkipListMap<Long, Object> handedOver = new ConcurrentSkipListMap<>();
    private final AtomicInteger handedOverCount = new AtomicInteger();
    /** About 1 s of records at 400 lines: a few MB of heap at most. */
    static final int MAX_HANDED_OVER = 4_096;
    private volatile boolean stopping;
    private volatile String lastError = "";

    /**
     * @param maxBytesPerWrite encoded bytes of spool records gathered into one database write (about 50 bytes
     *                         a sample)
     */
    public SpoolDrainer(Spool spool, Historian historian, long maxBytesPerWrite, Duration minBackoff, Duration maxBackoff) {
        this.spool = spool;
        this.historian = historian;
        this.maxBytesPerWrite = maxBytesPerWrite;
        this.minBackoff = minBackoff;
        this.maxBackoff = maxBackoff;
        this.thread = new Thread(this::run, "historian-writer");
        this.thread.setDaemon(true);
    }

    public SpoolDrainer(Spool spool, Historian historian) {
        this(spool, historian, DEFAULT_MAX_BYTES_PER_WRITE, Duration.ofMillis(100), Duration.ofSeconds(5));
    }

    public SpoolDrainer start() {
        thread.start();
        return this;
    }

    /**
     * The message just appended to the spool as {@code sequence}, as the appender still holds it (immutable records).
     * Ignored when many are waiting already: the writer then decodes those from the spool.
     */
    public void appended(long sequence, Object message) {
        if (handedOverCount.get() < MAX_HANDED_OVER && handedOver.putIfAbsent(sequence, message) == null) {
            handedOverCount.incrementAndGet();
        }
    }

    public long writtenSamples() {
        return writtenSamples.get();
    }

    public long writtenEvents() {
        return writtenEvents.get();
    }

    /** Quality records (SPC results, alarm transitions, diversions, line states) written. */
    public long writtenJournal() {
        return writtenJournal.get();
    }

    public long failedWrites() {
        return failedWrites.get();
    }

    /** Spool records the database refused for good and that were set aside in the spool's rejected folder. */
    public long rejectedRecords() {
        return rejectedRecords.get();
    }

    /** The last database error, empty once a write succeeded again. */
    public String lastError() {
        return lastError;
    }

    /** True when every record appended so far is confirmed written. */
    public boolean caughtUp() {
        return spool.confirmed() >= spool.lastAppended();
    }

    /**
     * Waits until every record appended so far is written, up to {@code timeout}; then stops the thread
     * either way. What is not written stays in the spool for the next start.
     *
     * @return true when everything was written
     */
    public boolean drainAndStop(Duration timeout) throws InterruptedException {
        long target = spool.lastAppended();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (spool.confirmed() < target && thread.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        boolean drained = spool.confirmed() >= target;
        stop();
        if (!drained) {
            log.warn("historian: {} spool records not written within {}; they stay on disk for the next start",
                    target - spool.confirmed(), timeout);
        }
        return drained;
    }

    /**
     * Stops the thread: it finishes the database request in flight (bounded by the client's timeouts) and
     * takes no more records; what is not confirmed is written again after the next start. The thread is not
     * interrupted, since interrupts break file and HTTP channels in ways that outlive the stop.
     */
    public void stop() throws InterruptedException {
        stopping = true;
        synchronized (wakeup) {
            wakeup.notifyAll();
        }
        thread.join(STOP_JOIN.toMillis());
        if (thread.isAlive()) {
            log.warn("historian: writer thread still busy with {} after {}; leaving it", historian.describe(), STOP_JOIN);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private void run() {
        while (!stopping) {
            List<SpoolRecord> records;
            try {
                records = spool.poll(maxBytesPerWrite, POLL_MILLIS);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                if (stopping) {
                    return;
                }
                log.error("historian: reading the spool failed, retrying: {}", e.toString());
                if (!sleep(maxBackoff)) {
                    return;
                }
                continue;
            }
            if (records.isEmpty()) {
                continue;
            }
            if (!writeUntilDone(records)) {
                return;
            }
        }
    }

    private boolean writeUntilDone(List<SpoolRecord> records) {
        List<Sample> samples = new ArrayList<>();
        List<Event> events = new ArrayList<>();
        List<Object> journal = new ArrayList<>();
        for (SpoolRecord r : records) {
            Object message = handedOver.get(r.sequence());
            try {
                if (message == null) {
                    message = RecordEncoding.decode(r.payload());
                }
            } catch (IllegalArgumentException e) {
                // Passed its CRC, so it is what was written: a record from another version. Keep going, loudly.
                log.error("historian: spool record {} is not readable by this version and is skipped: {}", r.sequence(), e.getMessage());
                continue;
            }
            if (message instanceof SampleBatch b) {
                samples.addAll(b.samples());
            } else if (message instanceof Event e) {
                events.add(e);
            } else if (JournalJson.journaled(message)) {
                journal.add(message);
            } else {
                log.error("historian: spool record {} holds a {}, which the historian does not store; skipped", r.sequence(),
                        message.getClass().getSimpleName());
            }
        }
        long last = records.get(records.size() - 1).sequence();
        forgetHandedOver(last);
        Duration backoff = minBackoff;
        int attempt = 0;
        while (!stopping) {
            try {
                // Two writes, each idempotent: after a failure of the second, retrying both leaves one copy.
                historian.write(samples, events);
                historian.writeJournal(journal);
                spool.confirm(last);
                writtenSamples.addAndGet(samples.size());
                writtenEvents.addAndGet(events.size());
                writtenJournal.addAndGet(journal.size());
                if (attempt > 0) {
                    log.info("historian: {} reachable again after {} failed attempts; writing the backlog", historian.describe(), attempt);
                }
                lastError = "";
                return true;
            } catch (HistorianException e) {
                failedWrites.incrementAndGet();
                lastError = e.getMessage();
                if (e.permanent() && setAside(records, last, e)) {
                    return true;
                }
                if (attempt == 0) {
                    log.warn("historian: write failed, keeping records {}..{} in the spool and retrying: {}",
                            records.get(0).sequence(), last, e.getMessage());
                }
            } catch (Exception e) {
                failedWrites.incrementAndGet();
                lastError = e.toString();
                log.error("historian: confirming spool records up to {} failed: {}", last, e.toString());
            }
            attempt++;
            if (!sleep(backoff)) {
                return false;
            }
            backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
        }
        return false;
    }

    /** Drops handed-over messages up to {@code last}, also any that arrived after the writer had read their bytes. */
    private void forgetHandedOver(long last) {
        Map.Entry<Long, Object> first;
        while ((first = handedOver.firstEntry()) != null && first.getKey() <= last) {
            if (handedOver.remove(first.getKey(), first.getValue())) {
                handedOverCount.decrementAndGet();
            }
        }
    }

    /** Keeps records the database refuses for good beside the spool and confirms them, so that the writer moves on. */
    private boolean setAside(List<SpoolRecord> records, long last, HistorianException e) {
        try {
            Path file = spool.setAside(records, e.getMessage());
            spool.confirm(last);
            rejectedRecords.addAndGet(records.size());
            log.error("historian: {} refuses spool records {}..{} for good ({}); they are kept in {}", historian.describe(),
                    records.get(0).sequence(), last, e.getMessage(), file);
            return true;
        } catch (Exception io) {
            log.error("historian: could not set refused records {}..{} aside: {}", records.get(0).sequence(), last, io.toString());
            return false;
        }
    }

    /** Waits out a backoff; false when stopping (which cuts the wait short). */
    private boolean sleep(Duration d) {
        long deadline = System.nanoTime() + d.toNanos();
        synchronized (wakeup) {
            long left;
            while (!stopping && (left = deadline - System.nanoTime()) > 0) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(wakeup, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return !stopping;
    }
}
