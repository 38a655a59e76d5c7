package org.flowpat.controller.lots;

import org.flowpat.config.model.Cqa;
import org.flowpat.config.model.Spec;
import org.flowpat.controller.api.CqaSummary;
import org.flowpat.pat.capability.Capability;
import org.flowpat.pat.capability.SpecLimits;

/**
 * One CQA's statistics over a lot's product material: running sums for n, mean and sd (Welford), min and max, the
 * moving range for the within sigma, out-of-spec count against the CQA's spec, and the samples left out.
 */
final class CqaStatistics {
    /** d2 of a moving range of two: sigma within = mean moving range / 1.128. */
    private static final double D2 = 1.128;

    private final Cqa cqa;
    private long n;
    private double mean;
    private double m2;
    private double min = Double.NaN;
    private double max = Double.NaN;
    private double last = Double.NaN;
    private double movingRangeSum;
    private long movingRanges;
    private long outOfSpec;
    private long excludedBad;
    private long excludedDiverted;
    private int spcSignals;

    CqaStatistics(Cqa cqa) {
        this.cqa = cqa;
    }

    void product(double value, boolean signalled) {
        n++;
        double delta = value - mean;
        mean += delta / n;
        m2 += delta * (value - mean);
        min = Double.isNaN(min) ? value : Math.min(min, value);
        max = Double.isNaN(max) ? value : Math.max(max, value);
        if (!Double.isNaN(last)) {
            movingRangeSum += Math.abs(value - last);
            movingRanges++;
        }
        last = value;
        if (!cqa.spec().conforms(value)) {
            outOfSpec++;
        }
        if (signalled) {
            spcSignals++;
        }
    }

    void bad() {
        excludedBad++;
    }

    void diverted() {
        excludedDiverted++;
    }

    CqaSummary summary() {
        Spec spec = cqa.spec();
        double lsl = spec.lsl() == null ? Double.NaN : spec.lsl();
        double usl = spec.usl() == null ? Double.NaN : spec.usl();
        double sd = n >= 2 ? Math.sqrt(m2 / (n - 1)) : Double.NaN;
        return new CqaSummary(cqa.id(), cqa.unit() == null ? "" : cqa.unit(), n, n > 0 ? mean : Double.NaN, sd, min, max,
                lsl, usl, ppk(lsl, usl, sd), outOfSpec, excludedBad, excludedDiverted, spcSignals);
    }

    /** Ppk with the overall sigma (pat capability); NaN with fewer than two samples or no spread. */
    private double ppk(double lsl, double usl, double sd) {
        double within = movingRanges > 0 ? movingRangeSum / movingRanges / D2 : Double.NaN;
        if (n < 2 || !(sd > 0) || !(within > 0)) {
            return Double.NaN;
        }
        double target = cqa.spec().target() == null ? Double.NaN : cqa.spec().target();
        return Capability.compute(mean, within, sd, (int) Math.min(n, Integer.MAX_VALUE),
                new SpecLimits(lsl, usl, target), 0.95).ppk();
    }
}
