package org.flowpat.controller.api;

/**
 * Why a lot is not RELEASE-READY: the rule (e.g. {@code cqa-in-spec}, {@code completeness}, {@code capability},
 * {@code critical-alarm}), the decision it leads to, and a sentence for the reviewer naming the figure and its limit.
 */
public record ReleaseReason(String rule, ReleaseDecision outcome, String message) {
}
