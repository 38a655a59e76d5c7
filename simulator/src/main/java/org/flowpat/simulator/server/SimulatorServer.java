package org.flowpat.simulator.server;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import org.flowpat.simulator.engine.EngineSettings;
import org.flowpat.simulator.engine.SimulationEngine;
import org.flowpat.simulator.model.LineSimulation;
import org.flowpat.simulator.modbus.SimulatorModbusServer;
import org.flowpat.simulator.opcua.OpcUaOptions;
import org.flowpat.simulator.opcua.SimulatorOpcUaServer;

/**
 * The simulated plant on the network: the engine stepping the lines, the OPC UA server and the Modbus TCP server,
 * started together from {@link SimulatorOptions} and closed together (engine first, so nothing is pushed into a
 * closing server).
 */
public final class SimulatorServer implements Closeable {
    private final SimulationEngine engine;
    private final SimulatorOpcUaServer opcUa;
    private final SimulatorModbusServer modbus;

    private SimulatorServer(SimulationEngine engine, SimulatorOpcUaServer opcUa, SimulatorModbusServer modbus) {
        this.engine = engine;
        this.opcUa = opcUa;
        this.modbus = modbus;
    }

    public static SimulatorServer start(SimulatorOptions options) throws Exception {
        var settings = new EngineSettings(1.0 / options.rateHz(), options.timeScale(), options.seed(), options.lines());
        SimulationEngine engine = new SimulationEngine(options.plant(), options.scenario(), settings);
        SimulatorOpcUaServer opcUa = null;
        SimulatorModbusServer modbus = null;
        try {
            String bind = options.bindAddress();
            opcUa = SimulatorOpcUaServer.start(new OpcUaOptions(bind, Ports.resolve(bind, options.opcUaPort()),
                    options.pkiDir(), options.users()), engine.lines());
            modbus = SimulatorModbusServer.start(bind, Ports.resolve(bind, options.modbusPort()), engine.lines());
            engine.addListener(opcUa.namespace()::afterStep);
            engine.start();
            return new SimulatorServer(engine, opcUa, modbus);
        } catch (Exception | Error e) {
            try {
                closeAll(engine, opcUa, modbus);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    public String opcUaEndpoint() {
        return opcUa.endpointUrl();
    }

    public String modbusUrl() {
        return modbus.url();
    }

    public SimulationEngine engine() {
        return engine;
    }

    public List<LineSimulation> lines() {
        return engine.lines();
    }

    public SimulatorOpcUaServer opcUa() {
        return opcUa;
    }

    public SimulatorModbusServer modbus() {
        return modbus;
    }

    @Override
    public void close() throws IOException {
        closeAll(engine, opcUa, modbus);
    }

    private static void closeAll(SimulationEngine engine, Closeable... servers) throws IOException {
        engine.close(); // first, so nothing is pushed into a closing server
        IOException first = null;
        for (Closeable server : servers) {
            if (server == null) {
                continue;
            }
            try {
                server.close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
