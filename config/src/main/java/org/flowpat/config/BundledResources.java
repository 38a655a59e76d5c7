package org.flowpat.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The files shipped on the classpath under {@code flowpat/}. They live in a directory during
 * development and tests, and inside the fat jar in production, so listing them reads either.
 */
final class BundledResources {
    static final String ROOT = "flowpat/";

    private BundledResources() {
    }

    static InputStream open(String relativePath) {
        if (relativePath == null || relativePath.isBlank() || relativePath.startsWith("/")
                || relativePath.contains("\\") || Stream.of(relativePath.split("/")).anyMatch(".."::equals)) {
            throw new IllegalArgumentException("bundled resource path must be relative to flowpat/ without '..', got '"
                    + relativePath + "'");
        }
        for (ClassLoader loader : loaders()) {
            InputStream in = loader.getResourceAsStream(ROOT + relativePath);
            if (in != null) {
                return in;
            }
        }
        throw new IllegalArgumentException("no bundled resource 'flowpat/" + relativePath + "'; bundled: "
                + String.join(", ", list()));
    }

    /** Every bundled file, relative to flowpat/, sorted. */
    static TreeSet<String> list() {
        TreeSet<String> names = new TreeSet<>();
        try {
            for (ClassLoader loader : loaders()) {
                Enumeration<URL> roots = loader.getResources(ROOT);
                while (roots.hasMoreElements()) {
                    URL url = roots.nextElement();
                    if ("file".equals(url.getProtocol())) {
                        listDirectory(Path.of(url.toURI()), names);
                    } else if ("jar".equals(url.getProtocol())) {
                        listJar(url, names);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list bundled resources under " + ROOT, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot list bundled resources under " + ROOT, e);
        }
        return names;
    }

    private static void listDirectory(Path dir, TreeSet<String> names) throws IOException {
        try (Stream<Path> files = Files.walk(dir, 4)) {
            files.filter(Files::isRegularFile).forEach(f -> names.add(dir.relativize(f).toString().replace('\\', '/')));
        }
    }

    private static void listJar(URL url, TreeSet<String> names) throws IOException {
        URLConnection conn = url.openConnection();
        conn.setUseCaches(false);
        try (JarFile jar = ((JarURLConnection) conn).getJarFile()) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry e = entries.nextElement();
                if (!e.isDirectory() && e.getName().startsWith(ROOT)) {
                    names.add(e.getName().substring(ROOT.length()));
                }
            }
        }
    }

    /**
     * The loader of this module's jar, which holds the bundled files, then the thread's context
     * loader (which frameworks such as Vert.x may set to one that sees other or extra bundles).
     */
    private static List<ClassLoader> loaders() {
        ClassLoader own = BundledResources.class.getClassLoader();
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context == null || context == own ? List.of(own) : List.of(own, context);
    }
}
