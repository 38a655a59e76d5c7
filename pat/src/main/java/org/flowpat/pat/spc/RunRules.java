package org.flowpat.pat.spc;

/**
 * Western Electric and Nelson run rules, evaluated in O(1) per point without allocation: runs
 * are counters and the "k of the last m" windows are bit shift registers.
 *
 * <p>Each point is given as its plotted value and its standardized distance from the center
 * line, z = (value - center) / sigma_of_the_plotted_statistic. Zones are strict: a point is
 * beyond 2σ when z &gt; 2. A point exactly on the center line belongs to neither side. A rule
 * fires at the point that completes its pattern, and keeps firing while the pattern continues.
 * For the "k of m" rules the completing point itself must lie in the zone, so one pattern is not
 * reported twice.
 *
 * <ul>
 * <li>Nelson 1 / WE 1: one point beyond 3σ.</li>
 * <li>Nelson 2: nine in a row on the same side; WE 4: eight in a row on the same side.</li>
 * <li>Nelson 3: six points in a row steadily increasing or decreasing.</li>
 * <li>Nelson 4: fourteen points in a row alternating up and down.</li>
 * <li>Nelson 5 / WE 2: two of three beyond 2σ on the same side.</li>
 * <li>Nelson 6 / WE 3: four of five beyond 1σ on the same side.</li>
 * <li>Nelson 7: fifteen in a row within 1σ (either side).</li>
 * <li>Nelson 8: eight in a row beyond 1σ (either side); in Nelson's original form (the default)
 * the eight must include points on both sides; Minitab's form does not require it.</li>
 * </ul>
 */
public final class RunRules {
    private final int enabled;
    private final boolean nelson8BothSides;

    private long index;
    private double previous = Double.NaN;
    private int lastStep;          // sign of the previous difference: -1, 0, +1
    private int above;             // consecutive points with z > 0
    private int below;             // consecutive points with z < 0
    private int rising;            // consecutive strict increases
    private int falling;           // consecutive strict decreases
    private int alternating;       // differences in the current alternating chain
    private int beyond2Up;         // shift registers of the last points beyond +2σ, -2σ, +1σ, -1σ
    private int beyond2Down;
    private int beyond1Up;
    private int beyond1Down;
    private int within1;           // consecutive points with |z| <= 1
    private int outside1;          // consecutive points with |z| > 1
    private long lastAbove1 = Long.MIN_VALUE / 2;
    private long lastBelow1 = Long.MIN_VALUE / 2;

    /** @param enabled the rule bits of {@link Signals} to evaluate (e.g. {@link Signals#NELSON}) */
    public RunRules(int enabled) {
        this(enabled, true);
    }

    public RunRules(int enabled, boolean nelson8BothSides) {
        if ((enabled & ~Signals.RULES) != 0) {
            throw new IllegalArgumentException("not a run rule bit: " + Integer.toHexString(enabled & ~Signals.RULES));
        }
        this.enabled = enabled;
        this.nelson8BothSides = nelson8BothSides;
    }

    public int enabled() {
        return enabled;
    }

    /**
     * Adds the next point; returns the rule bits that fire at it. Written with 0/1 integers and
     * non-short-circuit operators rather than if-chains: on noisy data the comparisons are
     * unpredictable, and this form lets the JIT use conditional moves instead of mispredicted
     * branches. It is split in three so that each part is small enough for the JIT to inline.
     */
    public int update(double value, double z) {
        index++;
        advanceTrend(value);
        advanceZones(z);
        return (evaluateRuns(z) | evaluateZones()) & enabled;
    }

    private void advanceTrend(double value) {
        int inc = value > previous ? 1 : 0; // previous is NaN before the first point: no step
        int dec = value < previous ? 1 : 0;
        int step = inc - dec;
        rising = (rising + 1) * inc;
        falling = (falling + 1) * dec;
        int moved = step != 0 ? 1 : 0;
        int flipped = (moved != 0 & step == -lastStep) ? 1 : 0;
        alternating = flipped * alternating + moved; // +1 on a flip, restart at 1 on a move, 0 on a tie
        lastStep = step;
        previous = value;
    }

    private void advanceZones(double z) {
        above = (above + 1) * (z > 0 ? 1 : 0);
        below = (below + 1) * (z < 0 ? 1 : 0);
        int up1 = z > 1 ? 1 : 0;
        int down1 = z < -1 ? 1 : 0;
        beyond2Up = ((beyond2Up << 1) | (z > 2 ? 1 : 0)) & 0b111;
        beyond2Down = ((beyond2Down << 1) | (z < -2 ? 1 : 0)) & 0b111;
        beyond1Up = ((beyond1Up << 1) | up1) & 0b11111;
        beyond1Down = ((beyond1Down << 1) | down1) & 0b11111;
        int out1 = up1 | down1;
        within1 = (within1 + 1) * (1 - out1);
        outside1 = (outside1 + 1) * out1;
        lastAbove1 = up1 != 0 ? index : lastAbove1;
        lastBelow1 = down1 != 0 ? index : lastBelow1;
    }

    private int evaluateRuns(double z) {
        int s = (z > 3 | z < -3) ? Signals.NELSON1 | Signals.WE1 : 0;
        s |= (above >= 9 | below >= 9) ? Signals.NELSON2 : 0;
        s |= (rising >= 5 | falling >= 5) ? Signals.NELSON3 : 0;
        s |= alternating >= 13 ? Signals.NELSON4 : 0;
        s |= within1 >= 15 ? Signals.NELSON7 : 0;
        s |= (above >= 8 | below >= 8) ? Signals.WE4 : 0;
        return s;
    }

    private int evaluateZones() {
        int s = 0;
        // The newest bit of each register is the current point: it must itself be in the zone.
        s |= (((beyond2Up & 1) != 0 & Integer.bitCount(beyond2Up) >= 2) | ((beyond2Down & 1) != 0 & Integer.bitCount(beyond2Down) >= 2))
                ? Signals.NELSON5 | Signals.WE2 : 0;
        s |= (((beyond1Up & 1) != 0 & Integer.bitCount(beyond1Up) >= 4) | ((beyond1Down & 1) != 0 & Integer.bitCount(beyond1Down) >= 4))
                ? Signals.NELSON6 | Signals.WE3 : 0;
        s |= (outside1 >= 8 & (!nelson8BothSides | (index - lastAbove1 < 8 & index - lastBelow1 < 8))) ? Signals.NELSON8 : 0;
        return s;
    }

    /** Forgets all history (e.g. after a process adjustment). */
    public void reset() {
        index = 0;
        previous = Double.NaN;
        lastStep = 0;
        above = below = rising = falling = alternating = 0;
        beyond2Up = beyond2Down = beyond1Up = beyond1Down = 0;
        within1 = outside1 = 0;
        lastAbove1 = lastBelow1 = Long.MIN_VALUE / 2;
    }
}
