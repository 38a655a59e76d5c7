package org.flowpat.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects binding problems instead of stopping at the first, so that one run reports every
 * mistyped value of a file. A value of a map key that cannot be bound becomes null (its error
 * recorded here); a bad list item is left to Jackson to throw, because a null item would break
 * the records' list copies.
 */
final class BindingProblems extends DeserializationProblemHandler {
    /** A problem at a key path; the line is looked up later, or taken from here when the path is not in the document. */
    record Problem(String path, int parserLine, String message) {
    }

    private final List<Problem> problems = new ArrayList<>();

    List<Problem> problems() {
        return problems;
    }

    /**
     * Unknown keys of records are reported from the YAML node tree ({@link UnknownKeys}), which knows
     * their lines; here they are only skipped, so binding goes on to find other problems. Other
     * classes bind through setters, where the parser still knows where it is, so they are recorded here.
     */
    @Override
    public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
                                         Object beanOrClass, String propertyName) throws IOException {
        Class<?> owner = beanOrClass instanceof Class<?> c ? c : beanOrClass == null ? null : beanOrClass.getClass();
        if (owner == null || !owner.isRecord()) {
            problems.add(new Problem(JsonPaths.of(p), line(p), "unknown key '" + propertyName + "' (known keys: "
                    + Describe.knownKeys(owner, deserializer == null ? null : deserializer.getKnownPropertyNames()) + ")"));
        }
        p.skipChildren();
        return true;
    }

    @Override
    public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String value, String failureMsg) {
        String hint = targetType.isEnum() ? Describe.didYouMean(value, Describe.enumNames(targetType)) : "";
        return record(ctxt.getParser(), "expected " + Describe.expected(targetType) + " but found " + Describe.value(value)
                + hint);
    }

    @Override
    public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType, Number value, String failureMsg) {
        return record(ctxt.getParser(), "expected " + Describe.expected(targetType) + " but found " + Describe.value(value));
    }

    @Override
    public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken t, JsonParser p,
                                        String failureMsg) throws IOException {
        Object result = record(p, "expected " + Describe.expected(targetType.getRawClass()) + " but found " + Describe.token(p));
        if (result != NOT_HANDLED) {
            p.skipChildren();
        }
        return result;
    }

    @Override
    public Object handleMissingInstantiator(DeserializationContext ctxt, Class<?> instClass, ValueInstantiator inst,
                                            JsonParser p, String msg) throws IOException {
        Object result = record(p, "expected " + Describe.expected(instClass) + " but found " + Describe.token(p));
        if (result != NOT_HANDLED) {
            p.skipChildren();
        }
        return result;
    }

    /** Records the problem and answers null when the parser stands on the value of a map key; otherwise declines. */
    private Object record(JsonParser p, String message) {
        if (p == null || !valueOfKey(p)) {
            return NOT_HANDLED;
        }
        problems.add(new Problem(JsonPaths.of(p), line(p), message));
        return null;
    }

    private static boolean valueOfKey(JsonParser p) {
        JsonStreamContext ctx = p.getParsingContext();
        JsonToken t = p.currentToken();
        if (ctx != null && (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY)) {
            ctx = ctx.getParent();
        }
        return ctx != null && ctx.inObject();
    }

    private static int line(JsonParser p) {
        return p.currentTokenLocation() == null ? 0 : p.currentTokenLocation().getLineNr();
    }
}
