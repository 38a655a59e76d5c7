package org.flowpat.pat.multivariate;

import java.util.List;

/**
 * The covariance matrix cannot be inverted: some variables are constant or linearly dependent.
 * {@link #variables()} names the variables involved so the engineer can drop or fix them.
 */
public final class SingularCovarianceException extends IllegalArgumentException {
    private final List<String> variables;

    public SingularCovarianceException(String message, List<String> variables) {
        super(message);
        this.variables = List.copyOf(variables);
    }

    /** The names of the constant or collinear variables. */
    public List<String> variables() {
        return variables;
    }
}
