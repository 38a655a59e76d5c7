package org.flowpat.config;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flowpat.config.model.Plant;

/** Test plant files under src/test/resources/plants, loaded by the relative path the errors then print. */
final class Fixtures {
    static final String DIR = "src/test/resources/plants/";

    private Fixtures() {
    }

    static Path plant(String name) {
        return Path.of(DIR + name);
    }

    /** Loads a fixture that must fail and returns its errors as printed lines. */
    static List<String> errors(String name) {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(plant(name), Plant.class),
                name + " should not load");
        return e.errors().stream().map(ConfigError::toString).toList();
    }

    /**
     * Errors of minimal.yaml with texts replaced (pairs of old, new; each old text must occur exactly
     * once), loaded under the name "variant.yaml"; empty when it loads. Replacing within lines keeps minimal.yaml's line numbers.
     */
    static List<String> variantErrors(String... oldNewPairs) {
        String text;
        try {
            text = Files.readString(plant("minimal.yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int i = 0; i + 1 < oldNewPairs.length; i += 2) {
            String old = oldNewPairs[i];
            int at = text.indexOf(old);
            if (at < 0 || text.indexOf(old, at + 1) >= 0) {
                throw new IllegalArgumentException("'" + old + "' must occur exactly once in minimal.yaml");
            }
            text = text.replace(old, oldNewPairs[i + 1]);
        }
        try {
            ConfigLoader.load("variant.yaml", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), Plant.class);
            return List.of();
        } catch (ConfigException e) {
            return e.errors().stream().map(ConfigError::toString).toList();
        }
    }

    /** The printed form of an error in fixture {@code name}. */
    static String error(String name, int line, String path, String message) {
        return DIR + name + ":" + line + ": " + path + ": " + message;
    }
}
