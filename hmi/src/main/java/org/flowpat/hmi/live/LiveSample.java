package org.flowpat.hmi.live;

import org.flowpat.controller.api.Sample;

/**
 * A fresh sample on its way to the live sockets, keyed {@code LINE/UNIT.signal}. Its JSON is encoded once, by the
 * first socket that sends it, and shared by all others: fifty screens following the same signal cost one encoding,
 * not fifty.
 */
public final class LiveSample {
    private final String key;
    private final Sample sample;
    /** Racy single-check: two sockets may both encode it, and either result is the same immutable string. */
    private String json;

    LiveSample(String key, Sample sample) {
        this.key = key;
        this.sample = sample;
    }

    public String key() {
        return key;
    }

    public Sample sample() {
        return sample;
    }

    /** {@code {value, quality, statusCode, time, signal}} as text. */
    String json() {
        String j = json;
        if (j == null) {
            j = SampleJson.of(sample).put("signal", key).encode();
            json = j;
        }
        return j;
    }
}
