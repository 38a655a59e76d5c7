package org.flowpat.config.model;

import java.util.HashSet;
import java.util.List;
import org.flowpat.config.validation.Validatable;
import org.flowpat.config.validation.Validation;

/**
 * Multivariate monitoring of a line: Hotelling T² and SPE (Q) of a PCA model (autoscaled) over the named process
 * parameters and CQAs ({@code UNIT.signal} references). One observation is taken per sample of the {@code trigger}
 * signal (default: the first variable; an analyzer signal gives one observation per scan) from the latest Good value
 * of every variable no older than {@code maxAgeS}. Once {@code settleSamples} complete observations in a row had
 * every variable inside its normal range and every CQA in specification (steady state), the next
 * {@code phaseOneSamples} complete observations fit the model with {@code components} principal components and
 * limits at false-alarm rate {@code alpha}. Absent: no multivariate monitoring.
 */
public record MultivariateSettings(List<String> variables, String trigger, Integer phaseOneSamples,
                                   Integer settleSamples, Integer components, Double alpha, Double maxAgeS)
        implements Validatable {
    public MultivariateSettings {
        variables = variables == null ? List.of() : List.copyOf(variables);
        trigger = trigger == null && !variables.isEmpty() ? variables.get(0) : trigger;
        phaseOneSamples = phaseOneSamples == null ? 120 : phaseOneSamples;
        settleSamples = settleSamples == null ? 60 : settleSamples;
        components = components == null ? 2 : components;
        alpha = alpha == null ? 0.01 : alpha;
        maxAgeS = maxAgeS == null ? 15.0 : maxAgeS;
    }

    @Override
    public void validate(Validation v) {
        v.check(variables.size() >= 2, "variables", "needs at least two signals");
        v.check(new HashSet<>(variables).size() == variables.size(), "variables", "names a signal twice");
        v.check(components >= 1 && components < variables.size(), "components",
                "must be in [1, number of variables - 1] (SPE needs a residual space)");
        v.check(phaseOneSamples > variables.size() + 1, "phaseOneSamples", "must exceed the number of variables + 1");
        v.check(settleSamples >= 0, "settleSamples", "must be ≥ 0");
        v.check(alpha > 0 && alpha < 0.5, "alpha", "must be in (0, 0.5)");
        v.positive("maxAgeS", maxAgeS);
    }

    /** Every variable and the trigger exist in {@code line}; keys are reported as {@code multivariate.<key>}. */
    public void validateReferences(Validation v, Line line) {
        for (int i = 0; i < variables.size(); i++) {
            String ref = variables.get(i);
            v.check(ref != null && line.signal(ref).isPresent(), "multivariate.variables[" + i + "]",
                    "no signal '" + ref + "' in this line (expected UNIT.signal)");
        }
        v.check(trigger == null || variables.contains(trigger), "multivariate.trigger",
                "'" + trigger + "' is not one of the variables");
    }
}
