package org.flowpat.hmi.api;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Query-string times: an instant as ISO-8601 or epoch milliseconds, a step as {@code 500ms}, {@code 10s}, {@code 5m}, {@code 1h}. */
public final class TimeParams {
    private static final Pattern STEP = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

    private TimeParams() {
    }

    public static Instant instant(String field, String text) {
        if (text.chars().allMatch(Character::isDigit) && !text.isEmpty() && text.length() <= 15) {
            return Instant.ofEpochMilli(Long.parseLong(text));
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.badField(field, "'" + text + "' is neither ISO-8601 (2026-01-31T12:00:00Z) nor epoch milliseconds");
        }
    }

    public static Duration step(String field, String text) {
        Matcher m = STEP.matcher(text);
        if (!m.matches()) {
            throw ApiException.badField(field, "'" + text + "' is not a step like 500ms, 10s, 5m or 1h");
        }
        long n = Long.parseLong(m.group(1));
        Duration step = switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
        if (step.isZero() || Duration.ofDays(1).toMillis() % step.toMillis() != 0) {
            throw ApiException.badField(field, "'" + text + "' must be positive and divide one day (e.g. 1s, 10s, 1m, 15m, 1h)");
        }
        return step;
    }
}
