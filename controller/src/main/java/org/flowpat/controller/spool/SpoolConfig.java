package org.flowpat.controller.spool;

import java.nio.file.Path;
import java.util.Objects;

/**
 * @param directory           where segment files and the written mark live (created if missing)
 * @param segmentBytes        a segment is closed and a new one started when the next record would exceed this
 * @param capacityBytes       the bound of the spool on disk: appends beyond it fail with {@link SpoolFullException}
 * @param alarmFraction       fill ratio at which the alarm is raised (cleared again below 90 % of it)
 * @param fsyncPolicy         when appended records are forced to disk
 * @param fsyncIntervalMillis period of forcing under {@link FsyncPolicy#INTERVAL}
 */
public record SpoolConfig(Path directory, long segmentBytes, long capacityBytes, double alarmFraction,
                          FsyncPolicy fsyncPolicy, long fsyncIntervalMillis) {

    public static final long DEFAULT_SEGMENT_BYTES = 16L << 20;
    public static final long DEFAULT_CAPACITY_BYTES = 2L << 30;
    public static final double DEFAULT_ALARM_FRACTION = 0.8;
    public static final long DEFAULT_FSYNC_INTERVAL_MILLIS = 200;

    public SpoolConfig {
        Objects.requireNonNull(directory, "spool directory");
        Objects.requireNonNull(fsyncPolicy, "spool fsync policy");
        if (segmentBytes < 1024) {
            throw new IllegalArgumentException("spool segment size must be at least 1024 bytes, got " + segmentBytes);
        }
        if (capacityBytes < 2 * segmentBytes) {
            throw new IllegalArgumentException("spool capacity (" + capacityBytes + " bytes) must hold at least two segments of "
                    + segmentBytes + " bytes");
        }
        if (!(alarmFraction > 0 && alarmFraction < 1)) {
            throw new IllegalArgumentException("spool alarm fraction must be between 0 and 1 exclusive, got " + alarmFraction);
        }
        if (fsyncPolicy == FsyncPolicy.INTERVAL && fsyncIntervalMillis <= 0) {
            throw new IllegalArgumentException("spool fsync interval must be positive, got " + fsyncIntervalMillis + " ms");
        }
    }

    /** Defaults: 16 MiB segments, 2 GiB bound, alarm at 80 %, forced every 200 ms. */
    public static SpoolConfig defaults(Path directory) {
        return new SpoolConfig(directory, DEFAULT_SEGMENT_BYTES, DEFAULT_CAPACITY_BYTES, DEFAULT_ALARM_FRACTION,
                FsyncPolicy.INTERVAL, DEFAULT_FSYNC_INTERVAL_MILLIS);
    }

    public SpoolConfig withSegmentBytes(long bytes) {
        return new SpoolConfig(directory, bytes, capacityBytes, alarmFraction, fsyncPolicy, fsyncIntervalMillis);
    }

    public SpoolConfig withCapacityBytes(long bytes) {
        return new SpoolConfig(directory, segmentBytes, bytes, alarmFraction, fsyncPolicy, fsyncIntervalMillis);
    }

    public SpoolConfig withFsync(FsyncPolicy policy, long intervalMillis) {
        return new SpoolConfig(directory, segmentBytes, capacityBytes, alarmFraction, policy, intervalMillis);
    }

    /** Largest payload a record may carry: a record never spans segments. */
    public int maxPayloadBytes() {
        return (int) Math.min(Integer.MAX_VALUE - 64, segmentBytes - RecordFormat.HEADER_BYTES);
    }
}
