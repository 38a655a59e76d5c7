package org.flowpat.controller.audit;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flowpat.controller.api.AuditEntry;

/**
 * A search of the trail, from JSON {@code {from, to (epoch ms, to exclusive), user, action, line, text, limit}}; every
 * filter is optional. {@code text} matches a case-insensitive substring of target, old value, new value or reason.
 */
public record AuditQuery(Long fromMs, Long toMs, String user, String action, String line, String text, int limit) {
    public static final int DEFAULT_LIMIT = 200;
    public static final int MAX_LIMIT = 10_000;

    public static AuditQuery fromJson(Object body) {
        JsonObject json;
        if (body == null) {
            json = new JsonObject();
        } else if (body instanceof JsonObject j) {
            json = j;
        } else {
            throw new IllegalArgumentException("an audit query is a JSON object, got " + body.getClass().getSimpleName());
        }
        Long from = number(json, "from");
        Long to = number(json, "to");
        Long limit = number(json, "limit");
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            throw new IllegalArgumentException("limit: must be 1-" + MAX_LIMIT + ", got " + limit);
        }
        if (from != null && to != null && to < from) {
            throw new IllegalArgumentException("to: " + to + " is before from " + from);
        }
        return new AuditQuery(from, to, text(json, "user"), text(json, "action"), text(json, "line"), text(json, "text"),
                limit == null ? DEFAULT_LIMIT : limit.intValue());
    }

    private static Long number(JsonObject json, String field) {
        Object v = json.getValue(field);
        if (v == null) {
            return null;
        }
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.longValue();
        }
        throw new IllegalArgumentException(field + ": a whole number is expected, got " + v);
    }

    private static String text(JsonObject json, String field) {
        Object v = json.getValue(field);
        if (v == null || (v instanceof String s && s.isEmpty())) {
            return null;
        }
        if (v instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException(field + ": a string is expected, got " + v);
    }

    public boolean matches(AuditEntry e) {
        long ms = Math.floorDiv(e.timeNanos(), 1_000_000L);
        if ((fromMs != null && ms < fromMs) || (toMs != null && ms >= toMs)) {
            return false;
        }
        if ((user != null && !user.equals(e.user())) || (action != null && !action.equals(e.action()))
                || (line != null && !line.equals(e.line()))) {
            return false;
        }
        if (text == null) {
            return true;
        }
        String needle = text.toLowerCase(Locale.ROOT);
        for (String hay : new String[]{e.target(), e.oldValue(), e.newValue(), e.reason()}) {
            if (hay != null && hay.toLowerCase(Locale.ROOT).contains(needle)) {
                return true;
            }
        }
        return false;
    }

    /** The matching entries, newest first, at most {@link #limit()}. */
    public List<AuditEntry> select(List<AuditEntry> entries) {
        List<AuditEntry> out = new ArrayList<>();
        for (int i = entries.size() - 1; i >= 0 && out.size() < limit; i--) {
            if (matches(entries.get(i))) {
                out.add(entries.get(i));
            }
        }
        return out;
    }
}
