package org.flowpat.controller.api;

/**
 * How much of a lot's expected PAT data arrived Good: {@code expected} analyzer samples for the lot's duration at
 * the configured rate, of which {@code good} arrived Good, {@code notGood} arrived Uncertain or Bad, and
 * {@code missing} never arrived; {@code share} = good / expected (1 when nothing was expected).
 */
public record Completeness(long expected, long good, long notGood, long missing, double share) {
}
