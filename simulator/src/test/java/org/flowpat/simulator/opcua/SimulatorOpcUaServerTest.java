package org.flowpat.simulator.opcua;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExtensionObject;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UByte;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseDirection;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseResultMask;
import org.eclipse.milo.opcua.stack.core.types.enumerated.NodeClass;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;
import org.eclipse.milo.opcua.stack.core.types.structured.EUInformation;
import org.eclipse.milo.opcua.stack.core.types.structured.Range;
import org.eclipse.milo.opcua.stack.core.types.structured.ReadValueId;
import org.eclipse.milo.opcua.stack.core.types.structured.ReferenceDescription;
import org.flowpat.config.Plants;
import org.flowpat.config.model.Line;
import org.flowpat.simulator.engine.LineReplicator;
import org.flowpat.simulator.server.FakeLine;
import org.flowpat.simulator.server.Ports;
import org.flowpat.simulator.server.TestStepper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Milo client on 127.0.0.1 against the simulator's OPC UA server serving two test-double lines (L1 and
 * its replica L2), stepped 1 simulated second every 50 ms. Tests that change a line's state use L2.
 */
class SimulatorOpcUaServerTest {
    private static final long WAIT_MS = 10_000;

    @TempDir
    static Path dataDir;

    static FakeLine l1;
    static FakeLine l2;
    static SimulatorOpcUaServer server;
    static TestStepper stepper;
    static OpcUaClient client;
    static int ns;

    @BeforeAll
    static void start() throws Exception {
        Line template = Plants.bundled().lines().get(0);
        List<Line> lines = LineReplicator.replicate(template, 2);
        l1 = new FakeLine(lines.get(0));
        l2 = new FakeLine(lines.get(1));
        var options = new OpcUaOptions("127.0.0.1", Ports.resolve("127.0.0.1", 0), dataDir.resolve("pki"),
                Map.of("operator", "demo"));
        server = SimulatorOpcUaServer.start(options, List.of(l1, l2));
        stepper = new TestStepper(List.of(l1, l2), 1.0, 50, server.namespace()::afterStep);
        client = TestClients.anonymous(server.endpointUrl());
        ns = client.getNamespaceTable().getIndex(SimulatorNamespace.NAMESPACE_URI).intValue();
    }

    @AfterAll
    static void stop() throws Exception {
        if (client != null) {
            client.disconnect();
        }
        if (stepper != null) {
            stepper.close();
        }
        if (server != null) {
            server.close();
        }
    }

    static NodeId node(String id) {
        return new NodeId(ns, id);
    }

    static List<ReferenceDescription> browse(NodeId nodeId) throws Exception {
        var result = client.browse(new BrowseDescription(nodeId, BrowseDirection.Forward, NodeIds.HierarchicalReferences,
                true, uint(0), uint(BrowseResultMask.All.getValue())));
        assertTrue(result.getStatusCode().isGood(), "browse " + nodeId + ": " + result.getStatusCode());
        return Arrays.asList(result.getReferences());
    }

    static List<String> browseNames(NodeId nodeId) throws Exception {
        return browse(nodeId).stream().map(r -> r.getBrowseName().name()).collect(Collectors.toList());
    }

    static DataValue read(String id) throws Exception {
        return client.readValue(0, TimestampsToReturn.Both, node(id));
    }

    static StatusCode write(String id, Object value) throws Exception {
        return client.writeValues(List.of(node(id)), List.of(DataValue.valueOnly(new Variant(value)))).get(0);
    }

    static DataValue awaitValue(String id, Predicate<DataValue> condition, String what) throws Exception {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        DataValue value = read(id);
        while (!condition.test(value) && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
            value = read(id);
        }
        assertTrue(condition.test(value), what + " within " + WAIT_MS + " ms; last " + id + " = " + value);
        return value;
    }

    static CallMethodResult call(String line, String method, Variant... inputs) throws Exception {
        return client.call(List.of(new CallMethodRequest(node(line), node(line + "." + method), inputs)))
                .getResults()[0];
    }

