package org.flowpat.config.validation;

/** A configuration value that checks its own rules; errors are reported at key paths relative to it. */
public interface Validatable {
    void validate(Validation v);
}
