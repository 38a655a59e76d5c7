package org.flowpat.controller.api;

import java.util.Arrays;

/**
 * One spectrum of an inline analyzer (absorbance per wavelength point) as it left the line, with the same
 * timing and status fields as {@link Sample}. Published one per message on {@link Addresses#SPECTRA}: spectra are
 * large and consumed by few (chemometrics, historian), so they do not ride in {@link SampleBatch}es.
 *
 * @param line             line id, e.g. {@code L1}
 * @param signal           signal reference {@code UNIT.signal}, e.g. {@code AT1.spectrum}
 * @param values           absorbances (copied; empty when the server sent no array, e.g. with a Bad status)
 * @param sourceTimeNanos  source timestamp, epoch nanoseconds
 * @param receiveTimeNanos controller receive timestamp, epoch nanoseconds
 * @param statusCode       OPC UA status code, unsigned 32 bits
 */
public record SpectrumSample(String line, String signal, double[] values, long sourceTimeNanos, long receiveTimeNanos,
                             long statusCode) {
    public SpectrumSample {
        values = values == null ? new double[0] : values.clone();
    }

    /** A copy: the record stays immutable. */
    @Override
    public double[] values() {
        return values.clone();
    }

    public int length() {
        return values.length;
    }

    public Quality quality() {
        return Quality.of(statusCode);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SpectrumSample s && line.equals(s.line) && signal.equals(s.signal)
                && Arrays.equals(values, s.values) && sourceTimeNanos == s.sourceTimeNanos
                && receiveTimeNanos == s.receiveTimeNanos && statusCode == s.statusCode;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * line.hashCode() + signal.hashCode()) + Long.hashCode(sourceTimeNanos);
    }

    @Override
    public String toString() {
        return "SpectrumSample[" + line + " " + signal + " " + values.length + " points, source " + sourceTimeNanos
                + ", status 0x" + Long.toHexString(statusCode) + "]";
    }
}
