package org.flowpat.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Key paths to lines, the bridge from record errors back into the file. */
class YamlLinesTest {
    private static final String DOC = """
            name: p
            lines:
              - id: L1
                units:
                  - {id: A, range: {min: 0, max: 1}}
                  -
                    id: B
            """;

    @Test
    void keysOfBlockAndFlowMapsAndListItemsHaveTheirLines() {
        YamlLines lines = YamlLines.of(DOC);
        assertEquals(1, lines.lineOf("name"));
        assertEquals(2, lines.lineOf("lines"));
        assertEquals(3, lines.lineOf("lines[0]"));
        assertEquals(3, lines.lineOf("lines[0].id"));
        assertEquals(5, lines.lineOf("lines[0].units[0].range.max"));
        assertEquals(7, lines.lineOf("lines[0].units[1].id"));
    }

    @Test
    void anAbsentPathTakesTheLineOfItsNearestPresentAncestor() {
        YamlLines lines = YamlLines.of(DOC);
        assertFalse(lines.contains("lines[0].opcua.endpoint"));
        assertEquals(3, lines.lineOf("lines[0].opcua.endpoint"));
        assertEquals(5, lines.lineOf("lines[0].units[0].normal"));
        assertEquals(1, lines.lineOf("users"));
    }

    @Test
    void aDuplicateKeyKeepsItsFirstLine() {
        YamlLines lines = YamlLines.of("a: 1\nb: 2\na: 3\n");
        assertTrue(lines.contains("a"));
        assertEquals(1, lines.lineOf("a"));
    }

    @Test
    void aSelfReferringAliasDoesNotLoopForever() {
        YamlLines lines = YamlLines.of("a: &x\n  b: *x\n");
        assertEquals(2, lines.lineOf("a.b"));
    }

    @Test
    void parentDropsTheLastKeyOrIndex() {
        assertEquals("a.b[2]", YamlLines.parent("a.b[2].c"));
        assertEquals("a.b", YamlLines.parent("a.b[2]"));
        assertEquals("", YamlLines.parent("a"));
    }
}
