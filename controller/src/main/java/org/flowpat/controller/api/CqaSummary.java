package org.flowpat.controller.api;

/**
 * Statistics of one CQA over a lot's product material only (diverted material and Bad or non-finite samples
 * excluded and counted). Limits absent from the spec, and figures that need more samples, are NaN.
 */
public record CqaSummary(String cqa, String unit, long n, double mean, double sd, double min, double max, double lsl,
                         double usl, double ppk, long outOfSpec, long excludedBad, long excludedDiverted,
                         int spcSignals) {
}
