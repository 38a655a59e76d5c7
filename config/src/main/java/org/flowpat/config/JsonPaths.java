package org.flowpat.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** Key paths in the loader's notation ({@code lines[0].units[2].id}) from Jackson's two ways of saying where it is. */
final class JsonPaths {
    private JsonPaths() {
    }

    /** The path of an exception's reference chain. */
    static String of(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : refs) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    /**
     * The path of the token the parser stands on. When that token opens a map or list, the parser
     * has already entered the new (still empty) context, which is not part of the path yet.
     */
    static String of(JsonParser p) {
        JsonStreamContext ctx = p.getParsingContext();
        JsonToken t = p.currentToken();
        if (ctx != null && (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY)) {
            ctx = ctx.getParent();
        }
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = ctx; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                parts.addFirst("." + c.getCurrentName());
            } else if (c.inArray() && c.getEntryCount() > 0) {
                parts.addFirst("[" + c.getCurrentIndex() + "]");
            }
        }
        String path = String.join("", parts);
        return path.startsWith(".") ? path.substring(1) : path;
    }
}
