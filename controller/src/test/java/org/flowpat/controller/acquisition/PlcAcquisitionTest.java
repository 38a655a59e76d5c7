package org.flowpat.controller.acquisition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.flowpat.config.Plants;
import org.flowpat.config.model.Plant;
import org.flowpat.controller.api.Event;
import org.flowpat.controller.api.Quality;
import org.flowpat.controller.api.Sample;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acquisition of PLC tags through Apache PLC4X's modbus-tcp driver against the simulator's real Modbus server on
 * loopback, with every tagged signal read from the PLC ({@link SourcePreference#PLC}).
 */
class PlcAcquisitionTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;
    private Vertx vertx;
    private BusRecorder bus;
    private SimulatedPlant simulator;
    private Acquisition acquisition;
    private List<String> plcSignals;

    @BeforeEach
    void setUp() throws Exception {
        vertx = Vertx.vertx();
        bus = new BusRecorder(vertx);
        simulator = new SimulatedPlant(Plants.bundled(), dir.resolve("simulator-pki"), 0.5, 10.0, 0);
        simulator.startOpcUa();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (acquisition != null) {
            acquisition.stop().await(15, TimeUnit.SECONDS);
        }
        simulator.close();
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    private void startAcquisition() throws Exception {
        Plant plant = simulator.clientPlant();
        AcquisitionOptions options = AcquisitionOptions.defaults(dir.resolve("controller"))
                .withSourcePreference(SourcePreference.PLC)
                .withReconnect(new Backoff(Duration.ofMillis(100), Duration.ofMillis(400)));
        plcSignals = AcquisitionPlan.of(plant.lines().get(0), SourcePreference.PLC, 100).plc().stream()
                .map(PlcItem::signalRef).toList();
        acquisition = Acquisition.start(vertx, plant, options).await(20, TimeUnit.SECONDS);
    }

    private boolean everyPlcSignalHasGoodSamples(int atLeast) {
        return plcSignals.stream().allMatch(s -> bus.samples(s).stream().filter(Sample::usable).count() >= atLeast);
    }

    @Test
    void plcDownAtStartIsRetriedAndItsDataFlowsOnceItIsUp() throws Exception {
        startAcquisition();
        assertTrue(plcSignals.size() >= 8, "the bundled plant has PLC tags: " + plcSignals);
        assertTrue(BusRecorder.await(WAIT, () -> bus.samples("P1.flow").size() >= 2));
        assertTrue(bus.samples("P1.flow").stream().allMatch(s -> s.statusCode() == StatusCodes.Bad_NoCommunication
                && Double.isNaN(s.value())), () -> "a PLC that is down gives Bad samples: " + bus.samples("P1.flow"));
        assertTrue(BusRecorder.await(WAIT, () -> bus.samples("R1.temperature").stream().anyMatch(Sample::usable)),
                "OPC UA signals flow while the PLC is down");
        List<Event> plcDown = bus.events(OpcUaLineClient.CONNECTION_FAILED).stream()
                .filter(e -> e.message().contains(simulator.modbusUrl())).toList();
        assertEquals(1, plcDown.size(), () -> "one event for the outage, not one per retry: " + bus.events);

        simulator.startModbus();
        assertTrue(BusRecorder.await(WAIT, () -> everyPlcSignalHasGoodSamples(3)), () -> "PLC signals without data: "
                + plcSignals.stream().filter(s -> bus.samples(s).stream().noneMatch(Sample::usable)).toList());
        Sample setpoint = bus.samples("P1.flowSetpoint").stream().filter(Sample::usable).reduce((a, b) -> b)
                .orElseThrow();
        var line = simulator.line("L1");
        synchronized (line) {
            assertEquals((float) line.value("P1.flowSetpoint"), setpoint.value(), 1e-6,
                    "the REAL register carries the simulator's value");
            assertEquals(line.value("DV1.position"), bus.samples("DV1.position").get(
                    bus.samples("DV1.position").size() - 1).value(), "the discrete input carries the position");
        }
        List<Sample> flows = bus.samples("P1.flow").stream().filter(Sample::usable).toList();
        for (int i = 1; i < flows.size(); i++) {
            assertTrue(flows.get(i).sourceTimeNanos() > flows.get(i - 1).sourceTimeNanos(), "polls advance in time");
        }
        assertTrue(bus.events(Event.COMMUNICATION_GAP).isEmpty(), "no gap before the PLC ever answered");
    }

    @Test
    void lostPlcGivesBadSamplesAndAGapEventClosedWhenItAnswersAgain() throws Exception {
        simulator.startModbus();
        startAcquisition();
        assertTrue(BusRecorder.await(WAIT, () -> everyPlcSignalHasGoodSamples(2)));

        simulator.stopModbus();
        assertTrue(BusRecorder.await(WAIT, () -> bus.events(Event.COMMUNICATION_GAP).stream().anyMatch(Event::open)),
                () -> "no open gap: " + bus.events);
        assertTrue(BusRecorder.await(WAIT, () -> bus.samples("P1.flow").stream()
                .anyMatch(s -> s.quality() == Quality.BAD)));
        simulator.startModbus();
        assertTrue(BusRecorder.await(WAIT, () -> bus.events(Event.COMMUNICATION_GAP).stream().anyMatch(e -> !e.open())),
                () -> "gap not closed: " + bus.events);
        Event closed = bus.events(Event.COMMUNICATION_GAP).stream().filter(e -> !e.open()).findFirst().orElseThrow();
        assertTrue(closed.endNanos() > closed.startNanos());
        assertEquals(plcSignals.stream().sorted().toList(), closed.signals());
        int before = bus.samples("P1.flow").size();
        assertTrue(BusRecorder.await(WAIT, () -> {
            List<Sample> flow = bus.samples("P1.flow"); // one snapshot: samples keep arriving meanwhile
            return flow.subList(before, flow.size()).stream().filter(Sample::usable).count() >= 2;
        }), "data resumes");
    }

    @Test
    void setpointAndCommandWritesGoToThePlc() throws Exception {
        simulator.startModbus();
        startAcquisition();
        assertTrue(BusRecorder.await(WAIT, () -> everyPlcSignalHasGoodSamples(1)));

        acquisition.write("L1", "P1.flowSetpoint", 1.75).await(10, TimeUnit.SECONDS);
        acquisition.write("L1", "DV1.command", 0).await(10, TimeUnit.SECONDS);
        var line = simulator.line("L1");
        synchronized (line) {
            assertEquals(1.75, line.value("P1.flowSetpoint"), 1e-6);
            assertEquals(0.0, line.value("DV1.command"));
        }
        assertTrue(BusRecorder.await(WAIT, () -> bus.samples("P1.flowSetpoint").stream()
                .anyMatch(s -> Math.abs(s.value() - 1.75) < 1e-6)), "the next poll reads the new setpoint");
    }
}
