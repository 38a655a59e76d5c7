package org.flowpat.controller.historian;

/**
 * One bucket of a downsampled trend.
 *
 * @param startNanos start of the bucket, epoch nanoseconds (aligned to the epoch)
 * @param count      usable samples in it
 */
public record TrendBucket(long startNanos, double min, double mean, double max, long count) {
}
