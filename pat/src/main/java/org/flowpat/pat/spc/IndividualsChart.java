package org.flowpat.pat.spc;

/**
 * Streaming individuals / moving-range (I-MR) chart against frozen limits (phase II, or phase I
 * replayed against its own estimates). {@link #update(double)} is O(1) and allocation-free; read
 * the plotted values, limits and signals from the getters afterwards.
 *
 * <p>The I chart has limits center ± 3σ and runs the selected rules. The MR chart plots
 * |x_i - x_(i-1)| between consecutive non-missing values, with center d2(2)σ, UCL (d2 + 3 d3)σ
 * and LCL 0.
 */
public final class IndividualsChart {
    private final double center;
    private final double sigma;
    private final double ucl;
    private final double lcl;
    private final double mrCenter;
    private final double mrUcl;
    private final RunRules rules;
    private final boolean rulesEnabled;

    private double value = Double.NaN;
    private double movingRange = Double.NaN;
    private int signals;
    private int mrSignals;
    private long count;

    /**
     * @param rules run-rule bits of {@link Signals} (0 for none); beyond-limit bits are always reported
     */
    public IndividualsChart(double center, double sigma, int rules, ChartConstants constants) {
        this.center = Checks.finite("center", center);
        this.sigma = Checks.positive("sigma", sigma);
        this.ucl = center + 3 * sigma;
        this.lcl = center - 3 * sigma;
        this.mrCenter = constants.d2(2) * sigma;
        this.mrUcl = (constants.d2(2) + 3 * constants.d3(2)) * sigma;
        this.rules = new RunRules(rules);
        this.rulesEnabled = rules != 0;
    }

    /**
     * Adds one observation. A NaN (missing value) is skipped: nothing changes and 0 is returned.
     *
     * @return the signal bits of the I chart at this point
     */
    public int update(double x) {
        if (Double.isNaN(x)) {
            return 0;
        }
        movingRange = Math.abs(x - value); // NaN before the second observation, as value starts NaN
        value = x;
        count++;
        int s = rulesEnabled ? rules.update(x, (x - center) / sigma) : 0;
        s |= (x > ucl ? Signals.ABOVE_UCL : 0) | (x < lcl ? Signals.BELOW_LCL : 0);
        signals = s;
        mrSignals = movingRange > mrUcl ? Signals.ABOVE_UCL : 0;
        return s;
    }

    public double value() {
        return value;
    }

    /** The last moving range, NaN before the second observation. */
    public double movingRange() {
        return movingRange;
    }

    public int signals() {
        return signals;
    }

    public int movingRangeSignals() {
        return mrSignals;
    }

    public long count() {
        return count;
    }

    public double center() {
        return center;
    }

    public double sigma() {
        return sigma;
    }

    public double ucl() {
        return ucl;
    }

    public double lcl() {
        return lcl;
    }

    public double movingRangeCenter() {
        return mrCenter;
    }

    public double movingRangeUcl() {
        return mrUcl;
    }

    /** Forgets the history (moving range and rule windows), keeping the limits. */
    public void reset() {
        value = Double.NaN;
        movingRange = Double.NaN;
        signals = 0;
        mrSignals = 0;
        count = 0;
        rules.reset();
    }
}
