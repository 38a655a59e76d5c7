package org.flowpat.config;

import static org.flowpat.config.Fixtures.error;
import static org.flowpat.config.Fixtures.errors;
import static org.flowpat.config.SyntaxErrorsTest.messages;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Keys and values that do not fit the records: unknown keys, wrong types, bad enum values. */
class BindingErrorsTest {
    @Test
    void unknownTopLevelKeyListsTheKnownKeys() {
        assertEquals(List.of(error("unknown-key-top.yaml", 4, "colour",
                        "unknown key 'colour' (known keys: name, lines, users)")),
                errors("unknown-key-top.yaml"));
    }

    @Test
    void unknownKeyInsideAListItemHasItsFullPath() {
        assertEquals(List.of(error("unknown-key-nested.yaml", 35, "lines[0].units[1].signals[0].scale",
                        "unknown key 'scale' (known keys: id, name, kind, unit, range, normal, nodeId, plcTag,"
                                + " samplingIntervalMs, deadband)")),
                errors("unknown-key-nested.yaml"));
    }

    @Test
    void unknownKeyWithAMapValueIsSkippedWhole() {
        assertEquals(List.of("t.yaml:2: extra: unknown key 'extra' (known keys: name, lines, users)"),
                messages("t.yaml", "name: p\nextra:\n  deeper: {a: 1}\n  more: [1, 2]\nlines: []\n").stream()
                        .filter(m -> !m.contains("at least one line")).toList());
    }

    @Test
    void aMisspeltKeyGetsASuggestion() {
        assertEquals(List.of("variant.yaml:22: lines[0].units[0].signals[0].range: is required",
                        "variant.yaml:25: lines[0].units[0].signals[0].rnage: unknown key 'rnage' (did you mean"
                        + " 'range'?) (known keys: id, name, kind, unit, range, normal, nodeId, plcTag, samplingIntervalMs,"
                        + " deadband)"),
                Fixtures.variantErrors("range: {min: 0, max: 10}", "rnage: {min: 0, max: 10}"));
    }

    @Test
    void anEnumValueInTheWrongCaseGetsASuggestion() {
        List<String> errors = Fixtures.variantErrors("type: PUMP", "type: pump");
        assertEquals(List.of("variant.yaml:20: lines[0].units[0].type: expected one of FEED_VESSEL, PUMP, MIXER, REACTOR,"
                + " QUENCH, ANALYZER, BACK_PRESSURE_REGULATOR, DIVERTER, VESSEL but found the text 'pump'"
                + " (did you mean 'PUMP'?)"), errors);
    }

    @Test
    void textWhereANumberBelongs() {
        assertEquals(List.of(error("wrong-type.yaml", 25, "lines[0].units[0].signals[0].range.max",
                        "expected a number but found the text 'ten'")),
                errors("wrong-type.yaml"));
    }

    @Test
    void badEnumValueListsTheAllowedValues() {
        assertEquals(List.of(error("bad-enum.yaml", 20, "lines[0].units[0].type",
                        "expected one of FEED_VESSEL, PUMP, MIXER, REACTOR, QUENCH, ANALYZER, BACK_PRESSURE_REGULATOR,"
                                + " DIVERTER, VESSEL but found the text 'PUMPE' (did you mean 'PUMP'?)")),
                errors("bad-enum.yaml"));
    }

    @Test
    void listWhereAMapBelongs() {
        assertEquals(List.of(error("list-for-map.yaml", 7, "lines[0].opcua", "expected a map but found a list")),
                errors("list-for-map.yaml"));
    }

    @Test
    void enumGivenAsANumberIsNotAnIndex() {
        List<String> errors = messages("t.yaml", "name: p\nlines:\n  - id: L1\n    units:\n      - {id: A, name: A, type: 1}\n");
        assertEquals("t.yaml:5: lines[0].units[0].type: expected one of FEED_VESSEL, PUMP, MIXER, REACTOR, QUENCH,"
                + " ANALYZER, BACK_PRESSURE_REGULATOR, DIVERTER, VESSEL but found the number 1", only(errors, "units[0].type"));
    }

