package org.flowpat.controller.api;

import java.util.List;

/** A control-chart signal recorded in a lot: which CQA, when, the value and the rules that fired (e.g. {@code we1}, {@code ewma}). */
public record SpcSignal(String cqa, long timeNanos, double value, List<String> rules) {
    public SpcSignal {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }
}
