package org.flowpat.app.cli;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.flowpat.config.ConfigException;
import org.flowpat.config.Plants;
import org.flowpat.config.model.Plant;
import org.flowpat.controller.ControllerApplication;
import org.flowpat.controller.ControllerOptions;
import org.flowpat.controller.acquisition.AcquisitionOptions;
import org.flowpat.controller.acquisition.SourcePreference;
import org.flowpat.hmi.HmiOptions;
import org.flowpat.hmi.HmiServer;
import org.flowpat.hmi.auth.Users;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code flowpat run}: the controller (acquisition, quality monitoring, diversion, historian) and the HMI against the real endpoints
 * named in the plant file, until SIGTERM or Ctrl-C, which stop acquisition and then flush the historian's spool.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs the controller against the OPC UA servers and PLCs named in the plant file,",
                "keeping every sample in InfluxDB (--influx) or the embedded historian, until SIGTERM or Ctrl-C."})
public final class RunCommand implements Callable<Integer> {
    /** Usage errors and invalid plant files, as picocli reports usage errors. */
    static final int USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--plant", required = true, paramLabel = "FILE", description = "plant file (YAML)")
    Path plant;

    @Option(names = "--influx", paramLabel = "URL", description = "InfluxDB URL, e.g. http://127.0.0.1:8086 "
            + "(default: embedded historian under the data directory)")
    String influxUrl;

    @Option(names = "--influx-db", paramLabel = "NAME", description = "InfluxDB database (default: "
            + ControllerOptions.DEFAULT_INFLUX_DATABASE + ")")
    String influxDatabase;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "flowpat-data",
            description = "data directory; the controller keeps its certificate, trust list (pki/trusted/certs: "
                    + "copy server certificates there), spool and embedded historian in DIR/controller "
                    + "(default: ${DEFAULT-VALUE})")
    Path dataDir;

    @Option(names = "--http-port", paramLabel = "N", defaultValue = "" + HmiOptions.DEFAULT_PORT,
            description = "HMI port on 127.0.0.1, 0 = any free port (default: ${DEFAULT-VALUE})")
    int httpPort;

    @Option(names = "--prefer-plc", description = "read signals that have both an OPC UA node and a PLC tag from "
            + "the PLC (default: OPC UA; each signal is read over one path only)")
    boolean preferPlc;

    @Override
    public Integer call() throws Exception {
        if (influxDatabase != null && influxUrl == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--influx-db needs --influx URL");
        }
        if (influxUrl != null && !influxUrl.startsWith("http://") && !influxUrl.startsWith("https://")) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--influx must be an http:// or https:// URL, got '" + influxUrl + "'");
        }
        Plant loaded;
        try {
            loaded = Plants.load(plant);
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            return USAGE;
        }
        try {
            // No guessable logins outside demo mode: refuse before anything listens.
            Users.refuseDefaults(loaded.users());
        } catch (IllegalArgumentException e) {
            System.err.println("flowpat run: " + plant + ": " + e.getMessage());
            return USAGE;
        }
        if (httpPort < 0 || httpPort > 65535) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--http-port must be 0-65535, got " + httpPort);
        }
        Path controllerDir = dataDir.resolve("controller");
        AcquisitionOptions acquisition = AcquisitionOptions.defaults(controllerDir)
                .withSourcePreference(preferPlc ? SourcePreference.PLC : SourcePreference.OPC_UA);
        ControllerOptions options = new ControllerOptions(controllerDir, influxUrl, influxDatabase, null, acquisition);

        Vertx vertx = Vertx.vertx();
        ControllerApplication app;
        try {
            app = ControllerApplication.start(vertx, loaded, options).await(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            System.err.println("flowpat run: the controller did not start: " + e.getMessage());
            vertx.close().await(10, TimeUnit.SECONDS);
            return 1;
        }
        HmiServer hmi;
        try {
            hmi = HmiServer.start(vertx, HmiOptions.of(loaded, Users.of(loaded.users()), httpPort, false))
                    .await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            System.err.println("flowpat run: the HMI did not start: " + e.getMessage());
            app.stop().await(options.drainTimeout().toSeconds() + 20, TimeUnit.SECONDS);
            vertx.close().await(10, TimeUnit.SECONDS);
            return 1;
        }
        System.out.println("FlowPAT controller running for plant '" + loaded.name() + "' ("
                + loaded.lines().size() + " line(s)), data in " + options.dataDir().toAbsolutePath()
                + ", historian: " + app.historian().describe() + ".");
        System.out.println("  HMI http://127.0.0.1:" + hmi.port() + "/ (" + loaded.users().size()
                + " user(s) from the plant file). Stop with Ctrl-C or SIGTERM.");

        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            try {
                hmi.close().await(10, TimeUnit.SECONDS);
                app.stop().await(options.drainTimeout().toSeconds() + 20, TimeUnit.SECONDS);
            } catch (Exception e) {
                System.err.println("flowpat run: clean stop incomplete: " + e.getMessage());
            } finally {
                try {
                    vertx.close().await(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    System.err.println("flowpat run: closing Vert.x: " + e.getMessage());
                }
                stopped.countDown();
            }
        }, "flowpat-run-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        stopped.await();
        return 0;
    }
}
