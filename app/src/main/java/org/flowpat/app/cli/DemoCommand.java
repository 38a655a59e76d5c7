package org.flowpat.app.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.flowpat.config.ConfigException;
import org.flowpat.config.Plants;
import org.flowpat.app.demo.Demo;
import org.flowpat.config.model.Plant;
import org.flowpat.controller.ControllerOptions;
import org.flowpat.controller.acquisition.SourcePreference;
import org.flowpat.config.scenario.Scenario;
import org.flowpat.config.scenario.Scenarios;
import org.flowpat.hmi.HmiOptions;
import org.flowpat.hmi.auth.Users;
import org.flowpat.simulator.engine.EngineSettings;
import org.flowpat.simulator.server.SimulatorOptions;
import org.flowpat.simulator.server.SimulatorServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code flowpat demo}: the whole system in one process with the bundled plant: the simulated line (OPC UA and
 * Modbus TCP), the controller (acquisition, quality monitoring, alarms, diversion, historian: embedded QuestDB or
 * InfluxDB) and the HMI. This is also the JVM that proves Milo, PLC4X, the Modbus server and Vert.x share one
 * Netty (DESIGN.md).
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Runs simulator + controller + HMI + historian in one process with the bundled plant,",
                "prints the HMI URL and the demo users, and runs until Ctrl-C or SIGTERM."})
public final class DemoCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    SimulatedLineOptions line = new SimulatedLineOptions();




    @Option(names = "--http-port", paramLabel = "N", defaultValue = "" + HmiOptions.DEFAULT_PORT,
            description = "HMI port, 0 = any free port (default: ${DEFAULT-VALUE}).")
    int httpPort;




    @Option(names = "--prefer-plc", description = "Read signals that have a PLC tag over Modbus (PLC4X) instead of OPC UA.")
    boolean preferPlc;

    @Option(names = "--influx", paramLabel = "URL",
            description = "Keep the history in this InfluxDB (default: embedded QuestDB under the data directory).")
    String influx;

    @Option(names = "--influx-db", paramLabel = "NAME", description = "InfluxDB database (default: flowpat).")
    String influxDb;

    @Override
    public Integer call() throws Exception {
        SimulatorOptions options;
        Plant bundled;
        try {
            if (influxDb != null && influx == null) {
                throw new IllegalArgumentException("--influx-db needs --influx URL");
            }
            if (influx != null && !influx.startsWith("http://") && !influx.startsWith("https://")) {
                throw new IllegalArgumentException("--influx must be an http:// or https:// URL, got '" + influx + "'");
            }
            if (httpPort < 0 || httpPort > 65535) {
                throw new IllegalArgumentException("--http-port must be 0-65535, got " + httpPort);
            }
            Scenario loadedScenario = line.scenario == null ? null : Scenarios.load(line.scenario);
            bundled = Plants.bundled();
            options = new SimulatorOptions(bundled, loadedScenario, "127.0.0.1", line.opcUaPort, line.modbusPort,
                    line.dataDir, EngineSettings.parseTimeScale(line.timeScale), EngineSettings.DEFAULT_SEED, line.lines, 1.0,
                    Map.of(SimulatorOptions.DEMO_USER, SimulatorOptions.DEMO_PASSWORD));
            new EngineSettings(1.0, options.timeScale(), options.seed(), line.lines);
        } catch (ConfigException e) {
            System.err.println("flowpat demo: invalid configuration:");
            System.err.println(e.getMessage());
            return CommandLine.ExitCode.USAGE;
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }

        Demo demo;
        try {
            demo = Demo.start(options, line.dataDir, influx, influxDb, httpPort,
                    preferPlc ? SourcePreference.PLC : SourcePreference.OPC_UA);
        } catch (Exception e) {
            System.err.println("flowpat demo: did not start: " + e.getMessage());
            return CommandLine.ExitCode.SOFTWARE;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                demo.close();
            } catch (Exception e) {
                System.err.println("flowpat demo: error while stopping: " + e.getMessage());
            } finally {
                stopped.countDown();
            }
        }, "flowpat-demo-shutdown"));

        Plant plant = demo.plant();
        SimulatorServer simulator = demo.simulator();
        PrintStream out = System.out;
        out.println("FlowPAT demo: plant '" + plant.name() + "', " + plant.lines().size() + " line(s)"
                + (options.scenario() == null ? "" : ", scenario " + options.scenario().name())
                + ", time scale " + (options.timeScale() == 0 ? "max" : options.timeScale()));
        out.println("  HMI         http://127.0.0.1:" + demo.httpPort() + "/");
        out.println("  users       operator, engineer, quality, admin (password: " + Users.DEMO_PASSWORD
                + "; demo mode only)");
        out.println("  OPC UA      " + simulator.opcUaEndpoint() + "  (simulator; user "
                + SimulatorOptions.DEMO_USER + " / " + SimulatorOptions.DEMO_PASSWORD + ")");
        out.println("  Modbus TCP  " + simulator.modbusUrl() + "  (unit identifier N = line LN)");
        out.println("  historian   " + (influx == null ? "embedded QuestDB in "
                + line.dataDir.resolve("controller").toAbsolutePath().normalize() : influx + " database "
                + (influxDb == null ? ControllerOptions.DEFAULT_INFLUX_DATABASE : influxDb)));
        out.println("Press Ctrl-C to stop.");
        out.flush();
        stopped.await();
        return CommandLine.ExitCode.OK;
    }
}
