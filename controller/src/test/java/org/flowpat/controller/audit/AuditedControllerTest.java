package org.flowpat.controller.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.flowpat.config.Plants;
import org.flowpat.config.model.Plant;
import org.flowpat.controller.ControllerApplication;
import org.flowpat.controller.ControllerOptions;
import org.flowpat.controller.api.Addresses;
import org.flowpat.controller.api.AuditActions;
import org.flowpat.controller.api.AuditAddresses;
import org.flowpat.controller.api.AuditEntry;
import org.flowpat.controller.api.HmiAddresses;
import org.flowpat.controller.api.LineCommand;
import org.flowpat.controller.api.LineCommandRequest;
import org.flowpat.controller.api.LoopAddresses;
import org.flowpat.controller.api.LoopCommand;
import org.flowpat.controller.api.LoopCommandResult;
import org.flowpat.controller.api.LoopMode;
import org.flowpat.controller.api.QualityAddresses;
import org.flowpat.controller.api.Sample;
import org.flowpat.controller.api.SampleBatch;
import org.flowpat.controller.api.SetpointRequest;
import org.flowpat.controller.api.SetpointResult;
import org.flowpat.controller.historian.questdb.QuestDbHistorian;
import org.flowpat.simulator.engine.EngineSettings;
import org.flowpat.simulator.engine.SimulationEngine;
import org.flowpat.simulator.opcua.OpcUaOptions;
import org.flowpat.simulator.opcua.SimulatorOpcUaServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole controller against the simulator over OPC UA: its start records the configuration, a setpoint write
 * records the value it replaced (the last sample) and the new one, a line command its states; the historian's copy
 * of the chain matches the file after a stop.
 */
class AuditedControllerTest {
    private static final String SIGNAL = "R1.jacketSetpoint";

