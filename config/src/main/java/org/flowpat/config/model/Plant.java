package org.flowpat.config.model;

import java.util.List;
import org.flowpat.config.validation.Validatable;
import org.flowpat.config.validation.Validation;

/** The root of a plant file: the plant, its lines and (later) its users. */
public record Plant(String name, List<Line> lines) implements Validatable {
    public Plant {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /** The line with this id, or an exception naming it. */
    public Line line(String id) {
        return lines.stream().filter(l -> l.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no line '" + id + "' in plant '" + name + "'"));
    }

    @Override
    public void validate(Validation v) {
        v.notBlank("name", name);
        v.check(!lines.isEmpty(), "lines", "at least one line is required");
        v.unique("lines", lines, Line::id, "id");
        v.each("lines", lines);
    }
}
