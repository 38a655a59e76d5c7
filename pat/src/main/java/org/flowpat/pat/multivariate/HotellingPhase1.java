package org.flowpat.pat.multivariate;

/**
 * Result of a phase I Hotelling T² analysis: the fitted model, the T² of each reference
 * observation or subgroup, and the limits for phase I (the reference points themselves) and
 * phase II (new points), both at {@code alpha}.
 */
public record HotellingPhase1(HotellingModel model, double[] t2, double uclPhase1, double uclPhase2, double alpha) {
    public HotellingPhase1 {
        t2 = t2.clone();
    }

    @Override
    public double[] t2() {
        return t2.clone();
    }

    /** Whether reference point i (0-based) is strictly beyond the phase I limit. */
    public boolean signals(int i) {
        return t2[i] > uclPhase1;
    }
}
