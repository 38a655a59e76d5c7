package org.flowpat.controller.api;

/**
 * ISA-18.2 alarm states. SHELVED (by an engineer, with an expiry) and SUPPRESSED (by design in a line state, or
 * as the consequence of an active root-cause alarm) hide the alarm from annunciation while its condition is
 * still tracked.
 */
public enum AlarmState {
    NORMAL, ACTIVE_UNACKED, ACTIVE_ACKED, RETURNED_UNACKED, SHELVED, SUPPRESSED;

    /** Whether the operator sees the alarm in the alarm list. */
    public boolean annunciated() {
        return this == ACTIVE_UNACKED || this == ACTIVE_ACKED || this == RETURNED_UNACKED;
    }
}
