package org.flowpat.hmi.api;

import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.Set;
import java.util.regex.Pattern;
import org.flowpat.config.model.Plant;

/** Typed reads of a request's query string; a bad value is a 400 naming the parameter. */
public final class QueryParams {
    private static final int MAX_TEXT = 200;
    private final RoutingContext ctx;

    private QueryParams(RoutingContext ctx) {
        this.ctx = ctx;
    }

    /** @throws ApiException 400 for a parameter not in {@code known} (a typo should not be silently ignored) */
    public static QueryParams of(RoutingContext ctx, String... known) {
        Set<String> names = Set.of(known);
        for (String name : ctx.queryParams().names()) {
            if (!names.contains(name)) {
                throw ApiException.badField(name, "unknown query parameter (known: " + String.join(", ", known) + ")");
            }
        }
        return new QueryParams(ctx);
    }

    /** The parameter, or null when absent or empty. */
    public String text(String name) {
        String v = ctx.queryParams().get(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        if (v.length() > MAX_TEXT) {
            throw ApiException.badField(name, "is longer than " + MAX_TEXT + " characters");
        }
        return v.trim();
    }

    /** An optional value that must match {@code pattern}, described for the message as {@code what}. */
    public String matching(String name, Pattern pattern, String what) {
        String v = text(name);
        if (v != null && !pattern.matcher(v).matches()) {
            throw ApiException.badField(name, "'" + v + "' is not " + what);
        }
        return v;
    }

    /** An optional line id of the plant. */
    public String line(String name, Plant plant) {
        String v = text(name);
        if (v != null && plant.lines().stream().noneMatch(l -> l.id().equals(v))) {
            throw ApiException.badField(name, "no line '" + v + "' in plant " + plant.name());
        }
        return v;
    }

    /** An optional instant (ISO-8601 or epoch ms). */
    public Instant instant(String name) {
        String v = text(name);
        return v == null ? null : TimeParams.instant(name, v);
    }

    /** An optional whole number from {@code min} to {@code max}; {@code fallback} when absent. */
    public int integer(String name, int min, int max, int fallback) {
        String v = text(name);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.badField(name, "must be a whole number from " + min + " to " + max + ", not '" + v + "'");
    }

    /** An optional value out of {@code allowed}, compared ignoring case; returned as spelled in {@code allowed}. */
    public String oneOf(String name, java.util.List<String> allowed) {
        String v = text(name);
        if (v == null) {
            return null;
        }
        for (String a : allowed) {
            if (a.equalsIgnoreCase(v)) {
                return a;
            }
        }
        throw ApiException.badField(name, "'" + v + "' is not one of " + String.join(", ", allowed));
    }

    /** Checks that {@code from} lies before {@code to} when both are given. */
    public static void checkOrder(Instant from, Instant to) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw ApiException.badField("from", "must be before to");
        }
    }
}
