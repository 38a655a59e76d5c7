package org.flowpat.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.flowpat.config.model.Plant;
import org.junit.jupiter.api.Test;

/** docs/plant-file.md stays true: its example loads and every key of the model has a row. */
class PlantFileDocTest {
    private static final Path DOC = Path.of("..", "docs", "plant-file.md");

    @Test
    void theMinimalExampleLoads() throws IOException, ConfigException {
        String doc = Files.readString(DOC);
        int start = doc.indexOf("```yaml\n", doc.indexOf("## Minimal example"));
        assertTrue(start >= 0, "the doc has a yaml example");
        String yaml = doc.substring(start + "```yaml\n".length(), doc.indexOf("```", start + 7));
        Plant plant = ConfigLoader.load("plant-file.md example",
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), Plant.class);
        assertEquals("AT1", plant.line("L1").units().get(0).id());
    }

    @Test
    void everyKeyOfTheModelIsDocumented() throws IOException {
        String doc = Files.readString(DOC);
        List<String> missing = new ArrayList<>();
        for (String key : keys(Plant.class, new LinkedHashSet<>())) {
            if (!doc.contains("| `" + key.substring(key.indexOf('.') + 1) + "` |")) {
                missing.add(key);
            }
        }
        assertEquals(List.of(), missing, "keys without a row in " + DOC);
    }

    /** Type.key for every record component reachable from {@code type}. */
    private static Set<String> keys(Class<?> type, Set<String> into) {
        for (RecordComponent rc : type.getRecordComponents()) {
            if (into.add(type.getSimpleName() + "." + rc.getName())) {
                Class<?> child = rc.getType();
                Type generic = rc.getGenericType();
                if (generic instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> c) {
                    child = c;
                }
                if (child.isRecord()) {
                    keys(child, into);
                }
            }
        }
        return into;
    }
}
