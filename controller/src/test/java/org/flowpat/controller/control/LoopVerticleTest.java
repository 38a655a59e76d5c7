package org.flowpat.controller.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.flowpat.config.Plants;
import org.flowpat.config.model.Line;
import org.flowpat.config.model.LoopSettings;
import org.flowpat.config.model.Plant;
import org.flowpat.controller.acquisition.Acquisition;
import org.flowpat.controller.acquisition.AcquisitionOptions;
import org.flowpat.controller.acquisition.LineSamples;
import org.flowpat.controller.acquisition.SignalWriter;
import org.flowpat.controller.api.AuditActions;
import org.flowpat.controller.api.AuditAddresses;
import org.flowpat.controller.api.AuditEntry;
import org.flowpat.controller.api.AuditRequest;
import org.flowpat.controller.api.LoopAddresses;
import org.flowpat.controller.api.LoopCommand;
import org.flowpat.controller.api.LoopCommandResult;
import org.flowpat.controller.api.LoopMode;
import org.flowpat.controller.api.LoopStatus;
import org.flowpat.controller.api.Sample;
import org.flowpat.controller.audit.AuditClient;
import org.flowpat.simulator.engine.EngineSettings;
import org.flowpat.simulator.engine.SimulationEngine;
import org.flowpat.simulator.opcua.OpcUaOptions;
import org.flowpat.simulator.opcua.SimulatorOpcUaServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled plant's jacket temperature loop ({@code jacket-tic}: R1.temperature → R1.jacketSetpoint) run by its
 * verticle against the real simulator over OPC UA on loopback, at 30 simulated seconds per second. The audit trail
 * is a stand-in that records what it is asked to append.
 */
class LoopVerticleTest {
    private static final double TIME_SCALE = 30;
    private static final String PV = "R1.temperature";
    private static final String OUT = "R1.jacketSetpoint";

    @TempDir
    Path dir;

    private Vertx vertx;
    private SimulationEngine engine;
    private SimulatorOpcUaServer server;
    private Acquisition acquisition;
    private LoopSettings settings;
    /** Every output the verticle wrote, in order. */
    private final List<Double> writes = new CopyOnWriteArrayList<>();
    private final List<AuditRequest> audited = new CopyOnWriteArrayList<>();
    private final Map<String, Sample> latest = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws Exception {
        Plant bundled = Plants.bundled();
        engine = new SimulationEngine(bundled, null, EngineSettings.defaults().withStep(0.5).withTimeScale(TIME_SCALE));
        OpcUaOptions opcUa = new OpcUaOptions("127.0.0.1", freePort(), dir.resolve("pki"), Map.of("operator", "demo"));
        server = SimulatorOpcUaServer.start(opcUa, engine.lines());
        engine.addListener((line, sourceTimeMillis) -> server.namespace().afterStep(line, sourceTimeMillis));
        engine.start();
        Line l1 = bundled.lines().get(0).withEndpoints(opcUa.endpointUrl(), null);
        settings = l1.quality().loops().get(0);
        vertx = Vertx.vertx();
        vertx.eventBus().<JsonObject>consumer(AuditAddresses.APPEND, m -> {
            AuditRequest r = AuditRequest.fromJson(m.body());
            audited.add(r);
            m.reply(AuditClient.toJson(new AuditEntry(audited.size(), System.nanoTime(), r.user(), r.action(), r.line(),
                    r.target(), r.oldValue(), r.newValue(), r.reason(), "0".repeat(64), "1".repeat(64))));
        });
        LineSamples.consumer(vertx, "L1", m -> m.body().samples().forEach(s -> latest.put(s.signal(), s)));
        acquisition = Acquisition.start(vertx, new Plant(bundled.name(), List.of(l1)),
                AcquisitionOptions.defaults(dir.resolve("acquisition"))).await(30, TimeUnit.SECONDS);
        SignalWriter line = acquisition.line("L1");
        SignalWriter counting = (signal, value) -> {
            writes.add(value);
            return line.write(signal, value);
        };
        vertx.deployVerticle(new LoopVerticle(l1, counting, 200)).await(10, TimeUnit.SECONDS);
        waitFor(() -> status().output() != null && status().pv() != null, 15, "the loop reads its PV and output");
    }

