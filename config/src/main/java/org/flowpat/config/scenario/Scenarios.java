package org.flowpat.config.scenario;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flowpat.config.ConfigError;
import org.flowpat.config.ConfigException;
import org.flowpat.config.ConfigLoader;

/**
 * Scenario files: by name from those bundled on the classpath ({@code flowpat/scenarios/<name>.yaml}), or from a
 * file path.
 */
public final class Scenarios {
    /** The scenarios shipped in {@code config/scenarios/}; a test checks this list against the folder. */
    public static final List<String> BUNDLED = List.of("nominal", "temperature-excursion", "feed-drift",
            "pump-degradation", "pump-stop", "fouling", "analyzer-drift", "stuck-sensor", "spikes", "analyzer-dropout",
            "comm-loss");

    private static final String FOLDER = "flowpat/scenarios/";

    private Scenarios() {
    }

    /**
     * A bundled scenario by name, or a scenario file when {@code nameOrPath} names an existing file or ends in
     * .yaml/.yml. An unknown name fails with the list of bundled names.
     */
    public static Scenario load(String nameOrPath) throws ConfigException {
        if (nameOrPath == null || nameOrPath.isBlank()) {
            throw new ConfigException(new ConfigError("", 0, "", "no scenario given; bundled scenarios: "
                    + String.join(", ", BUNDLED)));
        }
        Path path = Path.of(nameOrPath);
        if (Files.isRegularFile(path) || nameOrPath.endsWith(".yaml") || nameOrPath.endsWith(".yml")) {
            return ConfigLoader.load(path, Scenario.class);
        }
        return bundled(nameOrPath);
    }

    /** A bundled scenario by name. */
    public static Scenario bundled(String name) throws ConfigException {
        String resource = FOLDER + name + ".yaml";
        InputStream in = BUNDLED.contains(name) ? Scenarios.class.getClassLoader().getResourceAsStream(resource) : null;
        if (in == null) {
            throw new ConfigException(new ConfigError(name, 0, "", "unknown scenario '" + name
                    + "'; bundled scenarios: " + String.join(", ", BUNDLED) + " (or give the path of a scenario file)"));
        }
        return ConfigLoader.load(resource, in, Scenario.class);
    }
}
