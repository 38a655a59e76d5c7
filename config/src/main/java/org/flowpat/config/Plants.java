package org.flowpat.config;

import java.io.InputStream;
import java.nio.file.Path;
import org.flowpat.config.model.Plant;

/** Plant files: from disk, or the example plant bundled in the jar. */
public final class Plants {
    /** The example plant, shipped in the jar as classpath resource {@code flowpat/plants/flow-line.yaml}. */
    public static final String BUNDLED = "flow-line";

    private Plants() {
    }

    /** Loads a plant file from disk. */
    public static Plant load(Path file) throws ConfigException {
        return ConfigLoader.load(file, Plant.class);
    }

    /** Parsed once: the bundled file cannot change while the program runs, and the records are immutable. */
    private static volatile Plant bundled;

    /** Loads the bundled example plant from the classpath. */
    public static Plant bundled() throws ConfigException {
        Plant plant = bundled;
        if (plant == null) {
            String relative = "plants/" + BUNDLED + ".yaml";
            plant = ConfigLoader.load("flowpat/" + relative, openBundled(relative), Plant.class);
            bundled = plant;
        }
        return plant;
    }

    /** Opens a bundled resource under flowpat/ (e.g. "scenarios/nominal.yaml"), or throws a clear IllegalArgumentException listing what exists. */
    public static InputStream openBundled(String relativePath) {
        return BundledResources.open(relativePath);
    }
}
