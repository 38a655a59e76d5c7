package org.flowpat.simulator.modbus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.apache.plc4x.java.DefaultPlcDriverManager;
import org.apache.plc4x.java.api.PlcConnection;
import org.apache.plc4x.java.api.messages.PlcReadResponse;
import org.apache.plc4x.java.api.messages.PlcWriteResponse;
import org.apache.plc4x.java.api.types.PlcResponseCode;
import org.flowpat.config.Plants;
import org.flowpat.simulator.engine.EngineSettings;
import org.flowpat.simulator.engine.SimulationEngine;
import org.flowpat.simulator.model.LineSimulation;
import org.flowpat.simulator.server.Ports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Apache PLC4X's modbus-tcp driver (what the controller uses) against the simulator's Modbus server, on
 * 127.0.0.1, with the real engine (two replicated lines) stepped synchronously. PLC4X 0.13.1 names the unit
 * id {@code default-unit-identifier} (an unknown {@code unit-identifier} is silently ignored). One connection per unit id:
 * closing a PLC4X 0.13.1 connection takes about 2 s.
 */
class ModbusPlc4xTest {
    static SimulationEngine engine;
    static SimulatorModbusServer server;
    static DefaultPlcDriverManager plc4x = new DefaultPlcDriverManager();
    static PlcConnection line1;

    @BeforeAll
    static void start() throws Exception {
        engine = new SimulationEngine(Plants.bundled(), null, EngineSettings.defaults().withLines(2));
        engine.runFor(30);
        server = SimulatorModbusServer.start("127.0.0.1", Ports.resolve("127.0.0.1", 0), engine.lines());
        line1 = plc4x.getConnectionManager().getConnection(server.url() + "?default-unit-identifier=1");
    }

    @AfterAll
    static void stop() throws Exception {
        if (line1 != null) {
            line1.close();
        }
        if (server != null) {
            server.close();
        }
    }

    static PlcReadResponse read(PlcConnection connection, String tag) throws Exception {
        return connection.readRequestBuilder().addTagAddress("t", tag).build().execute().get(5, TimeUnit.SECONDS);
    }

    static PlcResponseCode write(PlcConnection connection, String tag, Object value) throws Exception {
        PlcWriteResponse response = connection.writeRequestBuilder().addTagAddress("t", tag, value).build().execute()
                .get(5, TimeUnit.SECONDS);
        return response.getResponseCode("t");
    }

    static double value(String ref) {
        LineSimulation line = engine.line("L1");
        synchronized (line) {
            return line.value(ref);
        }
    }

    @Test
    void pumpFlowReadsAsTheLinesValueInPlc4xRealLayout() throws Exception {
        PlcReadResponse response = read(line1, "input-register:1:REAL");
        assertEquals(PlcResponseCode.OK, response.getResponseCode("t"));
        double flow = value("P1.flow");
        assertTrue(flow > 0.5, "the pump runs after 30 s: " + flow);
        assertEquals((float) flow, response.getFloat("t"), "same float32, same word order");
        assertEquals((float) value("R1.jacketTemperature"), read(line1, "input-register:9:REAL").getFloat("t"));
    }

    @Test
    void writingThePumpSetpointReachesTheSimulation() throws Exception {
        assertEquals(PlcResponseCode.OK, write(line1, "holding-register:1:REAL", 2.25f));
        assertEquals(2.25, value("P1.flowSetpoint"), 1e-6);
        assertEquals(2.25f, read(line1, "holding-register:1:REAL").getFloat("t"));
        engine.runFor(20);
        assertEquals(2.25, value("P1.flow"), 0.2, "the pump follows its new setpoint");
    }

    @Test
    void outOfRangeSetpointsAreRefused() throws Exception {
        double before = value("R1.jacketSetpoint");
        assertNotEquals(PlcResponseCode.OK, write(line1, "holding-register:5:REAL", 500.0f));
        assertEquals(before, value("R1.jacketSetpoint"), "nothing written");
    }

    @Test
    void coilsSwitchThePumpAndTheDiverter() throws Exception {
        assertEquals(PlcResponseCode.OK, write(line1, "coil:3", true));
        assertEquals(1.0, value("DV1.command"));
        assertEquals(Boolean.TRUE, read(line1, "coil:3").getBoolean("t"));
        engine.runFor(5);
        assertEquals(Boolean.TRUE, read(line1, "discrete-input:1").getBoolean("t"), "the diverter moved to waste");
        assertEquals(PlcResponseCode.OK, write(line1, "coil:3", false));
        assertEquals(0.0, value("DV1.command"));

        assertEquals(PlcResponseCode.OK, write(line1, "coil:2", false));
        assertEquals(0.0, value("P2.running"));
        assertEquals(PlcResponseCode.OK, write(line1, "coil:2", true));
        assertEquals(1.0, value("P2.running"));
    }

    @Test
    void unitIdentifierTwoIsTheSecondLine() throws Exception {
        try (PlcConnection line2 = plc4x.getConnectionManager().getConnection(server.url() + "?default-unit-identifier=2")) {
            assertEquals(PlcResponseCode.OK, write(line2, "holding-register:7:REAL", 7.5f));
        }
        LineSimulation l2 = engine.line("L2");
        synchronized (l2) {
            assertEquals(7.5, l2.value("BPR1.setpoint"), 1e-6);
        }
        assertNotEquals(7.5, value("BPR1.setpoint"), 1e-6, "L1 untouched");
    }
}
