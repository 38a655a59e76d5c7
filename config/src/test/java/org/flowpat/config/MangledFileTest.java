package org.flowpat.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.flowpat.config.model.Plant;
import org.junit.jupiter.api.Test;

/**
 * Whatever an editor does to a plant file, loading it either succeeds or fails with ConfigErrors in
 * the documented format whose lines exist in the file: never another exception, never a hang.
 */
class MangledFileTest {
    private static final Pattern FORMAT = Pattern.compile("m\\.yaml:\\d+: \\S.*: \\S.*");
    private static final String[] INSERTS = {":", "- ", "{", "}", "[", "]", "&a ", "*a", "\t", "\"", "'", "#", ",",
            "~", "x: 1", "--- ", "!!int ", "?", "|", ">", "%", "@", "\u00e9", "null", "1e999", "-1", "*b", "<<: *a", "!!map ",
            ".inf", "[]", "{}"};

    @Test
    void everyMangledVariantFailsCleanlyOrLoads() throws IOException {
        List<String> original = Files.readAllLines(Fixtures.plant("minimal.yaml"));
        Random random = new Random(20261122L);
        int loaded = 0;
        int failed = 0;
        long deadline = System.nanoTime() + 60_000_000_000L;
        for (int round = 0; round < 400 && System.nanoTime() < deadline; round++) {
            List<String> lines = new ArrayList<>(original);
            for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
                mangle(lines, random);
            }
            String text = String.join("\n", lines) + "\n";
            try {
                ConfigLoader.load("m.yaml", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), Plant.class);
                loaded++;
            } catch (ConfigException e) {
                failed++;
                assertTrue(!e.errors().isEmpty());
                for (ConfigError error : e.errors()) {
                    assertTrue(FORMAT.matcher(error.toString()).matches(), () -> error + "\n--- in ---\n" + text);
                    assertTrue(error.line() >= 1 && error.line() <= lines.size() + 1,
                            () -> "line out of the file: " + error + "\n--- in ---\n" + text);
                }
                assertEquals(e.errors().size(), e.getMessage().lines().count(), e::getMessage);
            } catch (RuntimeException e) {
                fail("unexpected " + e + " for\n" + text, e);
            }
        }
        assertTrue(failed > 100, "most mangled files fail: " + failed + " failed, " + loaded + " loaded");
    }

    private static void mangle(List<String> lines, Random random) {
        int i = random.nextInt(lines.size());
        String line = lines.get(i);
        switch (random.nextInt(5)) {
            case 0 -> lines.remove(i);
            case 1 -> lines.add(i, line);
            case 2 -> {
                int at = random.nextInt(line.length() + 1);
                lines.set(i, line.substring(0, at) + INSERTS[random.nextInt(INSERTS.length)] + line.substring(at));
            }
            case 3 -> {
                if (!line.isEmpty()) {
                    int at = random.nextInt(line.length());
                    lines.set(i, line.substring(0, at) + line.substring(at + 1));
                }
            }
            default -> lines.set(i, line.replaceFirst("^ {2}", ""));
        }
        if (lines.isEmpty()) {
            lines.add("");
        }
    }
}
