package org.flowpat.config.model;

import java.util.List;
import org.flowpat.config.validation.Validatable;
import org.flowpat.config.validation.Validation;

/**
 * Multivariate monitoring of a line: Hotelling T² and SPE (Q) of a PCA model over the named process parameters
 * and CQAs ({@code UNIT.signal} references), fitted on {@code phaseOneSamples} known-good observations, with
 * {@code components} principal components and limits at false-alarm rate {@code alpha}. Absent: no multivariate
 * monitoring.
 */
public record MultivariateSettings(List<String> variables, Integer phaseOneSamples, Integer components, Double alpha)
        implements Validatable {
    public MultivariateSettings {
        variables = variables == null ? List.of() : List.copyOf(variables);
        phaseOneSamples = phaseOneSamples == null ? 120 : phaseOneSamples;
        components = components == null ? 2 : components;
        alpha = alpha == null ? 0.01 : alpha;
    }

    @Override
    public void validate(Validation v) {
        v.check(variables.size() >= 2, "variables", "needs at least two signals");
        v.check(components >= 1 && components <= variables.size(), "components", "must be in [1, number of variables]");
        v.check(phaseOneSamples > variables.size() + 1, "phaseOneSamples", "must exceed the number of variables + 1");
        v.check(alpha > 0 && alpha < 0.5, "alpha", "must be in (0, 0.5)");
    }
}
