package org.flowpat.controller.historian;

import org.flowpat.controller.api.Quality;
import org.flowpat.controller.api.Sample;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Deterministic samples with every kind of status and value a line produces, and the trend they should give. */
final class TestData {
    static final long BASE = 1_763_000_000_000_000_000L; // 2025-11-13, a whole second
    static final List<String> SIGNALS = List.of("R1.temperature", "P1.pressure", "AT1.impurity", "FT1.flow");

    private TestData() {
    }

    /** n samples per signal, stepNanos apart, with Good, Uncertain and Bad statuses, NaN and infinities among them. */
    static List<Sample> samples(String line, int n, long startNanos, long stepNanos) {
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long t = startNanos + i * stepNanos + 123; // odd nanoseconds: precision is checked too
            for (int k = 0; k < SIGNALS.size(); k++) {
                double value = 50 + 10 * Math.sin(i / 7.0 + k) + k;
                long status = i % 11 == 5 ? Quality.BAD_CODE | 0x00310000L : i % 7 == 3 ? Quality.UNCERTAIN_CODE : Quality.GOOD_CODE;
                if (i % 13 == 4) {
                    value = Double.NaN;
                } else if (i % 29 == 9) {
                    value = k % 2 == 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
                }
                out.add(new Sample(line, SIGNALS.get(k), value, t, t + 1_000_000 + i, status));
            }
        }
        return out;
    }

    static List<Sample> ofSignal(List<Sample> samples, String signal) {
        return samples.stream().filter(s -> s.signal().equals(signal)).toList();
    }

    /** The trend computed here, independently of both databases: usable = finite and not Bad. */
    static List<TrendBucket> expectedTrend(List<Sample> samples, Duration bucket) {
        long width = bucket.toNanos();
        Map<Long, List<Double>> buckets = new TreeMap<>();
        for (Sample s : samples) {
            if (Double.isFinite(s.value()) && s.quality() != Quality.BAD) {
                buckets.computeIfAbsent(Math.floorDiv(s.sourceTimeNanos(), width) * width, k -> new ArrayList<>()).add(s.value());
            }
        }
        List<TrendBucket> out = new ArrayList<>();
        buckets.forEach((start, values) -> out.add(new TrendBucket(start,
                values.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
                values.stream().mapToDouble(Double::doubleValue).average().orElseThrow(),
                values.stream().mapToDouble(Double::doubleValue).max().orElseThrow(), values.size())));
        return out;
    }

    static void assertSameTrend(List<TrendBucket> expected, List<TrendBucket> actual, String what) {
        org.junit.jupiter.api.Assertions.assertEquals(expected.size(), actual.size(), what + ": bucket count");
        for (int i = 0; i < expected.size(); i++) {
            TrendBucket e = expected.get(i);
            TrendBucket a = actual.get(i);
            String at = what + " bucket " + i;
            org.junit.jupiter.api.Assertions.assertEquals(e.startNanos(), a.startNanos(), at + " start");
            org.junit.jupiter.api.Assertions.assertEquals(e.count(), a.count(), at + " count");
            org.junit.jupiter.api.Assertions.assertEquals(e.min(), a.min(), 0.0, at + " min");
            org.junit.jupiter.api.Assertions.assertEquals(e.max(), a.max(), 0.0, at + " max");
            // Summation order differs between the databases: the mean may differ in its last bits.
            org.junit.jupiter.api.Assertions.assertEquals(e.mean(), a.mean(), 1e-9 * Math.abs(e.mean()), at + " mean");
        }
    }
}