    @TempDir
    Path dir;

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void setpointWritesAndLineCommandsAreAuditedAndJournaled() throws Exception {
        Plant bundled = Plants.bundled();
        SimulationEngine engine = new SimulationEngine(bundled, null, EngineSettings.defaults().withStep(0.5).withTimeScale(5));
        OpcUaOptions opcUa = new OpcUaOptions("127.0.0.1", freePort(), dir.resolve("simulator-pki"), Map.of("operator", "demo"));
        Vertx vertx = Vertx.vertx();
        Path data = dir.resolve("controller");
        try (SimulatorOpcUaServer server = SimulatorOpcUaServer.start(opcUa, engine.lines())) {
            engine.addListener((line, sourceTimeMillis) -> server.namespace().afterStep(line, sourceTimeMillis));
            engine.start();
            Plant plant = new Plant(bundled.name(), bundled.lines().stream()
                    .map(l -> l.withEndpoints(opcUa.endpointUrl(), null)).toList());
            AtomicReference<Double> lastSeen = new AtomicReference<>();
            vertx.eventBus().<SampleBatch>localConsumer(Addresses.SAMPLES, m -> {
                for (Sample s : m.body().samples()) {
                    if (SIGNAL.equals(s.signal())) {
                        lastSeen.set(s.value());
                    }
                }
            });
            ControllerApplication app = ControllerApplication.start(vertx, plant, ControllerOptions.defaults(data))
                    .await(60, TimeUnit.SECONDS);
            try {
                for (int i = 0; i < 300 && lastSeen.get() == null; i++) {
                    Thread.sleep(50);
                }
                Thread.sleep(300); // the setpoint service has seen it too
                double before = lastSeen.get();
                double wanted = before + 2.5;
                SetpointResult written = SetpointResult.fromJson(vertx.eventBus().<JsonObject>request(HmiAddresses.SETPOINTS,
                        new SetpointRequest("L1", SIGNAL, wanted, "trial: hotter jacket", "alice").toJson())
                        .await(10, TimeUnit.SECONDS).body());
                assertTrue(written.written(), written.message());
                assertEquals("written", written.message());

                // the loop that owns the signal goes to AUTO: its output is no longer a person's to write
                LoopCommandResult auto = LoopCommandResult.fromJson(vertx.eventBus().<JsonObject>request(
                        LoopAddresses.commands("L1"), new LoopCommand("L1", "jacket-tic", LoopMode.AUTO, null, null,
                                "alice", "trial: hold the temperature").toJson()).await(10, TimeUnit.SECONDS).body());
                assertTrue(auto.accepted(), auto.message());
                SetpointResult refused = SetpointResult.fromJson(vertx.eventBus().<JsonObject>request(HmiAddresses.SETPOINTS,
                        new SetpointRequest("L1", SIGNAL, wanted + 1, "trial: hotter jacket", "alice").toJson())
                        .await(10, TimeUnit.SECONDS).body());
                assertFalse(refused.written(), refused.message());
                assertEquals(SIGNAL + " is the output of loop jacket-tic, which is in AUTO: change the loop's setpoint, "
                        + "or switch it to MANUAL to set its output", refused.message());

                String state = vertx.eventBus().<String>request(QualityAddresses.lineCommands("L1"),
                        new LineCommandRequest("L1", LineCommand.RESET, "bob", "shift start")).await(10, TimeUnit.SECONDS).body();

                List<AuditEntry> trail = query(vertx);
                AuditEntry load = trail.get(0);
                assertEquals(1, load.seq());
                assertEquals(AuditActions.CONFIGURATION_LOAD, load.action());
                assertEquals(ConfigurationAudit.hash(plant), load.newValue());

                AuditEntry setpoint = trail.stream().filter(e -> e.action().equals(AuditActions.SETPOINT_CHANGE)
                        && e.user().equals("alice")).findFirst().orElseThrow();
                assertEquals(SIGNAL, setpoint.target());
                assertEquals("L1", setpoint.line());
                assertEquals(before, Double.parseDouble(setpoint.oldValue()), 1e-9);
                assertEquals(wanted, Double.parseDouble(setpoint.newValue()), 1e-9);
                assertEquals("trial: hotter jacket", setpoint.reason());

                AuditEntry command = trail.stream().filter(e -> e.action().equals(AuditActions.LINE_COMMAND))
                        .findFirst().orElseThrow();
                assertEquals("bob", command.user());
                assertEquals("STOPPED", command.oldValue());
                assertEquals(state, command.newValue());
            } finally {
                app.stop().await(60, TimeUnit.SECONDS);
                engine.close();
            }
        } finally {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
        AuditTrailFile file = AuditTrailFile.read(data.resolve(AuditService.DIRECTORY).resolve(AuditTrail.FILE_NAME));
        assertTrue(file.verify().valid(), file.verify().message());
        try (QuestDbHistorian historian = QuestDbHistorian.open(data)) {
            List<AuditEntry> journaled = new ArrayList<>(historian.auditEntries(0, Long.MAX_VALUE));
            journaled.sort(Comparator.comparingLong(AuditEntry::seq));
            assertEquals(file.entries(), journaled, "the historian journaled every entry by the stop");
            assertTrue(AuditVerifier.crossCheck(file, "questdb", journaled).valid());
        }
    }

    private static List<AuditEntry> query(Vertx vertx) throws Exception {
        JsonObject reply = vertx.eventBus().<JsonObject>request(AuditAddresses.QUERY, new JsonObject())
                .await(10, TimeUnit.SECONDS).body();
        assertTrue(reply.getJsonObject("chain").getBoolean("valid"), reply.encode());
        JsonArray entries = reply.getJsonArray("entries");
        List<AuditEntry> oldestFirst = new ArrayList<>();
        for (int i = entries.size() - 1; i >= 0; i--) {
            oldestFirst.add(AuditClient.fromJson(entries.getJsonObject(i)));
        }
        return oldestFirst;
    }
}
