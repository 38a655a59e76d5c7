package org.flowpat.config;

import java.util.List;
import java.util.stream.Collectors;

/** A configuration file could not be loaded; the message lists every error found, one per line. */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<ConfigError> errors;

    public ConfigException(List<ConfigError> errors) {
        super(format(errors));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    public ConfigException(ConfigError error) {
        this(List.of(error));
    }

    /** Every error found, in line order. */
    public List<ConfigError> errors() {
        return errors;
    }

    private static String format(List<ConfigError> errors) {
        return errors.stream().map(ConfigError::toString).collect(Collectors.joining("\n"));
    }
}
