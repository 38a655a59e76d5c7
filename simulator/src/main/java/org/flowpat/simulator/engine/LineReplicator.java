package org.flowpat.simulator.engine;

import java.util.ArrayList;
import java.util.List;
import org.flowpat.config.model.Line;
import org.flowpat.config.model.QualitySettings;
import org.flowpat.config.model.Signal;
import org.flowpat.config.model.Unit;

/**
 * Scale mode: copies of one line with ids L1..LN. Node ids that name the template line ({@code s=L1.}) are
 * renamed for each copy so every line has its own nodes; everything else is shared.
 */
public final class LineReplicator {
    private LineReplicator() {
    }

    public static List<Line> replicate(Line template, int count) {
        List<Line> lines = new ArrayList<>(count);
        for (int n = 1; n <= count; n++) {
            lines.add(copy(template, "L" + n));
        }
        return lines;
    }

    static Line copy(Line template, String id) {
        if (template.id().equals(id)) {
            return template;
        }
        String from = "s=" + template.id() + ".";
        String to = "s=" + id + ".";
        List<Unit> units = template.units().stream().map(u -> new Unit(u.id(), u.name(), u.type(),
                u.signals().stream().map(s -> new Signal(s.id(), s.name(), s.kind(), s.unit(), s.range(), s.normal(),
                        s.nodeId() == null ? null : s.nodeId().replace(from, to), s.plcTag(), s.samplingIntervalMs(),
                        s.deadband())).toList())).toList();
        QualitySettings quality = template.quality();
        String context = quality.lots().contextNodeId();
        if (context != null) {
            quality = quality.withLots(quality.lots().withContextNodeId(context.replace(from, to)));
        }
        return new Line(id, template.name() + " (" + id + ")", template.opcua(), template.plc(), template.process(),
                units, template.cqas(), quality);
    }
}