    @AfterEach
    void stop() throws Exception {
        try {
            if (acquisition != null) {
                acquisition.stop().await(30, TimeUnit.SECONDS);
            }
            vertx.close().await(10, TimeUnit.SECONDS);
        } finally {
            server.close();
            engine.close();
        }
    }

    @Test
    void aLoopStartsInManualTrackingTheOutputAndWritesNothing() throws Exception {
        LoopStatus status = status();
        assertEquals(LoopMode.MANUAL, status.mode());
        assertEquals(settings.setpoint(), status.setpoint(), 0, "the plant file's setpoint");
        assertEquals(value(OUT), status.output(), 1e-9, "manual holds the output the line has");
        assertEquals("GOOD", status.pvQuality());
        Thread.sleep(1_000);
        assertEquals(List.of(), writes);
        assertEquals(List.of(), audited);
    }

    @Test
    void inAutoASetpointAboveTheTemperatureRaisesTheJacketAndTheTemperatureFollows() throws Exception {
        double t0 = value(PV);
        double jacket0 = value(OUT);
        double target = Math.round(t0) + 3;
        List<LoopStatus> published = new CopyOnWriteArrayList<>();
        vertx.eventBus().<JsonObject>consumer(LoopAddresses.STATUS, m -> published.add(LoopStatus.fromJson(m.body())))
                .completion().await(5, TimeUnit.SECONDS);
        LoopCommandResult result = command(new LoopCommand("L1", "jacket-tic", LoopMode.AUTO, target, null, "alice",
                "trial: hotter reaction"));
        assertTrue(result.accepted(), result.message());
        assertEquals(LoopMode.AUTO, result.status().mode());
        assertEquals(target, result.status().setpoint(), 0);
        waitFor(() -> value(OUT) > jacket0 + 1, 10, "the jacket setpoint rises (read back from the samples)");
        long started = System.nanoTime();
        waitFor(() -> value(PV) > t0 + 1.5, 20, "the temperature moves halfway to the new setpoint");
        System.out.printf("jacket-tic AUTO, SP %.1f (T was %.2f): T +1.5 °C after %.1f s wall (%.0f s plant), jacket %.2f → %.2f, %d writes%n",
                target, t0, (System.nanoTime() - started) / 1e9, (System.nanoTime() - started) / 1e9 * TIME_SCALE,
                jacket0, value(OUT), writes.size());
        assertTrue(published.stream().anyMatch(p -> p.mode() == LoopMode.AUTO && p.setpoint() == target
                && "jacket-tic".equals(p.loop()) && "L1".equals(p.line())), "status published: " + published);
        assertTrue(writes.stream().allMatch(w -> w >= settings.outputMin() && w <= settings.outputMax()), writes.toString());

        AuditRequest setpoint = audit(AuditActions.SETPOINT_CHANGE);
        assertEquals("jacket-tic.setpoint", setpoint.target());
        assertEquals(settings.setpoint(), Double.parseDouble(setpoint.oldValue()), 0);
        assertEquals(target, Double.parseDouble(setpoint.newValue()), 0);
        AuditRequest mode = audit(AuditActions.LOOP_MODE);
        assertEquals("jacket-tic", mode.target());
        assertEquals("MANUAL", mode.oldValue());
        assertEquals("AUTO", mode.newValue());
        assertEquals("alice", mode.user());
        assertEquals("L1", mode.line());
        assertEquals("trial: hotter reaction", mode.reason());
        assertEquals(2, audited.size(), "the PID's own moves are not audited: " + audited);
    }

    @Test
    void inManualAnOutputIsWrittenExactlyAndAudited() throws Exception {
        double before = value(OUT);
        double wanted = before - 4.25;
        LoopCommandResult result = command(new LoopCommand("L1", "jacket-tic", LoopMode.MANUAL, null, wanted, "bob",
                "cool down for sampling"));
        assertTrue(result.accepted(), result.message());
        assertEquals(List.of(wanted), writes);
        waitFor(() -> Math.abs(value(OUT) - wanted) < 1e-6, 5, "the line has the output");
        assertEquals(wanted, status().output(), 1e-9);
        AuditRequest output = audit(AuditActions.SETPOINT_CHANGE);
        assertEquals("jacket-tic.output", output.target());
        assertEquals(before, Double.parseDouble(output.oldValue()), 1e-9);
        assertEquals(wanted, Double.parseDouble(output.newValue()), 0);
        assertEquals(1, audited.size(), "MANUAL → MANUAL is no mode change: " + audited);
        Thread.sleep(500);
        assertEquals(List.of(wanted), writes, "a loop in MANUAL writes nothing by itself");
    }

