package org.flowpat.controller.audit;

import io.vertx.core.json.JsonObject;
import java.util.regex.Pattern;
import org.flowpat.controller.api.AuditRequest;

/** Reads and checks an {@link AuditRequest} arriving as JSON; a bad one raises an exception naming the field. */
public final class AuditRequests {
    /** Longest user, action or line id. */
    static final int MAX_ID = 200;
    /** Longest target, value or reason. */
    static final int MAX_TEXT = 10_000;
    private static final String[] FIELDS = {"user", "action", "line", "target", "oldValue", "newValue", "reason"};
    private static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9]*([.-][a-z0-9]+)*");

    private AuditRequests() {
    }

    public static AuditRequest parse(Object body) {
        if (!(body instanceof JsonObject json)) {
            throw new IllegalArgumentException("an audit request is a JSON object, got "
                    + (body == null ? "nothing" : body.getClass().getSimpleName()));
        }
        for (String field : FIELDS) {
            Object value = json.getValue(field);
            if (value != null && !(value instanceof String)) {
                throw new IllegalArgumentException(field + ": a string is expected, got " + value);
            }
        }
        AuditRequest r = AuditRequest.fromJson(json);
        required("user", r.user());
        required("action", r.action());
        if (!ACTION.matcher(r.action()).matches()) {
            throw new IllegalArgumentException("action: '" + r.action() + "' is not an action name such as "
                    + "setpoint.change (lower-case words joined by '.' or '-')");
        }
        limit("user", r.user(), MAX_ID);
        limit("action", r.action(), MAX_ID);
        limit("line", r.line(), MAX_ID);
        limit("target", r.target(), MAX_TEXT);
        limit("oldValue", r.oldValue(), MAX_TEXT);
        limit("newValue", r.newValue(), MAX_TEXT);
        limit("reason", r.reason(), MAX_TEXT);
        return r;
    }

    private static void required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": required (who and what are never blank in the audit trail)");
        }
    }

    private static void limit(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw new IllegalArgumentException(field + ": " + value.length() + " characters, at most " + max);
        }
    }
}
