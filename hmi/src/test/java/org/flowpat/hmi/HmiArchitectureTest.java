package org.flowpat.hmi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** DESIGN.md: the HMI reaches the controller only through event-bus messages, so it uses only its api package. */
class HmiArchitectureTest {
    private static final Pattern CONTROLLER_IMPORT = Pattern.compile("import\\s+(static\\s+)?org\\.flowpat\\.controller\\.([\\w.]+)");

    @Test
    void mainCodeUsesNothingOfTheControllerButItsApiPackage() throws IOException {
        List<String> offending = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = CONTROLLER_IMPORT.matcher(Files.readString(f));
                while (m.find()) {
                    if (!m.group(2).startsWith("api.")) {
                        offending.add(f + ": " + m.group());
                    }
                }
            }
        }
        assertEquals(List.of(), offending);
    }
}
