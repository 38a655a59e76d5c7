package org.flowpat.app.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.flowpat.config.ConfigException;
import org.flowpat.config.Plants;
import org.flowpat.config.model.Plant;
import org.flowpat.config.scenario.Scenario;
import org.flowpat.config.scenario.Scenarios;
import org.flowpat.simulator.engine.EngineSettings;
import org.flowpat.simulator.server.SimulatorOptions;
import org.flowpat.simulator.server.SimulatorServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flowpat simulate}: the simulated line alone, served over OPC UA and Modbus TCP until stopped. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Runs the simulated flow-reactor line and serves it over OPC UA and Modbus TCP until Ctrl-C.")
public final class SimulateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    SimulatedLineOptions line = new SimulatedLineOptions();

    @Option(names = "--plant", paramLabel = "FILE", description = "Plant file (default: the bundled example plant).")
    Path plant;




    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 = all interfaces).")
    String bind;


    @Option(names = "--seed", paramLabel = "N", defaultValue = "" + EngineSettings.DEFAULT_SEED,
            description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;


    @Option(names = "--rate", paramLabel = "HZ", defaultValue = "1",
            description = "Updates per simulated second, i.e. step 1/HZ s (default: ${DEFAULT-VALUE}).")
    double rate;


    @Option(names = "--user", paramLabel = "NAME:PASSWORD",
            description = "OPC UA user, repeatable (default: the demo user "
                    + SimulatorOptions.DEMO_USER + ":" + SimulatorOptions.DEMO_PASSWORD + ").")
    List<String> users;

    @Override
    public Integer call() throws Exception {
        Plant loadedPlant;
        Scenario loadedScenario;
        try {
            loadedPlant = plant == null ? Plants.bundled() : Plants.load(plant);
            loadedScenario = line.scenario == null ? null : Scenarios.load(line.scenario);
        } catch (ConfigException e) {
            System.err.println("flowpat simulate: invalid configuration:");
            System.err.println(e.getMessage());
            return CommandLine.ExitCode.USAGE;
        }
        SimulatorOptions options;
        try {
            options = new SimulatorOptions(loadedPlant, loadedScenario, bind, line.opcUaPort, line.modbusPort, line.dataDir,
                    EngineSettings.parseTimeScale(line.timeScale), seed, line.lines, rate, parseUsers(users));
            new EngineSettings(1.0 / rate, options.timeScale(), seed, line.lines); // same checks the engine makes, before binding
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        return serveUntilShutdown(options, System.out, "simulate", List.of());
    }

    static Map<String, String> parseUsers(List<String> specs) {
        Map<String, String> parsed = new LinkedHashMap<>();
        if (specs == null || specs.isEmpty()) {
            parsed.put(SimulatorOptions.DEMO_USER, SimulatorOptions.DEMO_PASSWORD);
            return parsed;
        }
        for (String spec : specs) {
            int colon = spec.indexOf(':');
            if (colon <= 0 || colon == spec.length() - 1) {
                throw new IllegalArgumentException("--user '" + spec + "' must be NAME:PASSWORD");
            }
            parsed.put(spec.substring(0, colon), spec.substring(colon + 1));
        }
        return parsed;
    }

    /** Starts the simulator, prints how to reach it, and blocks until the JVM shuts down (Ctrl-C, SIGTERM). */
    static int serveUntilShutdown(SimulatorOptions options, PrintStream out, String command, List<String> notes)
            throws Exception {
        SimulatorServer server;
        try {
            server = SimulatorServer.start(options);
        } catch (java.io.IOException e) {
            System.err.println("flowpat " + command + ": cannot start the simulator: " + e.getMessage());
            return CommandLine.ExitCode.SOFTWARE;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                System.err.println("flowpat " + command + ": error while stopping: " + e.getMessage());
            } finally {
                stopped.countDown();
            }
        }, "flowpat-simulator-shutdown"));
        out.println("FlowPAT simulator: " + server.lines().size() + " line(s) of plant '" + options.plant().name() + "'"
                + (options.scenario() == null ? "" : ", scenario " + options.scenario().name())
                + ", time scale " + (options.timeScale() == 0 ? "max" : options.timeScale())
                + ", " + options.rateHz() + " updates per simulated second");
        out.println("  OPC UA      " + server.opcUaEndpoint()
                + "  (SecurityPolicy None: anonymous or user; Basic256Sha256 SignAndEncrypt: user, trusted certificate)");
        out.println("  Modbus TCP  " + server.modbusUrl() + "  (unit identifier N = line LN)");
        options.users().forEach((user, password) -> out.println("  OPC UA user " + user + " / " + password));
        out.println("  PKI         " + options.pkiDir().toAbsolutePath().normalize()
                + "  (trust a client: copy its certificate from rejected/ to trusted/certs/)");
        notes.forEach(note -> out.println("  " + note));
        out.println("Press Ctrl-C to stop.");
        out.flush();
        stopped.await();
        return CommandLine.ExitCode.OK;
    }

    /** Picocli completion candidates: the bundled scenario names. */
    static final class BundledScenarios implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Scenarios.BUNDLED.iterator();
        }
    }
}
