package org.flowpat.simulator.modbus;

import com.digitalpetri.modbus.server.ModbusTcpServer;
import com.digitalpetri.modbus.tcp.server.NettyTcpServerTransport;
import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.flowpat.simulator.model.LineSimulation;

/** The simulator's Modbus TCP server (digitalpetri modbus): unit identifier N serves line N (see docs/simulator.md). */
public final class SimulatorModbusServer implements Closeable {
    private final ModbusTcpServer server;
    private final String bindAddress;
    private final int port;

    private SimulatorModbusServer(ModbusTcpServer server, String bindAddress, int port) {
        this.server = server;
        this.bindAddress = bindAddress;
        this.port = port;
    }

    /** Binds {@code bindAddress:port} (a resolved, non-zero port) and starts answering for {@code lines}. */
    public static SimulatorModbusServer start(String bindAddress, int port, List<? extends LineSimulation> lines)
            throws Exception {
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("Modbus port must be in 1..65535 (resolve 0 first), got " + port);
        }
        var services = new SimulatorModbusServices(lines);
        var transport = NettyTcpServerTransport.create(cfg -> {
            cfg.bindAddress = bindAddress;
            cfg.port = port;
        });
        ModbusTcpServer server = ModbusTcpServer.create(transport, services);
        try {
            server.start();
        } catch (ExecutionException e) {
            throw new IOException("cannot listen for Modbus TCP on " + bindAddress + ":" + port + ": "
                    + e.getCause().getMessage(), e);
        }
        return new SimulatorModbusServer(server, bindAddress, port);
    }

    public int port() {
        return port;
    }

    /** The address in PLC4X form, e.g. {@code modbus-tcp://127.0.0.1:5020}. */
    public String url() {
        return "modbus-tcp://" + ("0.0.0.0".equals(bindAddress) ? "127.0.0.1" : bindAddress) + ":" + port;
    }

    @Override
    public void close() throws IOException {
        try {
            server.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while stopping the Modbus server");
        } catch (ExecutionException e) {
            throw new IOException("Modbus server did not stop cleanly: " + e.getMessage(), e);
        }
    }
}
