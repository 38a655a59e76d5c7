package org.flowpat.controller.historian.influx;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The minutes whose 1-minute roll-ups are missing or stale: disjoint half-open ranges of whole minutes, adjacent
 * ones merged, plus the one range being rolled up right now. Thread-safe: writers add, the roll-up thread takes
 * the lowest range first (so everything below the lowest dirty minute is always rolled up), readers ask for that
 * lowest minute. Bounded: beyond {@link #MAX_RANGES} ranges the two closest are merged (rolling up a few clean
 * minutes again costs time, never correctness).
 */
final class DirtyMinutes {
    static final long MINUTE = 60_000_000_000L;
    static final int MAX_RANGES = 256;

    /** A half-open range of whole minutes, epoch nanoseconds. */
    record MinuteRange(long fromNanos, long toNanos) {
        MinuteRange {
            if (fromNanos % MINUTE != 0 || toNanos % MINUTE != 0 || toNanos <= fromNanos) {
                throw new IllegalArgumentException("not a non-empty range of whole minutes: [" + fromNanos + ", " + toNanos + ")");
            }
        }

        long minutes() {
            return (toNanos - fromNanos) / MINUTE;
        }
    }

    private final TreeMap<Long, Long> ranges = new TreeMap<>();
    private MinuteRange inProgress;

    static long floorMinute(long nanos) {
        return Math.floorDiv(nanos, MINUTE) * MINUTE;
    }

    static long ceilMinute(long nanos) {
        return -Math.floorDiv(-nanos, MINUTE) * MINUTE;
    }

    /** Marks every minute holding a time in {@code [firstNanos, lastNanos]} (both inclusive: sample times). */
    synchronized void addTimes(long firstNanos, long lastNanos) {
        if (lastNanos < firstNanos) {
            throw new IllegalArgumentException("last time " + lastNanos + " before first " + firstNanos);
        }
        add(floorMinute(firstNanos), floorMinute(lastNanos) + MINUTE);
    }

    /** Marks the minutes of {@code [fromNanos, toNanos)}, both whole minutes; an empty range is ignored. */
    synchronized void add(long fromNanos, long toNanos) {
        if (toNanos <= fromNanos) {
            return;
        }
        new MinuteRange(fromNanos, toNanos); // checks alignment
        long from = fromNanos;
        long to = toNanos;
        // Absorb every range that overlaps or touches [from, to).
        Map.Entry<Long, Long> before = ranges.floorEntry(from);
        if (before != null && before.getValue() >= from) {
            from = before.getKey();
            to = Math.max(to, before.getValue());
            ranges.remove(before.getKey());
        }
        Map.Entry<Long, Long> next;
        while ((next = ranges.ceilingEntry(from)) != null && next.getKey() <= to) {
            to = Math.max(to, next.getValue());
            ranges.remove(next.getKey());
        }
        ranges.put(from, to);
        if (ranges.size() > MAX_RANGES) {
            mergeClosestPair();
        }
    }

    private void mergeClosestPair() {
        Long bestStart = null;
        long bestGap = Long.MAX_VALUE;
        Map.Entry<Long, Long> previous = null;
        for (Map.Entry<Long, Long> e : ranges.entrySet()) {
            if (previous != null && e.getKey() - previous.getValue() < bestGap) {
                bestGap = e.getKey() - previous.getValue();
                bestStart = previous.getKey();
            }
            previous = e;
        }
        Map.Entry<Long, Long> second = ranges.higherEntry(bestStart);
        ranges.remove(second.getKey());
        ranges.put(bestStart, second.getValue());
    }

    /**
     * Takes the lowest dirty range for rolling up, cut at {@code dueBefore} (a whole minute); null when its first
     * minute is not due. Until {@link #finish} its minutes still count as dirty.
     */
    synchronized MinuteRange take(long dueBefore) {
        if (inProgress != null) {
            throw new IllegalStateException("a roll-up of " + inProgress + " is still in progress");
        }
        if (ranges.isEmpty() || ranges.firstKey() >= dueBefore) {
            return null;
        }
        Map.Entry<Long, Long> lowest = ranges.pollFirstEntry();
        long end = Math.min(lowest.getValue(), dueBefore);
        if (end < lowest.getValue()) {
            ranges.put(end, lowest.getValue());
        }
        inProgress = new MinuteRange(lowest.getKey(), end);
        return inProgress;
    }

    /**
     * Ends the roll-up of a range taken by {@link #take}: its minutes before {@code rolledUpTo} are done, the rest
     * (all of them when it failed at once) are dirty again.
     */
    synchronized void finish(MinuteRange range, long rolledUpTo) {
        if (!range.equals(inProgress)) {
            throw new IllegalStateException(range + " is not the roll-up in progress (" + inProgress + ")");
        }
        if (rolledUpTo < range.fromNanos() || rolledUpTo > range.toNanos() || rolledUpTo % MINUTE != 0) {
            throw new IllegalArgumentException("rolled up to " + rolledUpTo + ", not a minute of " + range);
        }
        inProgress = null;
        add(rolledUpTo, range.toNanos());
    }

    /** The first minute that is dirty or being rolled up, or {@link Long#MAX_VALUE} when every minute is clean. */
    synchronized long lowest() {
        long lowest = ranges.isEmpty() ? Long.MAX_VALUE : ranges.firstKey();
        return inProgress == null ? lowest : Math.min(lowest, inProgress.fromNanos());
    }

    synchronized boolean isEmpty() {
        return ranges.isEmpty() && inProgress == null;
    }

    /** The dirty ranges not in progress, lowest first. */
    synchronized List<MinuteRange> ranges() {
        List<MinuteRange> out = new ArrayList<>();
        ranges.forEach((from, to) -> out.add(new MinuteRange(from, to)));
        return out;
    }

    @Override
    public synchronized String toString() {
        return "dirty " + ranges() + (inProgress == null ? "" : ", rolling up " + inProgress);
    }
}
