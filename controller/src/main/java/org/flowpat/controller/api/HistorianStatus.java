package org.flowpat.controller.api;

/**
 * The historian's spool level, published when its alarm is raised or cleared: when the database is down
 * or slow the spool fills, and the operator must know well before it is full.
 *
 * @param spoolBytes    bytes on disk not yet confirmed written (whole segments)
 * @param capacityBytes the configured bound; appends fail beyond it
 * @param alarm         true while the level is at or above the alarm threshold
 * @param lastError     the last database error seen by the writer, empty if none
 */
public record HistorianStatus(long spoolBytes, long capacityBytes, boolean alarm, String lastError) {
    public HistorianStatus {
        lastError = lastError == null ? "" : lastError;
    }

    public double fillRatio() {
        return capacityBytes == 0 ? 0 : (double) spoolBytes / capacityBytes;
    }
}