    @Test
    void aRefusalNamesItsFieldAndChangesNothing() throws Exception {
        assertRefused("loop", new LoopCommand("L1", "no-such-loop", LoopMode.AUTO, null, null, "alice", "why not"));
        assertRefused("line", new LoopCommand("L9", "jacket-tic", LoopMode.AUTO, null, null, "alice", "why not"));
        assertRefused("reason", new LoopCommand("L1", "jacket-tic", LoopMode.AUTO, null, null, "alice", " "));
        assertRefused("user", new LoopCommand("L1", "jacket-tic", LoopMode.AUTO, null, null, null, "why not"));
        assertRefused("mode", new LoopCommand("L1", "jacket-tic", null, null, null, "alice", "nothing"));
        assertRefused("setpoint", new LoopCommand("L1", "jacket-tic", null, 500.0, null, "alice", "beyond the sensor"));
        assertRefused("output", new LoopCommand("L1", "jacket-tic", null, null, settings.outputMax() + 1, "alice",
                "beyond the loop's limits"));
        assertRefused("output", new LoopCommand("L1", "jacket-tic", LoopMode.AUTO, null, 50.0, "alice",
                "an output in AUTO"));
        assertTrue(command(new LoopCommand("L1", "jacket-tic", LoopMode.AUTO, null, null, "alice", "hold 80")).accepted());
        LoopCommandResult inAuto = assertRefused("output",
                new LoopCommand("L1", "jacket-tic", null, null, 50.0, "alice", "an output in AUTO"));
        assertTrue(inAuto.message().contains("AUTO"), inAuto.message());
        assertEquals(LoopMode.AUTO, inAuto.status().mode());
        assertEquals(1, audited.size(), "only the accepted mode change: " + audited);
        assertFalse(writes.contains(50.0));
        JsonObject malformed = vertx.eventBus().<JsonObject>request(LoopAddresses.commands("L1"),
                new JsonObject().put("loop", "jacket-tic").put("mode", "CRUISE")).transform(ar -> Future.succeededFuture(
                        new JsonObject().put("failed", ar.failed()).put("message", ar.failed() ? ar.cause().getMessage() : "")))
                .await(5, TimeUnit.SECONDS);
        assertTrue(malformed.getBoolean("failed"));
        assertTrue(malformed.getString("message").contains("mode"), malformed.encode());
    }

    private LoopCommandResult assertRefused(String field, LoopCommand command) throws Exception {
        LoopCommandResult result = command(command);
        assertFalse(result.accepted(), command + " → " + result.message());
        assertEquals(field, result.field(), result.message());
        assertTrue(result.message().startsWith(field) || result.message().contains(command.loop()), result.message());
        if (!field.equals("loop") && !field.equals("line")) {
            assertNotNull(result.status());
        } else {
            assertNull(result.status());
        }
        return result;
    }

    private AuditRequest audit(String action) {
        return audited.stream().filter(a -> a.action().equals(action)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + action + " in " + audited));
    }

    private LoopCommandResult command(LoopCommand c) throws Exception {
        return LoopCommandResult.fromJson(vertx.eventBus().<JsonObject>request(LoopAddresses.commands("L1"), c.toJson())
                .await(10, TimeUnit.SECONDS).body());
    }

    private LoopStatus status() {
        JsonObject reply;
        try {
            reply = vertx.eventBus().<JsonObject>request(LoopAddresses.query("L1"), new JsonObject())
                    .await(5, TimeUnit.SECONDS).body();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the loop verticle did not answer its status query", e);
        }
        return LoopStatus.fromJson(reply.getJsonArray("loops").getJsonObject(0));
    }

    private double value(String signal) {
        Sample s = latest.get(signal);
        return s == null ? Double.NaN : s.value();
    }

    private static void waitFor(BooleanSupplier condition, int seconds, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + seconds + " s: " + what);
            }
            Thread.sleep(50);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
