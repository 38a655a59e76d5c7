package org.flowpat.config;

import static org.flowpat.config.Fixtures.error;
import static org.flowpat.config.Fixtures.errors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.flowpat.config.model.Plant;
import org.junit.jupiter.api.Test;

/** Problems found before any binding: the file itself, YAML syntax, duplicate keys, several documents. */
class SyntaxErrorsTest {
    @Test
    void missingFileNamesThePathAsGivenAndWhereRelativePathsStart() {
        assertEquals(List.of(error("no-such-plant.yaml", 0, "(document)",
                        "file not found (relative to " + Path.of("").toAbsolutePath() + ")")),
                errors("no-such-plant.yaml"));
    }

    @Test
    void missingAbsoluteFileNeedsNoHint() {
        Path absolute = Path.of(Fixtures.DIR, "no-such-plant.yaml").toAbsolutePath();
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(absolute, Plant.class));
        assertEquals(absolute + ":0: (document): file not found", e.getMessage());
    }

    @Test
    void emptyFile() {
        assertEquals(List.of(error("empty.yaml", 1, "(document)", "the file is empty")), errors("empty.yaml"));
    }

    @Test
    void fileWithOnlyCommentsIsEmpty() {
        assertEquals(List.of(error("comments-only.yaml", 1, "(document)", "the file is empty")),
                errors("comments-only.yaml"));
    }

    @Test
    void yamlSyntaxErrorGivesLineAndTheKeyBeingRead() {
        assertEquals(List.of(error("syntax-error.yaml", 26, "lines[0].units[0].signals[0].range.max",
                        "YAML syntax error: expected ',' or '}', but got :"
                                + " (while parsing a flow mapping at line 25)")),
                errors("syntax-error.yaml"));
    }

    @Test
    void duplicateKeyIsAnErrorAtItsSecondOccurrence() {
        assertEquals(List.of(error("duplicate-key.yaml", 24, "lines[0].units[0].signals[0].name",
                        "duplicate key 'name'")),
                errors("duplicate-key.yaml"));
    }

    @Test
    void aSecondDocumentIsRefused() {
        assertEquals(List.of("doc.yaml:3: (document): only one YAML document is allowed, found another one here"),
                messages("doc.yaml", "name: a\n---\nname: b\n"));
    }

    @Test
    void textThatIsNotUtf8IsRefused() {
        byte[] latin1 = "name: Pl\u00e4nt\n".getBytes(StandardCharsets.ISO_8859_1);
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.load("latin1.yaml", new ByteArrayInputStream(latin1), Plant.class));
        assertEquals("latin1.yaml:0: (document): is not UTF-8 text", e.getMessage());
    }

    @Test
    void tabIndentationIsASyntaxErrorOnItsLine() {
        List<String> errors = messages("tab.yaml", "name: a\n\tlines: []\n");
        assertEquals(1, errors.size(), errors::toString);
        assertTrue(errors.get(0).startsWith("tab.yaml:2: name: YAML syntax error: found character '\\t(TAB)'"),
                errors.get(0));
    }

    @Test
    void aDocumentThatIsOnlyNullIsEmpty() {
        assertEquals(List.of("t.yaml:1: (document): the document is empty"), messages("t.yaml", "~\n"));
    }

    @Test
    void anAliasWithoutAnchorIsAnErrorOnItsLine() {
        assertEquals(List.of("t.yaml:3: (document): YAML error: found undefined alias limits"),
                messages("t.yaml", "name: p\nlines:\n  - id: *limits\n"));
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheDocument() throws Exception {
        byte[] text = java.nio.file.Files.readAllBytes(Fixtures.plant("minimal.yaml"));
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        assertEquals("Test plant", ConfigLoader.load("bom.yaml", new ByteArrayInputStream(withBom), Plant.class).name());
    }

    @Test
    void anAliasBombStopsAtSnakeYamlsAliasLimit() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 9; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(10, "*a" + (i - 1)))).append("]\n");
        }
        long start = System.nanoTime();
        List<String> errors = messages("lol.yaml", yaml.toString());
        assertEquals(List.of("lol.yaml:1: (document): YAML error: Number of aliases for non-scalar nodes exceeds the"
                + " specified max=50"), errors);
        assertTrue(System.nanoTime() - start < 20_000_000_000L, "refused quickly");
    }

    static List<String> messages(String name, String yaml) {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(name,
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), Plant.class));
        return e.errors().stream().map(ConfigError::toString).toList();
    }
}