    @Test
    void fractionWhereAWholeNumberBelongsIsNotRounded() {
        List<String> errors = messages("t.yaml", "name: p\nlines:\n  - id: L1\n    process:\n      analyzer:\n        points: 2.5\n");
        assertEquals("t.yaml:6: lines[0].process.analyzer.points: expected a whole number but found the number 2.5",
                only(errors, "points"));
    }

    @Test
    void emptyListItemIsAnError() {
        assertEquals(List.of("t.yaml:3: lines[0]: must not be empty"), messages("t.yaml", "name: p\nlines:\n  -\n"));
    }

    @Test
    void scalarWhereTheDocumentMapBelongs() {
        assertEquals(List.of("t.yaml:1: (document): expected a map but found a list"), messages("t.yaml", "- a\n- b\n"));
    }

    @Test
    void severalMistypedValuesAreReportedTogether() {
        List<String> errors = messages("t.yaml", """
                name: p
                lines:
                  - id: L1
                    name: Line
                    opcua: {endpoint: "opc.tcp://h:1", publishingIntervalMs: fast}
                    units:
                      - {id: A, name: A, type: PUMPE, signals: {}}
                """);
        assertEquals(List.of(
                "t.yaml:3: lines[0].process: is required",
                "t.yaml:5: lines[0].opcua.publishingIntervalMs: expected a number but found the text 'fast'",
                "t.yaml:7: lines[0].units[0].type: expected one of FEED_VESSEL, PUMP, MIXER, REACTOR, QUENCH,"
                        + " ANALYZER, BACK_PRESSURE_REGULATOR, DIVERTER, VESSEL but found the text 'PUMPE' (did you mean 'PUMP'?)",
                "t.yaml:7: lines[0].units[0].signals: expected a list but found a map"), errors);
    }

    @Test
    void anAliasStandsForItsAnchoredValue() {
        List<String> errors = messages("t.yaml", """
                name: p
                lines:
                  - id: L1
                    name: Line
                    opcua: {endpoint: "opc.tcp://h:1"}
                    units:
                      - id: A
                        name: A
                        type: PUMP
                        signals:
                          - {id: a, name: a, nodeId: "ns=2;s=a", range: &r {min: 0, max: 10}}
                          - {id: b, name: b, nodeId: "ns=2;s=b", range: *r, normal: {min: 5, max: 20}}
                """);
        // Only the missing process and b's normal range (checked against the aliased range) are wrong.
        assertEquals(List.of("t.yaml:3: lines[0].process: is required",
                "t.yaml:12: lines[0].units[0].signals[1].normal: must lie inside range [0.0, 10.0]"), errors);
    }

    /** A settings class bound through fields rather than a record's constructor. */
    public static final class FieldBound implements org.flowpat.config.validation.Validatable {
        public String title;
        public java.util.List<FieldBound> parts;

        @Override
        public void validate(org.flowpat.config.validation.Validation v) {
            v.notBlank("title", title);
        }
    }

    @Test
    void unknownKeysOfClassesThatAreNotRecordsAreFoundToo() {
        ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class, () -> ConfigLoader.load(
                "f.yaml", new java.io.ByteArrayInputStream("title: t\nparts:\n  - title: u\n    colour: red\n"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)), FieldBound.class));
        assertEquals("f.yaml:4: parts[0].colour: unknown key 'colour' (known keys: parts, title)", e.getMessage());
    }

    private static String only(List<String> errors, String pathPart) {
        List<String> matching = errors.stream().filter(e -> e.contains(pathPart)).toList();
        assertEquals(1, matching.size(), () -> "one error at " + pathPart + " in " + errors);
        return matching.get(0);
    }
}
