package org.flowpat.controller.acquisition;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Checks what one OPC UA subscription delivers, sample by sample, before it goes on the bus:
 * <ul>
 * <li><b>Duplicates.</b> Under load Milo's client can process two publish responses out of order, take the gap in
 * sequence numbers for a lost message, republish it, and so deliver the same notifications twice. A sample equal in
 * source time, value and status to one of the last {@value #REMEMBERED} of its signal is dropped: it is already on
 * the bus (InfluxDB would keep one point anyway, but counts, SPC and alarms would see it twice).</li>
 * <li><b>Discards.</b> A monitored item whose server queue overflowed (the publishing fell behind the sampling) drops
 * its oldest values and sets the Overflow bit on the oldest value it kept (OPC UA Part 4, 5.12.1.5), so the samples
 * lost lie between that value and the one delivered before it; reported per batch.</li>
 * </ul>
 * Synchronized: Milo may deliver from more than one thread.
 */
final class DeliveredSamples {
    /** StatusCode InfoType DataValue (0x400) with the Overflow bit (0x80). */
    static final long OVERFLOW = 0x480;
    /** Samples remembered per signal: a republished message is at most a few publishing intervals old. */
    static final int REMEMBERED = 64;

    /** Samples of {@code signals} were discarded between {@code fromNanos} and {@code toNanos} (source times). */
    record Discard(long fromNanos, long toNanos, TreeSet<String> signals) {
    }

    /** The last samples of one signal: a ring of source times, value bits and status codes. */
    private static final class Recent {
        final long[] times = new long[REMEMBERED];
        final long[] values = new long[REMEMBERED];
        final long[] statuses = new long[REMEMBERED];
        int next;
        int size;
        long newest = Long.MIN_VALUE;

        boolean contains(long time, long valueBits, long status) {
            for (int i = 0; i < size; i++) {
                if (times[i] == time && values[i] == valueBits && statuses[i] == status) {
                    return true;
                }
            }
            return false;
        }

        void add(long time, long valueBits, long status) {
            times[next] = time;
            values[next] = valueBits;
            statuses[next] = status;
            next = (next + 1) % REMEMBERED;
            size = Math.min(size + 1, REMEMBERED);
            newest = Math.max(newest, time);
        }
    }

    private final Map<String, Recent> recent = new HashMap<>();
    private long duplicates;
    private long from = Long.MAX_VALUE;
    private long to = Long.MIN_VALUE;
    private TreeSet<String> discarded;

    static boolean overflowed(long statusCode) {
        return (statusCode & OVERFLOW) == OVERFLOW;
    }

    /**
     * One sample of the batch, in the order of the notification; false when it is a duplicate to drop.
     *
     * @param valueBits the value's bits (e.g. {@link Double#doubleToLongBits}), compared only with equal times
     */
    synchronized boolean accept(String signal, long sourceNanos, long valueBits, long statusCode) {
        Recent r = recent.computeIfAbsent(signal, s -> new Recent());
        // Nearly every sample is newer than all before it: one comparison, no search.
        if (sourceNanos <= r.newest && r.contains(sourceNanos, valueBits, statusCode)) {
            duplicates++;
            return false;
        }
        if (overflowed(statusCode)) {
            if (discarded == null) {
                discarded = new TreeSet<>();
            }
            discarded.add(signal);
            from = Math.min(from, r.newest == Long.MIN_VALUE ? sourceNanos : Math.min(r.newest, sourceNanos));
            to = Math.max(to, sourceNanos);
        }
        r.add(sourceNanos, valueBits, statusCode);
        return true;
    }

    /** The discards the batch reported, if any; starts the next batch. */
    synchronized Optional<Discard> endOfBatch() {
        if (discarded == null) {
            return Optional.empty();
        }
        Discard d = new Discard(from, to, discarded);
        discarded = null;
        from = Long.MAX_VALUE;
        to = Long.MIN_VALUE;
        return Optional.of(d);
    }

    /** Duplicates dropped so far. */
    synchronized long duplicates() {
        return duplicates;
    }
}
