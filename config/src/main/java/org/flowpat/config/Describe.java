package org.flowpat.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Plain words for what a key expects and what the file holds there, for type-error messages. */
final class Describe {
    private Describe() {
    }

    /** What a value of this Java type looks like in YAML: "a number", "a map", "one of A, B". */
    static String expected(Class<?> type) {
        if (type == null) {
            return "another kind of value";
        }
        if (type.isEnum()) {
            return "one of " + enumValues(type);
        }
        if (type == Double.class || type == Float.class || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == Integer.class || type == Long.class || type == int.class || type == long.class
                || type == Short.class || type == short.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a text value";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "a map";
    }

    /** The enum's constants, comma-separated, in declaration order. */
    static String enumValues(Class<?> enumType) {
        return String.join(", ", enumNames(enumType));
    }

    static List<String> enumNames(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList();
    }

    /** What the parser stands on: "a list", "a map", "the text 'abc'", "the number 2.5". */
    static String token(JsonParser p) {
        JsonToken t = p == null ? null : p.currentToken();
        if (t == null) {
            return "nothing";
        }
        try {
            return switch (t) {
                case START_ARRAY -> "a list";
                case START_OBJECT -> "a map";
                case VALUE_STRING -> p.getText().isEmpty() ? "an empty value" : "the text '" + p.getText() + "'";
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + p.getText();
                case VALUE_TRUE, VALUE_FALSE -> "the boolean " + p.getText();
                case VALUE_NULL -> "an empty value";
                default -> "'" + p.getText() + "'";
            };
        } catch (IOException e) {
            return t.asString() == null ? t.name() : t.asString();
        }
    }

    /** A scalar value as the file wrote it: "the text 'abc'", "the number 2.5", "an empty value". */
    static String value(Object value) {
        if (value == null || "".equals(value)) {
            return "an empty value";
        }
        if (value instanceof Number) {
            return "the number " + value;
        }
        if (value instanceof Boolean) {
            return "the boolean " + value;
        }
        return "the text '" + value + "'";
    }

    /** The known keys of a record type, in declaration order (or as Jackson lists them otherwise). */
    static String knownKeys(Object beanOrClass, Collection<Object> jacksonKnown) {
        Class<?> type = beanOrClass instanceof Class<?> c ? c : beanOrClass == null ? null : beanOrClass.getClass();
        if (type != null && type.isRecord()) {
            return Arrays.stream(type.getRecordComponents()).map(rc -> rc.getName()).collect(Collectors.joining(", "));
        }
        if (type != null && Map.class.isAssignableFrom(type)) {
            return "any";
        }
        return jacksonKnown == null ? "none" : jacksonKnown.stream().map(String::valueOf).sorted()
                .collect(Collectors.joining(", "));
    }

    /**
     * The candidate the given word was most likely meant to be: equal ignoring case, or at most two
     * edits away (one for short words). Empty when nothing is that close.
     */
    static Optional<String> closest(String given, Collection<String> candidates) {
        if (given == null) {
            return Optional.empty();
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = c.equalsIgnoreCase(given) ? 0 : editDistance(given, c);
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        int allowed = given.length() <= 4 ? 1 : 2;
        return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /** " (did you mean 'x'?)" or nothing. */
    static String didYouMean(String given, Collection<String> candidates) {
        return closest(given, candidates).map(c -> " (did you mean '" + c + "'?)").orElse("");
    }

    /**
     * Edit distance counting insertions, deletions, substitutions and swaps of neighbours (optimal
     * string alignment), so that "rnage" is one edit from "range", the typo people actually make.
     */
    static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
