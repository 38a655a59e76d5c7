package org.flowpat.config.validation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Collects the broken rules of a configuration tree, each at its full key path. A record validates
 * its own fields and descends into its children with {@link #child} and {@link #each}; the loader
 * then turns paths into file lines.
 */
public final class Validation {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

    private final String prefix;
    private final List<ValidationError> errors;

    private Validation(String prefix, List<ValidationError> errors) {
        this.prefix = prefix;
        this.errors = errors;
    }

    /** Validates a whole document and returns its errors in document order of discovery. */
    public static List<ValidationError> of(Validatable root) {
        Validation v = new Validation("", new ArrayList<>());
        root.validate(v);
        return Collections.unmodifiableList(v.errors);
    }

    public String path(String key) {
        if (key == null || key.isEmpty()) {
            return prefix;
        }
        return prefix.isEmpty() ? key : prefix + (key.startsWith("[") ? "" : ".") + key;
    }

    public void error(String key, String message) {
        errors.add(new ValidationError(path(key), message));
    }

    public void check(boolean ok, String key, String message) {
        if (!ok) {
            error(key, message);
        }
    }

    public void required(String key, Object value) {
        check(value != null, key, "is required");
    }

    public void notBlank(String key, String value) {
        check(value != null && !value.isBlank(), key, "is required and must not be blank");
    }

    public void identifier(String key, String value) {
        if (value == null || value.isBlank()) {
            error(key, "is required and must not be blank");
        } else if (!IDENTIFIER.matcher(value).matches()) {
            error(key, "'" + value + "' is not an identifier (a letter, then letters, digits, '_' or '-')");
        }
    }

    public void finite(String key, Double value) {
        check(value == null || Double.isFinite(value), key, "must be a finite number");
    }

    /** Absent is allowed (the field has a default or is optional); present must be > 0. */
    public void positive(String key, Double value) {
        check(value == null || (Double.isFinite(value) && value > 0), key, "must be greater than 0");
    }

    public void oneOf(String key, String value, String... allowed) {
        if (value != null && !List.of(allowed).contains(value)) {
            error(key, "'" + value + "' is not one of " + String.join(", ", allowed));
        }
    }

    /** Every item's id must be unique within the list; a duplicate names where the first one was. */
    public <T> void unique(String listKey, List<T> items, Function<T, String> id, String idKey) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String value = id.apply(items.get(i));
            if (value == null) {
                continue;
            }
            Integer first = seen.putIfAbsent(value, i);
            if (first != null) {
                error(listKey + "[" + i + "]." + idKey, "duplicate id '" + value + "' (first at " + path(listKey) + "[" + first + "])");
            }
        }
    }

    /**
     * Values collected across a tree (e.g. every signal's node id in a line) must not repeat.
     * {@code valuesByPath} maps each relative key path, in document order, to its value; nulls are skipped.
     */
    public void uniqueValues(String what, Map<String, String> valuesByPath) {
        Map<String, String> firstPath = new HashMap<>();
        valuesByPath.forEach((at, value) -> {
            if (value != null) {
                String first = firstPath.putIfAbsent(value, at);
                if (first != null) {
                    error(at, "duplicate " + what + " '" + value + "' (first at " + path(first) + ")");
                }
            }
        });
    }

    /** Present values must match {@code pattern}; the message says what was expected. */
    public void matches(String key, String value, Pattern pattern, String expected) {
        if (value != null && !pattern.matcher(value).matches()) {
            error(key, "'" + value + "' is not " + expected);
        }
    }

    public void child(String key, Validatable child) {
        if (child != null) {
            child.validate(new Validation(path(key), errors));
        }
    }

    public void each(String listKey, List<? extends Validatable> items) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) == null) {
                error(listKey + "[" + i + "]", "must not be empty");
            } else {
                child(listKey + "[" + i + "]", items.get(i));
            }
        }
    }
}
