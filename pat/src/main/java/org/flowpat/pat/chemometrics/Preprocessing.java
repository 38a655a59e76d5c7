package org.flowpat.pat.chemometrics;

/** Spectrum preprocessing applied before mean-centring (which is always applied). */
public enum Preprocessing {
    /** Mean-centring only. */
    NONE,
    /** Standard normal variate: each spectrum minus its own mean, divided by its own standard deviation (n-1). */
    SNV;

    /** Writes the preprocessed spectrum to {@code out} (may be the same array). No allocation. */
    public void apply(double[] spectrum, double[] out) {
        int p = spectrum.length;
        if (this == NONE) {
            if (out != spectrum) {
                System.arraycopy(spectrum, 0, out, 0, p);
            }
            return;
        }
        double mean = 0;
        for (double v : spectrum) {
            mean += v;
        }
        mean /= p;
        double ss = 0;
        for (double v : spectrum) {
            ss += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(ss / (p - 1));
        if (!(sd > 0)) {
            throw new IllegalArgumentException("SNV: the spectrum is constant (or has fewer than 2 points), its standard deviation is " + sd);
        }
        for (int j = 0; j < p; j++) {
            out[j] = (spectrum[j] - mean) / sd;
        }
    }
}
