package org.flowpat.controller.acquisition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.flowpat.config.Plants;
import org.flowpat.config.model.Line;
import org.flowpat.config.model.OpcUaEndpoint;
import org.flowpat.config.model.Plant;
import org.flowpat.config.model.Range;
import org.flowpat.config.model.Signal;
import org.flowpat.config.model.SignalKind;
import org.flowpat.config.model.Unit;
import org.flowpat.controller.api.Event;
import org.flowpat.controller.api.Quality;
import org.flowpat.controller.api.Sample;
import org.flowpat.controller.api.SpectrumSample;
import org.flowpat.simulator.model.Fault;
import org.flowpat.simulator.model.FaultType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Acquisition over OPC UA against the real simulator on loopback (Milo server and client, no mocks). */
class OpcUaAcquisitionTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final double WARM_UP_S = 1200;

    @TempDir
    Path dir;
    private Vertx vertx;
    private BusRecorder bus;
    private SimulatedPlant simulator;
    private Acquisition acquisition;

    @BeforeEach
    void setUp() {
        vertx = Vertx.vertx();
        bus = new BusRecorder(vertx);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (acquisition != null) {
            acquisition.stop().await(10, TimeUnit.SECONDS);
        }
        if (simulator != null) {
            simulator.close();
        }
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    /**
     * Simulator at 10 simulated seconds per wall second in 0.5 s steps (the analyzer scans every 0.5 s of wall
     * time), after 20 simulated minutes of start-up so the analyzer sees product and reports Good.
     */
    private void startSimulator(Plant plant) throws Exception {
        simulator = new SimulatedPlant(plant, dir.resolve("simulator-pki"), 0.5, 10.0, WARM_UP_S);
        simulator.startOpcUa();
    }

    private AcquisitionOptions options() {
        return AcquisitionOptions.defaults(dir.resolve("controller"))
                .withReconnect(new Backoff(Duration.ofMillis(100), Duration.ofMillis(500)));
    }

    private void startAcquisition(Plant plant) throws Exception {
        startAcquisition(plant, options());
    }

    private void startAcquisition(Plant plant, AcquisitionOptions options) throws Exception {
        acquisition = Acquisition.start(vertx, plant, options).await(20, TimeUnit.SECONDS);
    }

    @Test
    void everySignalArrivesGoodWithAdvancingSourceTimes() throws Exception {
        startSimulator(Plants.bundled());
        Plant plant = simulator.clientPlant();
        AcquisitionPlan plan = AcquisitionPlan.of(plant.lines().get(0), SourcePreference.OPC_UA, 100);
        List<String> scalars = plan.opcUa().stream().filter(i -> !i.spectrum()).map(OpcUaItem::signalRef).toList();
        // 26 monitored items created 7 per call: the split into batches loses none.
        AcquisitionOptions o = options();
        startAcquisition(plant, new AcquisitionOptions(o.dataDir(), o.sourcePreference(), o.reconnect(),
                o.defaultSamplingIntervalMs(), 7, o.requestTimeout()));

        // The server reports changes: signals that change every step or scan must arrive repeatedly, constant ones
        // (setpoints, commands) at least once.
        List<String> changing = List.of("R1.temperature", "R1.pressure", "P1.flow", "AT1.impurity", "AT1.conversion");
        assertTrue(BusRecorder.await(WAIT, () -> scalars.stream().allMatch(s -> !bus.samples(s).isEmpty())
                        && changing.stream().allMatch(s -> bus.samples(s).size() >= 3) && bus.spectra.size() >= 3),
                () -> "signals without samples: " + scalars.stream().filter(s -> bus.samples(s).isEmpty()).toList()
                        + ", spectra " + bus.spectra.size());

        for (String signal : scalars) {
            List<Sample> samples = bus.samples(signal);
            assertTrue(samples.stream().allMatch(s -> s.quality() == Quality.GOOD && s.line().equals("L1")),
                    () -> signal + " has non-Good samples: " + samples);
            for (int i = 1; i < samples.size(); i++) {
                assertTrue(samples.get(i).sourceTimeNanos() > samples.get(i - 1).sourceTimeNanos(),
                        signal + " source time does not advance at sample " + i + ": " + samples);
            }
            assertTrue(samples.stream().allMatch(s -> s.receiveTimeNanos() > 0 && Double.isFinite(s.value())),
                    signal + " has a missing receive time or value");
        }
        SpectrumSample spectrum = bus.spectra.get(bus.spectra.size() - 1);
        assertEquals("AT1.spectrum", spectrum.signal());
        assertEquals(Quality.GOOD, spectrum.quality());
        assertEquals(plant.lines().get(0).process().analyzer().points(), spectrum.length());
        assertTrue(bus.events("signal-error").isEmpty(), () -> "unexpected errors: " + bus.events);
    }

    @Test
    void restartedServerGivesAGapEventWithItsIntervalAndDataResumes() throws Exception {
        startSimulator(Plants.bundled());
        startAcquisition(simulator.clientPlant());
        assertTrue(BusRecorder.await(WAIT, () -> acquisition.opcUaConnected() && bus.samples("R1.temperature").size() >= 3));

        simulator.stopOpcUa();
        assertTrue(BusRecorder.await(WAIT, () -> bus.events.stream().anyMatch(e -> e.kind().equals(Event.COMMUNICATION_GAP)
                && e.open())), () -> "no open gap event: " + bus.events);
        long lastGoodBeforeGap = bus.samples("R1.temperature").stream().filter(Sample::usable)
                .mapToLong(Sample::sourceTimeNanos).max().orElseThrow();
        Thread.sleep(1000);
        simulator.startOpcUa();

        assertTrue(BusRecorder.await(WAIT, () -> bus.events.stream().anyMatch(e -> e.kind().equals(Event.COMMUNICATION_GAP)
                && !e.open())), () -> "gap not closed: " + bus.events);
        Event open = bus.events.stream().filter(e -> e.kind().equals(Event.COMMUNICATION_GAP) && e.open()).findFirst()
                .orElseThrow();
        Event closed = bus.events.stream().filter(e -> e.kind().equals(Event.COMMUNICATION_GAP) && !e.open())
                .findFirst().orElseThrow();
        assertEquals(open.startNanos(), closed.startNanos(), "the closing event replaces the open one");
        assertTrue(closed.startNanos() >= lastGoodBeforeGap, "gap starts at the last data time");
        assertTrue(closed.endNanos() > closed.startNanos() + 900_000_000L,
                "the server was down for 1 s of wall time (10 s simulated): " + closed);
        assertTrue(closed.signals().contains("R1.temperature") && closed.signals().contains("AT1.spectrum"),
                () -> "affected signals: " + closed.signals());

        // Every subscribed signal is marked Bad_NoCommunication at the gap start, never interpolated.
        Map<String, List<Sample>> marks = bus.samples(s -> s.statusCode() == StatusCodes.Bad_NoCommunication).stream()
                .collect(Collectors.groupingBy(Sample::signal));
        assertTrue(marks.keySet().containsAll(closed.signals().stream().filter(s -> !s.equals("AT1.spectrum")).toList()),
                () -> "unmarked signals: " + marks.keySet());
        marks.values().forEach(list -> list.forEach(m -> {
            assertTrue(Double.isNaN(m.value()));
            assertTrue(m.sourceTimeNanos() > closed.startNanos() && m.sourceTimeNanos() < closed.endNanos());
        }));

        int before = bus.samples("R1.temperature").size();
        assertTrue(BusRecorder.await(WAIT, () -> bus.samples("R1.temperature").size() >= before + 3),
                "data resumes after the reconnect");
        List<Sample> after = bus.samples("R1.temperature").subList(before, bus.samples("R1.temperature").size());
        assertTrue(after.stream().allMatch(s -> s.quality() == Quality.GOOD && s.sourceTimeNanos() >= closed.endNanos()),
                () -> "samples after the gap: " + after);
    }

    @Test
    void communicationLossReportedByTheServerIsAGapWithItsInterval() throws Exception {
        startSimulator(Plants.bundled());
        startAcquisition(simulator.clientPlant());
        assertTrue(BusRecorder.await(WAIT, () -> bus.samples("R1.temperature").size() >= 3));

        var line = simulator.line("L1");
        synchronized (line) {
            // 20 simulated seconds: 2 s of wall time at the test's time scale
            line.inject(new Fault("comm", FaultType.COMM_LOSS, null, 1.0, line.timeSeconds(), 20.0));
        }
        assertTrue(BusRecorder.await(WAIT, () -> bus.samples("R1.temperature").stream()
                .anyMatch(s -> s.statusCode() == StatusCodes.Bad_CommunicationError)), "the Bad status arrives");
        assertTrue(BusRecorder.await(WAIT, () -> bus.events(Event.COMMUNICATION_GAP).stream().anyMatch(e -> !e.open())),
                () -> "gap not closed: " + bus.events);
        Event open = bus.events(Event.COMMUNICATION_GAP).stream().filter(Event::open).findFirst().orElseThrow();
        Event closed = bus.events(Event.COMMUNICATION_GAP).stream().filter(e -> !e.open()).findFirst().orElseThrow();
        assertEquals(open.startNanos(), closed.startNanos());
        assertTrue(closed.endNanos() - closed.startNanos() >= 15_000_000_000L,
                "about 20 simulated seconds without usable data: " + closed);
        assertTrue(closed.message().contains("reported"), closed.message());
        long lastBad = bus.samples("R1.temperature").stream()
                .filter(s -> s.statusCode() == StatusCodes.Bad_CommunicationError)
                .mapToLong(Sample::receiveTimeNanos).max().orElseThrow();
        assertTrue(bus.samples("R1.temperature").stream().anyMatch(s -> s.usable() && s.receiveTimeNanos() > lastBad),
                "Good data after the loss");
    }

    @Test
    void unknownNodeIdIsAnErrorForThatSignalWhileTheOthersKeepWorking() throws Exception {
        Plant bundled = Plants.bundled();
        startSimulator(bundled);
        Line line = simulator.clientPlant().lines().get(0);
        List<Unit> units = new ArrayList<>(line.units());
        Unit ghost = new Unit("GX", "Ghost unit", units.get(0).type(), List.of(new Signal("level", "Ghost level",
                SignalKind.MEASUREMENT, "%", new Range(0.0, 100.0), null,
                "nsu=urn:flowpat:simulator;s=L1.GX.level", null, null, null)));
        units.add(ghost);
        Plant plant = new Plant("ghost plant", List.of(new Line(line.id(), line.name(), line.opcua(), line.plc(),
                line.process(), units, line.cqas())));
        startAcquisition(plant);

        assertTrue(BusRecorder.await(WAIT, () -> !bus.events("signal-error").isEmpty()
                && bus.samples("R1.temperature").size() >= 5));
        Event error = bus.events("signal-error").get(0);
        assertEquals(List.of("GX.level"), error.signals());
        assertTrue(error.message().contains("GX.level") && error.message().contains("s=L1.GX.level")
                && error.message().contains("Bad_NodeIdUnknown"), error.message());
        List<Sample> ghostSamples = bus.samples("GX.level");
        assertEquals(1, ghostSamples.size(), "one Bad sample marks the signal, then nothing");
        assertEquals(StatusCodes.Bad_NodeIdUnknown, ghostSamples.get(0).statusCode());
        assertTrue(bus.samples("R1.temperature").stream().allMatch(Sample::usable));
    }

    @Test
    void analyzerDropoutArrivesAsBadSamplesAndOtherSignalsStayGood() throws Exception {
        startSimulator(Plants.bundled());
        startAcquisition(simulator.clientPlant());
        assertTrue(BusRecorder.await(WAIT, () -> bus.samples("AT1.impurity").size() >= 2));

        var line = simulator.line("L1");
        synchronized (line) {
            line.inject(new Fault("dropout", FaultType.ANALYZER_DROPOUT, "AT1", 1.0, line.timeSeconds(), 1e9));
        }
        assertTrue(BusRecorder.await(WAIT, () -> bus.samples("AT1.impurity").stream()
                        .anyMatch(s -> s.quality() == Quality.BAD)),
                () -> "no Bad analyzer sample: " + bus.samples("AT1.impurity"));
        int temperatures = bus.samples("R1.temperature").size();
        assertTrue(BusRecorder.await(WAIT, () -> bus.samples("R1.temperature").size() >= temperatures + 5));
        assertTrue(bus.samples("R1.temperature").stream().allMatch(s -> s.quality() == Quality.GOOD),
                "process signals stay Good during an analyzer dropout");
    }

    @Test
    void unreachableEndpointIsRetriedUntilTheServerComes() throws Exception {
        simulator = new SimulatedPlant(Plants.bundled(), dir.resolve("simulator-pki"), 0.5, 10.0, 0);
        startAcquisition(simulator.clientPlant());
        Thread.sleep(1500);
        assertTrue(bus.samples.isEmpty());
        assertFalse(acquisition.opcUaConnected());

        simulator.startOpcUa();
        assertTrue(BusRecorder.await(WAIT, () -> bus.samples("R1.temperature").size() >= 2),
                "data flows once the server is up");
        assertTrue(bus.events(Event.COMMUNICATION_GAP).isEmpty(), "no gap before data ever flowed");
    }

    @Test
    void setpointWritesReachTheLineAndBadWritesAreRefusedNamingTheSignal() throws Exception {
        startSimulator(Plants.bundled());
        startAcquisition(simulator.clientPlant());
        assertTrue(BusRecorder.await(WAIT, () -> acquisition.opcUaConnected()
                && !bus.samples("R1.jacketSetpoint").isEmpty()));

        acquisition.write("L1", "R1.jacketSetpoint", 85.5).await(10, TimeUnit.SECONDS);
        assertTrue(BusRecorder.await(WAIT, () -> bus.samples("R1.jacketSetpoint").stream()
                .anyMatch(s -> s.value() == 85.5)), () -> "setpoint samples: " + bus.samples("R1.jacketSetpoint"));
        var line = simulator.line("L1");
        synchronized (line) {
            assertEquals(85.5, line.value("R1.jacketSetpoint"), 1e-9);
        }

        WriteFailedException outOfRange = refused(() -> acquisition.write("L1", "R1.jacketSetpoint", 500));
        assertEquals(StatusCodes.Bad_OutOfRange, outOfRange.statusCode());
        assertTrue(outOfRange.getMessage().contains("R1.jacketSetpoint"), outOfRange.getMessage());
        WriteFailedException measurement = refused(() -> acquisition.write("L1", "R1.temperature", 80));
        assertEquals(StatusCodes.Bad_NotWritable, measurement.statusCode());
        WriteFailedException unknown = refused(() -> acquisition.write("L1", "R9.nothing", 1));
        assertTrue(unknown.getMessage().contains("R9.nothing"), unknown.getMessage());
    }

    @Test
    void securedEndpointWithUserIdentityAndTrustListsOnDisk() throws Exception {
        startSimulator(Plants.bundled());
        Path controllerDir = dir.resolve("controller");
        // The operator's routine: the controller's certificate exists after its first start; each side trusts the
        // other's certificate file.
        X509Certificate client;
        try (ClientSecurity security = ClientSecurity.load(controllerDir)) {
            client = security.certificate();
        }
        simulator.serverPki().trustList().addTrustedCertificate(client);
        Path trusted = controllerDir.resolve("pki").resolve("trusted").resolve("certs");
        Files.createDirectories(trusted);
        Files.write(trusted.resolve("simulator.der"), simulator.serverPki().certificate().getEncoded());

        Line line = simulator.clientPlant().lines().get(0);
        Line secured = new Line(line.id(), line.name(), new OpcUaEndpoint(line.opcua().endpoint(), "Basic256Sha256",
                "SignAndEncrypt", "operator", "demo", 100.0), line.plc(), line.process(), line.units(), line.cqas());
        startAcquisition(new Plant("secured", List.of(secured)));
        assertTrue(BusRecorder.await(WAIT, () -> bus.samples("R1.temperature").size() >= 2),
                "data over Basic256Sha256 SignAndEncrypt with a username");
    }

    @Test
    void wrongPasswordIsRetriedAndNeverDelivers() throws Exception {
        startSimulator(Plants.bundled());
        Line line = simulator.clientPlant().lines().get(0);
        Line wrong = new Line(line.id(), line.name(), new OpcUaEndpoint(line.opcua().endpoint(), "None", "None",
                "operator", "not-the-password", 100.0), line.plc(), line.process(), line.units(), line.cqas());
        startAcquisition(new Plant("wrong password", List.of(wrong)));
        assertTrue(BusRecorder.await(WAIT, () -> !bus.events(OpcUaLineClient.CONNECTION_FAILED).isEmpty()));
        Event failed = bus.events(OpcUaLineClient.CONNECTION_FAILED).get(0);
        assertTrue(failed.message().contains(line.opcua().endpoint()), failed.message());
        Thread.sleep(1000);
        assertEquals(1, bus.events(OpcUaLineClient.CONNECTION_FAILED).size(), "one event per outage, not per retry");
        assertFalse(acquisition.opcUaConnected());
        assertTrue(bus.samples.isEmpty(), "no session, no data");
    }

    private static WriteFailedException refused(java.util.function.Supplier<io.vertx.core.Future<Void>> write)
            throws Exception {
        try {
            write.get().await(10, TimeUnit.SECONDS);
        } catch (WriteFailedException e) {
            return e;
        }
        throw new AssertionError("the write was accepted");
    }
}
