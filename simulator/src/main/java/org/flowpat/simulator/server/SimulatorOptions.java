package org.flowpat.simulator.server;

import java.nio.file.Path;
import java.util.Map;
import org.flowpat.config.model.Plant;
import org.flowpat.config.scenario.Scenario;

/**
 * Everything {@link SimulatorServer} needs: the plant and scenario (null = nominal), where to listen (ports 0 =
 * any free port), the data directory (the OPC UA PKI lives in {@code <dataDir>/simulator/pki}), the engine's time
 * scale (0 = as fast as possible), seed, replica count ({@code lines} null = the plant's own lines) and update
 * rate (steps per simulated second), and the OPC UA users.
 */
public record SimulatorOptions(Plant plant, Scenario scenario, String bindAddress, int opcUaPort, int modbusPort,
                               Path dataDir, double timeScale, long seed, Integer lines, double rateHz,
                               Map<String, String> users) {
    public static final int DEFAULT_OPCUA_PORT = 4840;
    public static final int DEFAULT_MODBUS_PORT = 5020;
    public static final String DEMO_USER = "operator";
    public static final String DEMO_PASSWORD = "demo";

    public SimulatorOptions {
        if (plant == null) {
            throw new IllegalArgumentException("a plant is required");
        }
        if (bindAddress == null || bindAddress.isBlank()) {
            throw new IllegalArgumentException("a bind address is required, e.g. 127.0.0.1");
        }
        if (!(rateHz > 0) || !Double.isFinite(rateHz)) {
            throw new IllegalArgumentException("rate must be a positive number of updates per simulated second, got " + rateHz);
        }
        users = Map.copyOf(users);
    }

    /** Loopback, default ports, real time, seed 1, 1 Hz, the demo user. */
    public static SimulatorOptions defaults(Plant plant, Path dataDir) {
        return new SimulatorOptions(plant, null, "127.0.0.1", DEFAULT_OPCUA_PORT, DEFAULT_MODBUS_PORT, dataDir, 1.0, 1,
                null, 1.0, Map.of(DEMO_USER, DEMO_PASSWORD));
    }

    public SimulatorOptions withPorts(int opcUa, int modbus) {
        return new SimulatorOptions(plant, scenario, bindAddress, opcUa, modbus, dataDir, timeScale, seed, lines, rateHz, users);
    }

    public SimulatorOptions withTimeScale(double scale) {
        return new SimulatorOptions(plant, scenario, bindAddress, opcUaPort, modbusPort, dataDir, scale, seed, lines, rateHz, users);
    }

    public SimulatorOptions withLines(Integer count, double rate) {
        return new SimulatorOptions(plant, scenario, bindAddress, opcUaPort, modbusPort, dataDir, timeScale, seed, count, rate, users);
    }

    public Path pkiDir() {
        return dataDir.resolve("simulator").resolve("pki");
    }
}
