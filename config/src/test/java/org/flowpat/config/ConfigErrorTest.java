package org.flowpat.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigErrorTest {
    @Test
    void printsFileLinePathAndMessage() {
        assertEquals("plants/flow-line.yaml:42: lines[0].units[2].signals[1].range.max: must be greater than min",
                new ConfigError("plants/flow-line.yaml", 42, "lines[0].units[2].signals[1].range.max",
                        "must be greater than min").toString());
    }

    @Test
    void anErrorOfTheWholeDocumentSaysSo() {
        assertEquals("p.yaml:1: (document): the file is empty", new ConfigError("p.yaml", 1, "", "the file is empty").toString());
    }

    @Test
    void exceptionMessageListsErrorsOnePerLine() {
        ConfigException e = new ConfigException(List.of(new ConfigError("a.yaml", 1, "x", "bad"),
                new ConfigError("a.yaml", 2, "y", "worse")));
        assertEquals("a.yaml:1: x: bad\na.yaml:2: y: worse", e.getMessage());
        assertEquals(2, e.errors().size());
    }

    @Test
    void anExceptionWithoutErrorsIsABug() {
        assertThrows(IllegalArgumentException.class, () -> new ConfigException(List.of()));
    }
}