    static Set<AccessLevel> accessLevel(String id, AttributeId attribute) throws Exception {
        DataValue value = client.read(0, TimestampsToReturn.Neither, List.of(new ReadValueId(node(id), attribute.uid(),
                null, QualifiedName.NULL_VALUE))).getResults()[0];
        return AccessLevel.fromValue((UByte) value.value().value());
    }

    static double number(DataValue value) {
        return ((Number) value.value().value()).doubleValue();
    }

    @Test
    void admitsTwoSessionsPerLineBeyondMilosDefaultOfOneHundred() {
        // Scale mode: every line's controller opens its own session; at Milo's default of 100 the 101st line got
        // Bad_TooManySessions and a 400-line benchmark silently acquired a quarter of the plant.
        assertEquals(100 + 2 * 2, server.milo().getConfig().getLimits().getMaxSessions().intValue());
        assertTrue(SimulatorOpcUaServer.maxSessions(1200) >= 2 * 1200);
    }

    @Test
    void browsingFindsLinesUnitsAndTheAnalyzerStructure() throws Exception {
        NodeId root = browse(NodeIds.ObjectsFolder).stream()
                .filter(r -> r.getBrowseName().name().equals("FlowPAT")).findFirst()
                .flatMap(r -> r.getNodeId().toNodeId(client.getNamespaceTable())).orElseThrow();
        assertEquals(List.of("L1", "L2"), browseNames(root));

        List<String> line = browseNames(node("L1"));
        assertTrue(line.containsAll(List.of("FA", "P1", "P2", "R1", "AT1", "BPR1", "DV1", "PV", "WV", "GroundTruth",
                "SimulatedTimeS", "ActiveFaults", "InjectFault", "ClearFault", "ClearAllFaults")), line.toString());
        assertTrue(browseNames(node("L1.R1")).containsAll(List.of("temperature", "jacketSetpoint", "pressure")));

        assertEquals(List.of("Channel1"), browseNames(node("L1.AT1")));
        assertEquals(List.of("Stream1"), browseNames(node("L1.AT1.Channel1")));
        String stream = "L1.AT1.Channel1.Stream1";
        assertEquals(List.of("AcquisitionData", "Status", "Context"), browseNames(node(stream)));
        assertTrue(browseNames(node(stream + ".AcquisitionData")).containsAll(List.of("spectrum", "conversion", "purity",
                "impurity", "productConcentration", "AcquisitionCounter", "AcquisitionResultStatus", "WavelengthsNm")));
        assertTrue(browseNames(node(stream + ".Context")).containsAll(List.of("LotID", "CampaignID", "SampleId")));

        List<String> truth = browseNames(node("L1.GroundTruth"));
        assertTrue(truth.containsAll(List.of("OffSpecMassToProductG", "InSpecMassToWasteG", "PurityAtDiverterPct")), truth.toString());

        var method = browse(node("L1")).stream().filter(r -> r.getBrowseName().name().equals("InjectFault")).findFirst().orElseThrow();
        assertEquals(NodeClass.Method, method.getNodeClass());
    }

    @Test
    void analogItemsCarryValueEuRangeAndEngineeringUnits() throws Exception {
        DataValue temperature = awaitValue("L1.R1.temperature", v -> v.statusCode().isGood(), "a Good temperature");
        assertInstanceOf(Double.class, temperature.value().value());
        assertEquals(80.0, number(temperature), 1.0);

        Map<String, NodeId> properties = browse(node("L1.R1.temperature")).stream().collect(Collectors.toMap(
                r -> r.getBrowseName().name(), r -> r.getNodeId().toNodeId(client.getNamespaceTable()).orElseThrow()));
        Range range = (Range) ((ExtensionObject) client.readValue(0, TimestampsToReturn.Neither, properties.get("EURange"))
                .value().value()).decode(client.getStaticEncodingContext());
        assertEquals(-20.0, range.getLow());
        assertEquals(200.0, range.getHigh());
        EUInformation units = (EUInformation) ((ExtensionObject) client.readValue(0, TimestampsToReturn.Neither,
                properties.get("EngineeringUnits")).value().value()).decode(client.getStaticEncodingContext());
        assertEquals("degC", units.getDisplayName().text());
        assertEquals(EngineeringUnits.unitId("CEL"), units.getUnitId());
        assertEquals(EngineeringUnits.UNECE_NAMESPACE, units.getNamespaceUri());

        DataValue spectrum = awaitValue("L1.AT1.spectrum", v -> v.value().value() instanceof Double[], "a spectrum");
        assertEquals(l1.wavelengthsNm().length, ((Double[]) spectrum.value().value()).length);
    }

