package org.flowpat.controller.multivariate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoublePredicate;
import org.flowpat.config.model.Cqa;
import org.flowpat.config.model.Line;
import org.flowpat.config.model.MultivariateSettings;
import org.flowpat.config.model.Range;
import org.flowpat.config.model.Signal;
import org.flowpat.controller.api.MultivariateResult;
import org.flowpat.controller.api.MultivariateResult.Contribution;
import org.flowpat.controller.api.Sample;
import org.flowpat.controller.api.SpcPhase;
import org.flowpat.pat.multivariate.PcaModel;
import org.flowpat.pat.multivariate.PcaMonitor;

/**
 * Multivariate monitoring of one line (PCA T² and SPE with contributions) on time-aligned observations.
 *
 * <p>Every sample of a variable updates its latest value; a sample of the trigger signal takes an observation from
 * the latest value of every variable. The observation is complete when every latest value is Good, finite and no
 * older than {@code maxAgeS} of source time before the trigger; an incomplete one is skipped and counted (the
 * statistics of a model need every coordinate). Phase I runs as the CQA charts' does: once {@code settleSamples}
 * complete observations in a row had every variable in its normal range and every CQA in specification, the next
 * {@code phaseOneSamples} complete observations fit an autoscaled PCA model; from then on each complete
 * observation is scored. Not thread-safe: one instance belongs to one verticle.
 */
public final class MultivariateMonitor {
    private final String line;
    private final MultivariateSettings settings;
    private final List<String> variables;
    private final Map<String, Integer> index = new HashMap<>();
    private final DoublePredicate[] steady;
    private final int trigger;
    private final long maxAgeNanos;
    private final double[] latest;
    private final long[] latestTime;
    private final boolean[] latestGood;
    private final double[][] reference;

    private SpcPhase phase;
    private int settled;
    private int referenceCount;
    private PcaMonitor monitor;
    private long observations;
    private long skipped;
    private final double[] t2c;
    private final double[] spec;

    public MultivariateMonitor(Line line, MultivariateSettings settings) {
        this.line = line.id();
        this.settings = settings;
        this.variables = settings.variables();
        int p = variables.size();
        this.steady = new DoublePredicate[p];
        for (int j = 0; j < p; j++) {
            String ref = variables.get(j);
            index.put(ref, j);
            steady[j] = steadyTest(line, ref);
        }
        this.trigger = variables.indexOf(settings.trigger());
        if (trigger < 0) {
            throw new IllegalArgumentException("line " + line.id() + ": multivariate trigger '" + settings.trigger()
                    + "' is not one of the variables " + variables);
        }
        this.maxAgeNanos = Math.round(settings.maxAgeS() * 1e9);
        this.latest = new double[p];
        this.latestTime = new long[p];
        this.latestGood = new boolean[p];
        Arrays.fill(latestTime, Long.MIN_VALUE);
        this.reference = new double[settings.phaseOneSamples()][];
        this.t2c = new double[p];
        this.spec = new double[p];
        restartReference();
    }

    /** In range means steady: a CQA must conform to its specification, a signal with a normal range must lie in it. */
    private static DoublePredicate steadyTest(Line line, String ref) {
        DoublePredicate test = x -> true;
        Signal s = line.signal(ref).orElseThrow(() -> new IllegalArgumentException("line " + line.id()
                + ": multivariate variable '" + ref + "' is not a signal of the line"));
        Range normal = s.normal();
        if (normal != null && normal.min() != null && normal.max() != null) {
            test = normal::contains;
        }
        for (Cqa c : line.cqas()) {
            if (ref.equals(c.signal())) {
                test = test.and(x -> c.spec().conforms(x));
            }
        }
        return test;
    }

    /** Back to waiting for steady state, e.g. after a product change or a new start-up. */
    public void restartReference() {
        phase = settings.settleSamples() == 0 ? SpcPhase.REFERENCE : SpcPhase.SETTLING;
        settled = 0;
        referenceCount = 0;
        monitor = null;
    }

    /** The result of the observation this sample triggers, or empty (not the trigger, another line, incomplete). */
    public Optional<MultivariateResult> accept(Sample s) {
        Integer j = line.equals(s.line()) ? index.get(s.signal()) : null;
        if (j == null) {
            return Optional.empty();
        }
        latest[j] = s.value();
        latestTime[j] = s.sourceTimeNanos();
        latestGood[j] = s.usable();
        if (j != trigger) {
            return Optional.empty();
        }
        long now = s.sourceTimeNanos();
        for (int k = 0; k < latest.length; k++) {
            if (!latestGood[k] || latestTime[k] == Long.MIN_VALUE || now - latestTime[k] > maxAgeNanos) {
                skipped++;
                // a gap in the data breaks a settling run as it does for the CQA charts
                settled = 0;
                return Optional.empty();
            }
        }
        observations++;
        double[] x = latest.clone();
        return Optional.of(switch (phase) {
            case SETTLING -> settle(x, now);
            case REFERENCE -> collect(x, now);
            case MONITORING -> score(x, now);
        });
    }

    private MultivariateResult settle(double[] x, long now) {
        boolean inRange = true;
        for (int k = 0; k < x.length; k++) {
            inRange &= steady[k].test(x[k]);
        }
        settled = inRange ? settled + 1 : 0;
        if (settled >= settings.settleSamples()) {
            phase = SpcPhase.REFERENCE;
        }
        return unscored(x, now, SpcPhase.SETTLING);
    }

    private MultivariateResult collect(double[] x, long now) {
        reference[referenceCount++] = x;
        if (referenceCount == reference.length) {
            try {
                PcaModel model = PcaModel.fit(reference, variables, settings.components(), true, settings.alpha());
                monitor = model.monitor();
                phase = SpcPhase.MONITORING;
            } catch (IllegalArgumentException e) { // SingularCovarianceException among them
                // e.g. a frozen sensor made a variable constant: no model can be fitted on this reference; try anew
                referenceCount = 0;
            }
        }
        return unscored(x, now, SpcPhase.REFERENCE);
    }

    private MultivariateResult score(double[] x, long now) {
        monitor.evaluate(x);
        monitor.t2Contributions(t2c);
        monitor.speContributions(spec);
        PcaModel model = monitor.model();
        List<Contribution> contributions = new ArrayList<>(x.length);
        for (int k = 0; k < x.length; k++) {
            double share = Math.abs(t2c[k]) / model.t2Limit() + (model.speLimit() > 0 ? spec[k] / model.speLimit() : 0);
            contributions.add(new Contribution(variables.get(k), t2c[k], spec[k], share));
        }
        contributions.sort(Comparator.comparingDouble(Contribution::share).reversed());
        return new MultivariateResult(line, now, SpcPhase.MONITORING, boxed(x), monitor.t2(), model.t2Limit(),
                monitor.spe(), model.speLimit(), monitor.t2Alarm(), monitor.speAlarm(), contributions, observations,
                skipped);
    }

    private MultivariateResult unscored(double[] x, long now, SpcPhase shown) {
        double nan = Double.NaN;
        return new MultivariateResult(line, now, shown, boxed(x), nan, nan, nan, nan, false, false, List.of(),
                observations, skipped);
    }

    private static List<Double> boxed(double[] x) {
        return Arrays.stream(x).boxed().toList();
    }

    public SpcPhase phase() {
        return phase;
    }

    public long observations() {
        return observations;
    }

    public long skipped() {
        return skipped;
    }

    /** The fitted model, or null before phase I is complete. */
    public PcaModel model() {
        return monitor == null ? null : monitor.model();
    }
}
