package org.flowpat.controller.quality;

import org.flowpat.config.model.ChartSettings;
import org.flowpat.config.model.Cqa;
import org.flowpat.config.model.Spec;
import org.flowpat.controller.api.Quality;
import org.flowpat.controller.api.SpcPhase;
import org.flowpat.controller.api.SpcResult;
import org.flowpat.pat.spc.ChartConstants;
import org.flowpat.pat.spc.CusumChart;
import org.flowpat.pat.spc.Estimate;
import org.flowpat.pat.spc.EwmaChart;
import org.flowpat.pat.spc.IndividualsChart;
import org.flowpat.pat.spc.PhaseOne;
import org.flowpat.pat.spc.Signals;

/**
 * The control charts of one CQA: I-MR with run rules, EWMA and CUSUM on the same frozen phase I limits.
 *
 * <p>Limits are given in the settings, or estimated: once the CQA has been in specification for
 * {@code settleSamples} good samples in a row (steady state), the next {@code phaseOneSamples} good samples are
 * the reference period; {@link PhaseOne#individuals} estimates center and MR-bar sigma from them, excluding
 * out-of-control points. Phase II then updates the pat charts' streaming, allocation-free path per sample.
 *
 * <p>Only Good, finite samples enter the statistics. Bad or NaN samples are excluded and counted. Uncertain
 * samples are excluded too and counted separately: the simulator's (and a real NIR's) Uncertain means the
 * spectrum is outside the calibration or the cell holds too little material to ratio, so the value is not a
 * measurement of the process' common-cause variation; charting it would widen or trip the limits spuriously.
 * Not thread-safe: one instance belongs to one verticle.
 */
public final class CqaChart {
    private final String line;
    private final Cqa cqa;
    private final ChartSettings settings;
    private final int rules;
    private final double[] reference;
    private final double divertLow;
    private final double divertHigh;

    private SpcPhase phase;
    private int settled;
    private int referenceCount;
    private IndividualsChart individuals;
    private EwmaChart ewma;
    private CusumChart cusum;
    private long good;
    private long uncertain;
    private long bad;

    public CqaChart(String line, Cqa cqa, ChartSettings settings) {
        this.line = line;
        this.cqa = cqa;
        this.settings = settings;
        this.rules = switch (settings.rules()) {
            case "NELSON" -> Signals.NELSON;
            case "WESTERN_ELECTRIC" -> Signals.WESTERN_ELECTRIC;
            case "NONE" -> 0;
            default -> throw new IllegalArgumentException("CQA " + cqa.id() + ": unknown run rules '" + settings.rules()
                    + "' (NELSON, WESTERN_ELECTRIC or NONE)");
        };
        this.reference = new double[settings.phaseOneSamples()];
        Spec spec = cqa.spec();
        this.divertLow = spec.lsl() == null ? Double.NEGATIVE_INFINITY : spec.lsl() + settings.divertGuardBand();
        this.divertHigh = spec.usl() == null ? Double.POSITIVE_INFINITY : spec.usl() - settings.divertGuardBand();
        restartReference();
    }

    /** Back to phase I: given limits are frozen again at once, estimated ones are estimated anew after settling. */
    public void restartReference() {
        settled = 0;
        referenceCount = 0;
        if (settings.center() != null) {
            freeze(settings.center(), settings.sigma());
        } else {
            phase = settings.settleSamples() == 0 ? SpcPhase.REFERENCE : SpcPhase.SETTLING;
            individuals = null;
            ewma = null;
            cusum = null;
        }
    }

    /** Charts one sample and reports the result; never throws on bad data. */
    public SpcResult update(double value, Quality quality, long timeNanos) {
        boolean usable = quality == Quality.GOOD && Double.isFinite(value);
        if (!usable) {
            if (quality == Quality.UNCERTAIN && !Double.isNaN(value)) {
                uncertain++;
            } else {
                bad++;
            }
            settled = 0;
            return result(value, quality, false, timeNanos, 0, 0, 0, 0);
        }
        good++;
        boolean inSpec = cqa.spec().conforms(value);
        switch (phase) {
            case SETTLING -> {
                settled = inSpec ? settled + 1 : 0;
                if (settled >= settings.settleSamples()) {
                    phase = SpcPhase.REFERENCE;
                }
                return result(value, quality, true, timeNanos, 0, 0, 0, 0);
            }
            case REFERENCE -> {
                reference[referenceCount++] = value;
                if (referenceCount == reference.length) {
                    Estimate e = PhaseOne.individuals(reference, ChartConstants.EXACT, true);
                    // A constant reference (a frozen sensor) has no spread; a floor keeps the charts defined and loud.
                    double floor = 1e-9 * Math.max(1, Math.abs(e.center()));
                    freeze(e.center(), Math.max(e.sigma(), floor));
                }
                return result(value, quality, true, timeNanos, 0, 0, 0, 0);
            }
            default -> {
                int i = individuals.update(value);
                int e = ewma.update(value);
                int c = cusum.update(value);
                return result(value, quality, true, timeNanos, i, individuals.movingRangeSignals(), e, c);
            }
        }
    }

    private void freeze(double center, double sigma) {
        individuals = new IndividualsChart(center, sigma, rules, ChartConstants.EXACT);
        ewma = new EwmaChart(center, sigma, settings.ewmaLambda(), settings.ewmaL());
        cusum = new CusumChart(center, sigma, settings.cusumK(), settings.cusumH());
        phase = SpcPhase.MONITORING;
    }

    private SpcResult result(double value, Quality quality, boolean included, long timeNanos, int i, int mr, int e,
                             int c) {
        boolean charted = included && phase == SpcPhase.MONITORING;
        boolean inSpec = Double.isFinite(value) && cqa.spec().conforms(value);
        boolean knownGood = quality == Quality.GOOD && Double.isFinite(value) && value >= divertLow && value <= divertHigh;
        double nan = Double.NaN;
        return new SpcResult(line, cqa.id(), cqa.signal(), timeNanos, value, quality, included, phase,
                individuals == null ? nan : individuals.center(), individuals == null ? nan : individuals.sigma(),
                i, charted ? individuals.movingRange() : nan, mr,
                charted ? ewma.value() : nan, charted ? ewma.ucl() : nan, charted ? ewma.lcl() : nan, e,
                charted ? cusum.upper() : nan, charted ? cusum.lower() : nan, c, inSpec, knownGood);
    }

    public String cqaId() {
        return cqa.id();
    }

    public String signal() {
        return cqa.signal();
    }

    public SpcPhase phase() {
        return phase;
    }

    /** Samples seen so far by status: included (Good), excluded as Uncertain, excluded as Bad or NaN. */
    public SampleCounts counts() {
        return new SampleCounts(good, uncertain, bad);
    }

    /** How many samples each status contributed. */
    public record SampleCounts(long good, long uncertain, long bad) {
    }
}
