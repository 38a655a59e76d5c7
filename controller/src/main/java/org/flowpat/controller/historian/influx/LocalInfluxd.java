package org.flowpat.controller.historian.influx;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a private InfluxDB 1.x ({@code influxd}, Debian package {@code influxdb}) for tests and benchmarks:
 * a generated configuration in its own directory, every port on a free loopback port, reporting and every
 * listener other than HTTP off. {@link #stop()} and {@link #start()} can be repeated (an outage); the
 * data directory and ports stay the same.
 */
public final class LocalInfluxd implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final List<String> SEARCH_PATH = List.of("/usr/bin/influxd", "/usr/local/bin/influxd", "/usr/sbin/influxd");

    private final Path directory;
    private final Path executable;
    private final int httpPort;
    private final int rpcPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;

    private LocalInfluxd(Path directory, Path executable, int httpPort, int rpcPort) {
        this.directory = directory;
        this.executable = executable;
        this.httpPort = httpPort;
        this.rpcPort = rpcPort;
    }

    /** Writes the configuration under {@code directory} and starts influxd; returns when it answers /ping. */
    public static LocalInfluxd start(Path directory) throws IOException {
        LocalInfluxd influxd = new LocalInfluxd(directory, findExecutable(), freePort(), freePort());
        Files.createDirectories(directory);
        Files.writeString(influxd.configFile(), influxd.config());
        influxd.start();
        return influxd;
    }

    /** The influxd program, or an exception naming the package to install. */
    public static Path findExecutable() {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                Path p = Path.of(dir, "influxd");
                if (Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        for (String candidate : SEARCH_PATH) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        throw new IllegalStateException("influxd (InfluxDB 1.x) not found on the PATH: install the Debian package 'influxdb' "
                + "(apt-get install influxdb; scripts/test does it)");
    }

    public String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    public int httpPort() {
        return httpPort;
    }

    public Path directory() {
        return directory;
    }

    public synchronized boolean running() {
        return process != null && process.isAlive();
    }

    /** Starts influxd (again) and waits until it answers /ping. */
    public synchronized void start() throws IOException {
        if (running()) {
            return;
        }
        Path log = directory.resolve("influxd.log");
        process = new ProcessBuilder(executable.toString(), "-config", configFile().toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("influxd exited with " + process.exitValue() + " at start; its log " + log + " ends with:\n"
                        + tail(log));
            }
            if (pingOk()) {
                return;
            }
            sleep(100);
        }
        stop();
        throw new IOException("influxd did not answer " + url() + "/ping within " + START_TIMEOUT.toSeconds() + " s; log " + log
                + ":\n" + tail(log));
    }

    /** Stops influxd (SIGTERM, then SIGKILL after 10 s), as in an outage; {@link #start()} brings it back. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    @Override
    public void close() {
        stop();
    }

    public boolean pingOk() {
        try {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(url() + "/ping")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 204;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Path configFile() {
        return directory.resolve("influxdb.conf");
    }

    private String config() {
        String d = directory.toAbsolutePath().toString().replace("\\", "/");
        return """
                reporting-disabled = true
                bind-address = "127.0.0.1:%2$d"

                [meta]
                  dir = "%1$s/meta"
                  logging-enabled = false

                [data]
                  dir = "%1$s/data"
                  wal-dir = "%1$s/wal"
                  query-log-enabled = false
                  trace-logging-enabled = false

                [coordinator]
                  log-queries-after = "0s"

                [retention]
                  enabled = true

                [monitor]
                  store-enabled = false

                [http]
                  enabled = true
                  bind-address = "127.0.0.1:%3$d"
                  auth-enabled = false
                  log-enabled = false
                  write-tracing = false
                  max-row-limit = 0
                  max-body-size = 0

                [logging]
                  level = "warn"
                  suppress-logo = true

                [subscriber]
                  enabled = false

                [[graphite]]
                  enabled = false

                [[collectd]]
                  enabled = false

                [[opentsdb]]
                  enabled = false

                [[udp]]
                  enabled = false

                [continuous_queries]
                  enabled = false
                """.formatted(d, rpcPort, httpPort);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private static void sleep(long ms) throws IOException {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for influxd", e);
        }
    }
}
