package org.flowpat.controller.chemometrics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flowpat.config.Plants;

/** Finds a model file named in the plant file: a file on disk if one exists at that path, else a bundled resource. */
public final class ModelFiles {
    private ModelFiles() {
    }

    /**
     * @throws IllegalArgumentException naming the model when it is neither a file nor a bundled resource, or is
     *                                  not a valid model file
     */
    public static PlsModelFile load(String name) {
        Path file = Path.of(name);
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                return PlsModelFile.read(in, file.toAbsolutePath().toString());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the PLS model file " + file.toAbsolutePath(), e);
            }
        }
        InputStream in;
        try {
            in = Plants.openBundled(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("PLS model '" + name + "' is neither a file (working directory "
                    + Path.of("").toAbsolutePath() + ") nor a bundled resource: " + e.getMessage(), e);
        }
        try (in) {
            return PlsModelFile.read(in, "flowpat/" + name + " (bundled)");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled PLS model " + name, e);
        }
    }
}
