package org.flowpat.pat.capability;

/**
 * Capability and performance indices. An index that the specification does not define (Cp, Pp
 * and Cpm need both limits; Cpl a lower, Cpu an upper limit; Cpm a target) is NaN, and so are the
 * bounds of its interval.
 *
 * @param n number of observations the indices rest on
 * @param confidence confidence level of the intervals, e.g. 0.95
 */
public record CapabilityIndices(
        double mean, double sigmaWithin, double sigmaOverall, int n, double confidence,
        double cp, double cpl, double cpu, double cpk, double cpm,
        double pp, double ppl, double ppu, double ppk,
        Interval cpInterval, Interval cpkInterval, Interval ppInterval, Interval ppkInterval) {
}
