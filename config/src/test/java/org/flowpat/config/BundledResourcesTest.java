package org.flowpat.config;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bundled files are listed both from a directory (tests, IDE) and from a jar (the fat jar). */
class BundledResourcesTest {
    @Test
    void listsFilesFromTheClassesDirectory() {
        Set<String> names = BundledResources.list();
        assertTrue(names.contains("plants/flow-line.yaml"), names::toString);
    }

    @Test
    void listsFilesInsideAJar(@TempDir Path dir) throws IOException {
        Path jar = dir.resolve("bundle.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("flowpat/"));
            out.putNextEntry(new JarEntry("flowpat/scenarios/"));
            out.putNextEntry(new JarEntry("flowpat/scenarios/from-jar.yaml"));
            out.write("name: x\n".getBytes());
            out.putNextEntry(new JarEntry("other/ignored.yaml"));
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, previous)) {
            thread.setContextClassLoader(loader);
            Set<String> names = BundledResources.list();
            assertTrue(names.contains("scenarios/from-jar.yaml"), names::toString);
            assertTrue(names.stream().noneMatch(n -> n.contains("ignored") || n.endsWith("/")), names::toString);
            try (var in = Plants.openBundled("scenarios/from-jar.yaml")) {
                assertTrue(new String(in.readAllBytes()).startsWith("name: x"));
            }
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
