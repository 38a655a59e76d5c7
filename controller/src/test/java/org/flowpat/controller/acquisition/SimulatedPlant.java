package org.flowpat.controller.acquisition;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.flowpat.config.model.Line;
import org.flowpat.config.model.OpcUaEndpoint;
import org.flowpat.config.model.Plant;
import org.flowpat.config.model.PlcConnection;
import org.flowpat.simulator.engine.EngineSettings;
import org.flowpat.simulator.engine.SimulationEngine;
import org.flowpat.simulator.model.LineSimulation;
import org.flowpat.simulator.modbus.SimulatorModbusServer;
import org.flowpat.simulator.opcua.OpcUaOptions;
import org.flowpat.simulator.opcua.SimulatorOpcUaServer;

/**
 * The real simulator on loopback for acquisition tests: its engine (fast time scale), its OPC UA server and its
 * Modbus server on free ports, each of which a test can start late, stop and start again on the same port.
 */
final class SimulatedPlant implements AutoCloseable {
    private final Plant plant;
    private final SimulationEngine engine;
    /** Its port may change until served or handed out (see {@link #startOpcUa}); restarts keep it. */
    private volatile OpcUaOptions opcUaOptions;
    private volatile boolean opcUaPortFixed;
    private final int modbusPort;
    private volatile SimulatorOpcUaServer opcUa;
    private volatile SimulatorModbusServer modbus;

    /**
     * @param timeScale simulated seconds per wall second
     * @param stepS     engine step (simulated seconds)
     * @param warmUpS   simulated seconds run before serving (e.g. until the analyzer sees product)
     */
    SimulatedPlant(Plant plant, Path pkiDir, double stepS, double timeScale, double warmUpS) throws Exception {
        this.plant = plant;
        this.engine = new SimulationEngine(plant, null, EngineSettings.defaults().withStep(stepS)
                .withTimeScale(timeScale));
        this.opcUaOptions = new OpcUaOptions("127.0.0.1", freePort(), pkiDir, Map.of("operator", "demo"));
        this.modbusPort = freePort();
        engine.addListener((line, sourceTimeMillis) -> {
            SimulatorOpcUaServer server = opcUa;
            if (server != null) {
                server.namespace().afterStep(line, sourceTimeMillis);
            }
        });
        engine.runFor(warmUpS);
        engine.start();
    }

    void startOpcUa() throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                opcUa = SimulatorOpcUaServer.start(opcUaOptions, engine.lines());
                opcUaPortFixed = true;
                return;
            } catch (IOException e) {
                if (opcUaPortFixed || attempt == 3) {
                    throw e;
                }
                // Another process (a parallel build) took the free port between probing and binding: take another.
                opcUaOptions = new OpcUaOptions("127.0.0.1", freePort(), opcUaOptions.pkiDir(), opcUaOptions.users());
            }
        }
    }

    void stopOpcUa() throws Exception {
        SimulatorOpcUaServer server = opcUa;
        opcUa = null;
        if (server != null) {
            server.close();
        }
    }

    void startModbus() throws Exception {
        modbus = SimulatorModbusServer.start("127.0.0.1", modbusPort, engine.lines());
    }

    void stopModbus() throws Exception {
        SimulatorModbusServer server = modbus;
        modbus = null;
        if (server != null) {
            server.close();
        }
    }

    /** PLC4X connection string of line L1 (unit identifier 1), whether or not the server runs. */
    String modbusUrl() {
        return "modbus-tcp://127.0.0.1:" + modbusPort + "?default-unit-identifier=1";
    }

    /** The running OPC UA server's certificate and trust list. */
    org.flowpat.simulator.opcua.ServerPki serverPki() {
        return opcUa.pki();
    }

    String endpointUrl() {
        opcUaPortFixed = true; // a client may now be pointed at it
        return opcUaOptions.endpointUrl();
    }

    LineSimulation line(String id) {
        return engine.line(id);
    }

    /** The plant pointed at these servers: OPC UA publishing every 100 ms, the PLC polled every 100 ms. */
    Plant clientPlant() {
        return withEndpoints(plant, endpointUrl(), modbusUrl());
    }

    static Plant withEndpoints(Plant plant, String opcUaUrl, String plcConnection) {
        return new Plant(plant.name(), plant.lines().stream().map(l -> withEndpoints(l, opcUaUrl, plcConnection))
                .toList());
    }

    static Line withEndpoints(Line line, String opcUaUrl, String plcConnection) {
        OpcUaEndpoint o = line.opcua();
        PlcConnection plc = plcConnection == null ? line.plc()
                : new PlcConnection(plcConnection, 100.0);
        return new Line(line.id(), line.name(), new OpcUaEndpoint(opcUaUrl, o.securityPolicy(), o.securityMode(),
                o.username(), o.password(), 100.0), plc, line.process(), line.units(), line.cqas());
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        try {
            stopModbus();
            stopOpcUa();
        } finally {
            engine.close();
        }
    }
}
