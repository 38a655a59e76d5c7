package org.flowpat.controller.historian.questdb;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * What the embedded QuestDB needs before its first class loads: its native libraries in a fixed folder
 * ({@code questdb.libs.dir}; otherwise it copies them to the temp folder on every start) and a quiet
 * logger (it writes to stdout through its own logging, configured by the {@code out} system property).
 */
final class QuestDbSetup {
    private static final String[] LIBRARIES = {"libquestdb.so", "libquestdbr.so"};

    private QuestDbSetup() {
    }

    static synchronized void prepare(Path root) throws IOException {
        Files.createDirectories(root);
        if (System.getProperty("out") == null) {
            Path logConf = root.resolve("log.conf");
            Files.writeString(logConf, """
                    # FlowPAT: QuestDB's own log, errors only
                    writers=stdout
                    w.stdout.class=io.questdb.log.LogConsoleWriter
                    w.stdout.level=ERROR,CRITICAL
                    """);
            System.setProperty("out", logConf.toString());
        }
        if (System.getProperty("questdb.libs.dir") == null) {
            String platform = platform();
            if (platform != null) {
                Path libs = root.resolve("libs");
                Files.createDirectories(libs);
                for (String lib : LIBRARIES) {
                    copyIfChanged("/io/questdb/bin/" + platform + "/" + lib, libs.resolve(lib));
                }
                System.setProperty("questdb.libs.dir", libs.toString());
            }
        }
    }

    private static void copyIfChanged(String resource, Path target) throws IOException {
        try (InputStream in = QuestDbSetup.class.getResourceAsStream(resource)) {
            if (in == null) {
                return; // QuestDB then finds its libraries itself
            }
            byte[] bytes = in.readAllBytes();
            if (Files.exists(target) && Files.size(target) == bytes.length) {
                return;
            }
            Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (!os.contains("linux")) {
            return null;
        }
        return switch (arch) {
            case "amd64", "x86_64" -> "linux-x86-64";
            case "aarch64", "arm64" -> "linux-aarch64";
            default -> null;
        };
    }
}
