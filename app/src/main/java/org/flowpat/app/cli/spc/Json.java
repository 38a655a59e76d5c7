package org.flowpat.app.cli.spc;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.flowpat.pat.spc.Signals;

/** Small helpers for the report: NaN and infinities become JSON null. */
final class Json {
    private Json() {
    }

    static void number(ObjectNode node, String field, double v) {
        if (Double.isFinite(v)) {
            node.put(field, v);
        } else {
            node.putNull(field);
        }
    }

    static void number(ArrayNode node, double v) {
        if (Double.isFinite(v)) {
            node.add(v);
        } else {
            node.addNull();
        }
    }

    /** Rule names for the bits in {@code flags}; "limit" only where no run rules are in use. */
    static void signals(ObjectNode point, int flags, int rules) {
        ArrayNode out = point.putArray("signals");
        List<String> names = Signals.names(rules == 0 ? flags & Signals.LIMIT : flags & Signals.RULES);
        names.forEach(out::add);
    }
}
