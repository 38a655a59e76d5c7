package org.flowpat.controller.api;

import java.util.List;

/** Samples travel the event bus in batches: one message per subscription notification or PLC poll. */
public record SampleBatch(List<Sample> samples) {
    public SampleBatch {
        samples = List.copyOf(samples);
    }
}
