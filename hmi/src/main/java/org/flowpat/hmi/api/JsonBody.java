package org.flowpat.hmi.api;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Typed reads of a JSON request body; anything missing or of the wrong type is a 400 naming the field. */
public final class JsonBody {
    private final JsonObject json;

    private JsonBody(JsonObject json) {
        this.json = json;
    }

    public static JsonBody of(RoutingContext ctx) {
        String text = ctx.body().asString();
        if (text == null || text.isBlank()) {
            throw new ApiException(400, "body", "body: a JSON object is required");
        }
        Object parsed;
        try {
            parsed = new JsonObject(text);
        } catch (DecodeException | ClassCastException e) {
            throw new ApiException(400, "body", "body: not a JSON object (" + firstLine(e.getMessage()) + ")");
        }
        return new JsonBody((JsonObject) parsed);
    }

    public String text(String field) {
        Object v = json.getValue(field);
        if (v == null) {
            throw ApiException.badField(field, "is required");
        }
        if (!(v instanceof String s)) {
            throw ApiException.badField(field, "must be a string");
        }
        if (s.isBlank()) {
            throw ApiException.badField(field, "must not be blank");
        }
        if (s.length() > 1000) {
            throw ApiException.badField(field, "is longer than 1000 characters");
        }
        return s;
    }

    public String optionalText(String field) {
        return json.getValue(field) == null ? null : text(field);
    }

    /** Free text that may be left out or empty (a comment): "" then; otherwise a string of at most {@code max} characters. */
    public String note(String field, int max) {
        Object v = json.getValue(field);
        if (v == null) {
            return "";
        }
        if (!(v instanceof String s)) {
            throw ApiException.badField(field, "must be a string");
        }
        if (s.length() > max) {
            throw ApiException.badField(field, "at most " + max + " characters");
        }
        return s.strip();
    }

    public double number(String field) {
        Object v = json.getValue(field);
        if (v == null) {
            throw ApiException.badField(field, "is required");
        }
        if (!(v instanceof Number n) || !Double.isFinite(n.doubleValue())) {
            throw ApiException.badField(field, "must be a finite number");
        }
        return n.doubleValue();
    }

    public Double optionalNumber(String field) {
        return json.getValue(field) == null ? null : number(field);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unparsable";
        }
        int nl = message.indexOf('\n');
        String line = nl < 0 ? message : message.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
