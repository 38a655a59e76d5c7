package org.flowpat.config.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The rule helpers, on hand-made trees (no YAML involved). */
class ValidationTest {
    /** A node with a name and children, checking that the name is an identifier. */
    record Node(String name, List<Node> children) implements Validatable {
        @Override
        public void validate(Validation v) {
            v.identifier("name", name);
            v.each("children", children);
        }
    }

    private static List<String> errorsOf(Validatable root) {
        return Validation.of(root).stream().map(e -> e.path() + ": " + e.message()).toList();
    }

    @Test
    void pathsJoinKeysWithDotsAndIndicesWithBrackets() {
        Node tree = new Node("root", List.of(new Node("ok", List.of()), new Node("a", List.of(new Node("bad name", List.of())))));
        assertEquals(List.of("children[1].children[0].name: 'bad name' is not an identifier"
                + " (a letter, then letters, digits, '_' or '-')"), errorsOf(tree));
    }

    @Test
    void aNullListItemIsReportedNotSkipped() {
        Node tree = new Node("root", Arrays.asList(new Node("a", List.of()), null));
        assertEquals(List.of("children[1]: must not be empty"), errorsOf(tree));
    }

    @Test
    void blankIdentifierIsRequired() {
        assertEquals(List.of("name: is required and must not be blank"), errorsOf(new Node(" ", List.of())));
    }

    @Test
    void uniqueValuesNamesTheFirstOccurrenceWithItsFullPath() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("units[0].tag", "coil:1");
        tags.put("units[1].tag", null);
        tags.put("units[2].tag", "coil:1");
        tags.put("units[3].tag", "coil:2");
        Validatable line = v -> v.child("lines[0]", w -> w.uniqueValues("tag", tags));
        assertEquals(List.of("lines[0].units[2].tag: duplicate tag 'coil:1' (first at lines[0].units[0].tag)"), errorsOf(line));
    }

    @Test
    void uniqueIdsInAList() {
        Validatable doc = v -> v.unique("items", List.of("a", "b", "a"), s -> s, "id");
        assertEquals(List.of("items[2].id: duplicate id 'a' (first at items[0])"), errorsOf(doc));
    }

    @Test
    void matchesIgnoresAbsentValues() {
        Pattern digits = Pattern.compile("\\d+");
        Validatable doc = v -> {
            v.matches("a", null, digits, "digits");
            v.matches("b", "12", digits, "digits");
            v.matches("c", "1x", digits, "digits");
        };
        assertEquals(List.of("c: '1x' is not digits"), errorsOf(doc));
    }

    @Test
    void positiveAndFiniteAcceptAbsentValues() {
        Validatable doc = v -> {
            v.positive("a", null);
            v.positive("b", 0.0);
            v.positive("c", Double.NaN);
            v.finite("d", null);
            v.finite("e", Double.POSITIVE_INFINITY);
            v.oneOf("f", "x", "y", "z");
            v.oneOf("g", null, "y");
        };
        assertEquals(List.of("b: must be greater than 0", "c: must be greater than 0", "e: must be a finite number",
                "f: 'x' is not one of y, z"), errorsOf(doc));
    }
}