    @Test
    void subscriptionDeliversEveryStepWithAdvancingSourceTimestamps() throws Exception {
        var subscription = new OpcUaSubscription(client, 50.0);
        subscription.create();
        try {
            List<DataValue> received = new CopyOnWriteArrayList<>();
            var item = OpcUaMonitoredItem.newDataItem(node("L1.R1.temperature"));
            item.setQueueSize(uint(20));
            item.setDataValueListener((i, value) -> received.add(value));
            subscription.addMonitoredItem(item);
            subscription.synchronizeMonitoredItems();

            long deadline = System.currentTimeMillis() + WAIT_MS;
            while (received.size() < 10 && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(received.size() >= 10, "10 notifications within " + WAIT_MS + " ms, got " + received.size());
            List<DataValue> values = new ArrayList<>(received);
            for (int i = 1; i < values.size(); i++) {
                long previous = values.get(i - 1).sourceTime().getJavaTime();
                long current = values.get(i).sourceTime().getJavaTime();
                // 1 simulated second per step: consecutive notifications are whole steps apart
                assertTrue(current - previous >= 1000, "source time advances by >= 1 step: " + previous + " -> " + current);
            }
            assertTrue(values.stream().map(DataValue::value).distinct().count() > 1, "values change");
        } finally {
            subscription.delete();
        }
    }

    @Test
    void writingTheJacketSetpointMovesTheReactorTemperature() throws Exception {
        double before = number(read("L2.R1.temperature"));
        assertEquals(StatusCode.GOOD, write("L2.R1.jacketSetpoint", before + 40.0));
        synchronized (l2) {
            assertEquals(before + 40.0, l2.value("R1.jacketSetpoint"), 1e-9, "the write reached the simulation");
        }
        awaitValue("L2.R1.temperature", v -> number(v) > before + 20.0, "temperature rises toward the new setpoint");
        assertEquals(StatusCode.GOOD, write("L2.R1.jacketSetpoint", 80.0));
    }

    @Test
    void outOfRangeWritesAreRefusedWithBadOutOfRange() throws Exception {
        double before;
        synchronized (l2) {
            before = l2.value("P1.flowSetpoint");
        }
        assertEquals(StatusCodes.Bad_OutOfRange, write("L2.P1.flowSetpoint", 10.5).value());
        assertEquals(StatusCodes.Bad_OutOfRange, write("L2.P1.flowSetpoint", -0.1).value());
        synchronized (l2) {
            assertEquals(before, l2.value("P1.flowSetpoint"), "a refused write changes nothing");
        }
    }

    /** Read-only nodes have AccessLevel = UserAccessLevel = CurrentRead; writing them answers Bad_NotWritable. */
    @Test
    void measurementsAndGroundTruthAreNotWritable() throws Exception {
        assertEquals(StatusCodes.Bad_NotWritable, write("L1.R1.temperature", 50.0).value());
        assertEquals(StatusCodes.Bad_NotWritable, write("L1.GroundTruth.OffSpecMassToProductG", 0.0).value());
        assertEquals(Set.of(AccessLevel.CurrentRead), accessLevel("L1.R1.temperature", AttributeId.UserAccessLevel));
        assertEquals(Set.of(AccessLevel.CurrentRead), accessLevel("L1.R1.temperature", AttributeId.AccessLevel));
        assertEquals(Set.of(AccessLevel.CurrentRead, AccessLevel.CurrentWrite),
                accessLevel("L1.R1.jacketSetpoint", AttributeId.UserAccessLevel));
        assertEquals(StatusCodes.Bad_TypeMismatch, write("L1.R1.jacketSetpoint", "hot").value());
    }

    @Test
    void theControllerCanWriteTheLotIdIntoTheAnalyzerContext() throws Exception {
        assertEquals(StatusCode.GOOD, write("L2.AT1.Channel1.Stream1.Context.LotID", "LOT-42"));
        synchronized (l2) {
            assertEquals("LOT-42", l2.lotId());
        }
        assertEquals("LOT-42", read("L2.AT1.Channel1.Stream1.Context.LotID").value().value());
        assertEquals(StatusCodes.Bad_NotWritable, write("L2.AT1.Channel1.Stream1.Context.SampleId", "x").value());
    }

    @Test
    void injectedFaultsMoveSignalsAndClearing() throws Exception {
        double before = number(read("L2.R1.temperature"));
        CallMethodResult injected = call("L2", "InjectFault", new Variant("TEMPERATURE_EXCURSION"), new Variant("R1"),
                new Variant(30.0), new Variant(0.0));
        assertTrue(injected.getStatusCode().isGood(), injected.getStatusCode().toString());
        String faultId = (String) injected.getOutputArguments()[0].value();
        awaitValue("L2.R1.temperature", v -> number(v) > before + 15.0, "the excursion heats the reactor");
        awaitValue("L2.ActiveFaults", v -> Arrays.stream((String[]) v.value().value()).anyMatch(f -> f.startsWith(faultId + " ")),
                "ActiveFaults lists the fault");

        CallMethodResult cleared = call("L2", "ClearFault", new Variant(faultId));
        assertEquals(Boolean.TRUE, cleared.getOutputArguments()[0].value());
        assertEquals(Boolean.FALSE, call("L2", "ClearFault", new Variant(faultId)).getOutputArguments()[0].value());

        CallMethodResult unknown = call("L2", "InjectFault", new Variant("METEOR_STRIKE"), new Variant(""),
                new Variant(1.0), new Variant(0.0));
        assertEquals(StatusCodes.Bad_InvalidArgument, unknown.getStatusCode().value());
    }

    @Test
    void analyzerDropoutMakesAnalyzerValuesBadAndCommLossStopsTheLine() throws Exception {
        call("L2", "InjectFault", new Variant("ANALYZER_DROPOUT"), new Variant("AT1"), new Variant(1.0), new Variant(0.0));
        awaitValue("L2.AT1.conversion", v -> v.statusCode().value() == StatusCodes.Bad_SensorFailure, "Bad analyzer value");
        awaitValue("L2.AT1.Channel1.Stream1.AcquisitionData.AcquisitionResultStatus",
                v -> Integer.valueOf(LineNodes.RESULT_BAD).equals(v.value().value()), "AcquisitionResultStatus BAD");
        assertTrue(read("L1.AT1.conversion").statusCode().isGood(), "the other line is unaffected");

        call("L2", "InjectFault", new Variant("COMM_LOSS"), new Variant(""), new Variant(1.0), new Variant(0.0));
        DataValue lost = awaitValue("L2.R1.temperature",
                v -> v.statusCode().value() == StatusCodes.Bad_CommunicationError, "Bad_CommunicationError");
        Thread.sleep(300);
        assertEquals(lost.sourceTime(), read("L2.R1.temperature").sourceTime(), "no updates while communication is lost");
        assertEquals(StatusCodes.Bad_CommunicationError, write("L2.R1.jacketSetpoint", 80.0).value());

        assertTrue(call("L2", "ClearAllFaults").getStatusCode().isGood());
        awaitValue("L2.R1.temperature", v -> v.statusCode().isGood(), "Good again after ClearAllFaults");
        awaitValue("L2.AT1.conversion", v -> v.statusCode().isGood(), "analyzer Good again");
        assertArrayEquals(new String[0], (String[]) awaitValue("L2.ActiveFaults",
                v -> ((String[]) v.value().value()).length == 0, "no active faults").value().value());
        assertFalse(read("L2.GroundTruth.OffSpecAtDiverter").value().value() == null);
    }
}
