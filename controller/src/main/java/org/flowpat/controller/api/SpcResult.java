package org.flowpat.controller.api;

import java.util.ArrayList;
import java.util.List;

/**
 * One CQA sample through its control charts. Chart fields are NaN (and signal bits 0) before phase II and for
 * samples excluded from the statistics ({@code included} false: Bad, Uncertain or NaN). Signal bits are those of
 * {@code org.flowpat.pat.spc.Signals} (run rules in bits 0-11, limits in 12-13).
 *
 * @param knownGood Good status, finite, and inside the specification tightened by the diversion guard band
 */
public record SpcResult(String line, String cqa, String signal, long timeNanos, double value, Quality quality,
                        boolean included, SpcPhase phase, double center, double sigma, int individualsSignals,
                        double movingRange, int movingRangeSignals, double ewma, double ewmaUcl, double ewmaLcl,
                        int ewmaSignals, double cusumUpper, double cusumLower, int cusumSignals, boolean inSpec,
                        boolean knownGood) {
    // The bit layout of org.flowpat.pat.spc.Signals, repeated so that readers of this record (the HMI) need no pat.
    private static final int ABOVE_UCL = 1 << 12;
    private static final int BELOW_LCL = 1 << 13;
    private static final String[] RULES = {"nelson1", "nelson2", "nelson3", "nelson4", "nelson5", "nelson6",
        "nelson7", "nelson8", "we1", "we2", "we3", "we4"};

    /** Whether any chart signalled at this sample. */
    public boolean signalled() {
        return (individualsSignals | movingRangeSignals | ewmaSignals | cusumSignals) != 0;
    }

    /** Readable names of the signals at this sample, e.g. {@code [i:limit, i:we2, ewma:above, cusum:above]}. */
    public List<String> signalNames() {
        List<String> names = new ArrayList<>();
        for (int b = 0; b < RULES.length; b++) {
            if ((individualsSignals & (1 << b)) != 0) {
                names.add("i:" + RULES[b]);
            }
        }
        if ((individualsSignals & (ABOVE_UCL | BELOW_LCL)) != 0) {
            names.add("i:limit");
        }
        if (movingRangeSignals != 0) {
            names.add("mr:above");
        }
        side(names, "ewma", ewmaSignals);
        side(names, "cusum", cusumSignals);
        return names;
    }

    private static void side(List<String> names, String chart, int bits) {
        if ((bits & ABOVE_UCL) != 0) {
            names.add(chart + ":above");
        }
        if ((bits & BELOW_LCL) != 0) {
            names.add(chart + ":below");
        }
    }
}
