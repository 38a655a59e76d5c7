package org.flowpat.simulator.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.plc4x.java.DefaultPlcDriverManager;
import org.apache.plc4x.java.api.PlcConnection;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.identity.AnonymousProvider;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodRequest;
import org.flowpat.config.Plants;
import org.flowpat.simulator.model.LineSimulation;
import org.flowpat.simulator.opcua.SimulatorNamespace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole simulator as {@code flowpat simulate} runs it: the real engine at 120x real time, 2 updates per
 * simulated second, OPC UA and Modbus servers in one JVM, on free loopback ports.
 */
class SimulatorServerTest {
    private static final long WAIT_MS = 30_000;

    @TempDir
    Path dataDir;

    @Test
    void theRunningSimulatorAnswersOpcUaAndModbusAndReactsToSetpointsAndFaults() throws Exception {
        var options = SimulatorOptions.defaults(Plants.bundled(), dataDir).withPorts(0, 0).withTimeScale(120)
                .withLines(null, 2.0);
        try (SimulatorServer simulator = SimulatorServer.start(options)) {
            assertTrue(Files.isRegularFile(options.pkiDir().resolve("server.pfx")), "certificate kept in the data dir");
            OpcUaClient client = OpcUaClient.create(simulator.opcUaEndpoint(),
                    endpoints -> endpoints.stream().filter(e -> SecurityPolicy.None.getUri().equals(e.getSecurityPolicyUri())).findFirst(),
                    transport -> {
                    }, config -> config.setIdentityProvider(new AnonymousProvider()));
            client.connect();
            try {
                int ns = client.getNamespaceTable().getIndex(SimulatorNamespace.NAMESPACE_URI).intValue();
                NodeId temperature = new NodeId(ns, "L1.R1.temperature");
                DataValue first = awaitGood(client, temperature);
                double t0 = ((Number) first.value().value()).doubleValue();

                NodeId jacket = new NodeId(ns, "L1.R1.jacketSetpoint");
                assertEquals(StatusCode.GOOD, client.writeValues(List.of(jacket),
                        List.of(DataValue.valueOnly(new Variant(t0 + 25.0)))).get(0));
                awaitValue(client, temperature, v -> ((Number) v.value().value()).doubleValue() > t0 + 8.0,
                        "reactor temperature follows the jacket setpoint");
                DataValue later = client.readValue(0, TimestampsToReturn.Both, temperature);
                assertTrue(later.sourceTime().getJavaTime() > first.sourceTime().getJavaTime(), "source time advances");

                var inject = client.call(List.of(new CallMethodRequest(new NodeId(ns, "L1"), new NodeId(ns, "L1.InjectFault"),
                        new Variant[]{new Variant("ANALYZER_DROPOUT"), new Variant("AT1"), new Variant(1.0), new Variant(0.0)})))
                        .getResults()[0];
                assertTrue(inject.getStatusCode().isGood(), inject.getStatusCode().toString());
                awaitValue(client, new NodeId(ns, "L1.AT1.conversion"), v -> v.statusCode().isBad(),
                        "analyzer values go Bad during a dropout");
            } finally {
                client.disconnect();
            }

            try (PlcConnection plc = new DefaultPlcDriverManager().getConnectionManager()
                    .getConnection(simulator.modbusUrl() + "?default-unit-identifier=1")) {
                float flow = plc.readRequestBuilder().addTagAddress("flow", "input-register:1:REAL").build().execute()
                        .get(5, TimeUnit.SECONDS).getFloat("flow");
                LineSimulation line = simulator.engine().line("L1");
                double now;
                synchronized (line) {
                    now = line.value("P1.flow");
                }
                assertEquals(now, flow, 0.2, "Modbus serves the same running line");
            }
        }
    }

    private static DataValue awaitGood(OpcUaClient client, NodeId node) throws Exception {
        return awaitValue(client, node, v -> v.statusCode().isGood() && v.value().value() != null, "a Good value");
    }

    private static DataValue awaitValue(OpcUaClient client, NodeId node, java.util.function.Predicate<DataValue> condition,
                                        String what) throws Exception {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        DataValue value = client.readValue(0, TimestampsToReturn.Both, node);
        while (!condition.test(value) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            value = client.readValue(0, TimestampsToReturn.Both, node);
        }
        assertTrue(condition.test(value), what + " within " + WAIT_MS + " ms; last " + node + " = " + value
                + " (" + StatusCodes.lookup(value.statusCode().value()).map(a -> a[0]).orElse("?") + ")");
        return value;
    }
}
