package org.flowpat.config.model;

import java.util.List;
import org.flowpat.config.validation.Validatable;
import org.flowpat.config.validation.Validation;

/** The root of a plant file: the plant, its lines and the users who may log in to the HMI. */
public record Plant(String name, List<Line> lines, List<User> users) implements Validatable {
    public Plant {
        lines = lines == null ? List.of() : List.copyOf(lines);
        users = users == null ? List.of() : List.copyOf(users);
    }

    /** A plant without users (the form before users were configurable). */
    public Plant(String name, List<Line> lines) {
        this(name, lines, null);
    }

    /** The line with this id, or an exception naming it. */
    public Line line(String id) {
        return lines.stream().filter(l -> id.equals(l.id())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no line '" + id + "' in plant '" + name + "'"));
    }

    @Override
    public void validate(Validation v) {
        v.notBlank("name", name);
        v.check(!lines.isEmpty(), "lines", "at least one line is required");
        v.unique("lines", lines, Line::id, "id");
        v.each("lines", lines);
        v.unique("users", users, User::id, "id");
        v.each("users", users);
    }
}
