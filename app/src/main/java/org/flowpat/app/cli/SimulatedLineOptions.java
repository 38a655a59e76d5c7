package org.flowpat.app.cli;

import java.nio.file.Path;
import org.flowpat.simulator.server.SimulatorOptions;
import picocli.CommandLine.Option;

/** The options of the simulated line that {@code simulate} and {@code demo} share (a picocli mixin). */
public final class SimulatedLineOptions {
    @Option(names = "--scenario", paramLabel = "NAME",
            description = "Fault scenario: a bundled name (${COMPLETION-CANDIDATES}) or a scenario file; default none.",
            completionCandidates = SimulateCommand.BundledScenarios.class)
    String scenario;

    @Option(names = "--opcua-port", paramLabel = "N", defaultValue = "" + SimulatorOptions.DEFAULT_OPCUA_PORT,
            description = "OPC UA port, 0 = any free port (default: ${DEFAULT-VALUE}).")
    int opcUaPort;

    @Option(names = "--modbus-port", paramLabel = "N", defaultValue = "" + SimulatorOptions.DEFAULT_MODBUS_PORT,
            description = "Modbus TCP port, 0 = any free port (default: ${DEFAULT-VALUE}).")
    int modbusPort;

    @Option(names = "--time-scale", paramLabel = "X", defaultValue = "1",
            description = "Simulated seconds per wall-clock second, or max (default: ${DEFAULT-VALUE}).")
    String timeScale;

    @Option(names = "--lines", paramLabel = "N",
            description = "Scale mode: replicate the plant's first line N times as L1..LN.")
    Integer lines;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "flowpat-data",
            description = "Data directory: certificates and trust lists under DIR/simulator/pki and DIR/controller/pki, "
                    + "the controller's spool and embedded historian under DIR/controller (default: ${DEFAULT-VALUE}).")
    Path dataDir;
}
