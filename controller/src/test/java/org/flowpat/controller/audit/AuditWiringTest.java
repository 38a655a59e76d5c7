package org.flowpat.controller.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.flowpat.config.Plants;
import org.flowpat.config.model.Line;
import org.flowpat.controller.api.Addresses;
import org.flowpat.controller.api.AlarmAction;
import org.flowpat.controller.api.AuditActions;
import org.flowpat.controller.api.AuditAddresses;
import org.flowpat.controller.api.AuditEntry;
import org.flowpat.controller.api.LineCommand;
import org.flowpat.controller.api.LineCommandRequest;
import org.flowpat.controller.api.LineStateChange;
import org.flowpat.controller.api.QualityAddresses;
import org.flowpat.controller.api.Sample;
import org.flowpat.controller.api.SampleBatch;
import org.flowpat.controller.api.codec.ControllerCodecs;
import org.flowpat.controller.linestate.LineStateVerticle;
import org.flowpat.controller.quality.QualityCodecs;
import org.flowpat.controller.quality.QualityVerticle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Alarm actions, line commands and interlock actions leave an entry with who, what, the state before and after, and why. */
class AuditWiringTest {
    private static final String PRESSURE_ALARM = "reactor-pressure-high";

    @TempDir
    Path dir;
    private Vertx vertx;
    private Line line;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        ControllerCodecs.register(vertx.eventBus());
        QualityCodecs.register(vertx.eventBus());
        line = Plants.bundled().lines().get(0);
        vertx.deployVerticle(new AuditService(dir, HistorianCopy.NONE, null),
                new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER)).await(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    private List<AuditEntry> entries(String action) throws Exception {
        JsonArray found = vertx.eventBus().<JsonObject>request(AuditAddresses.QUERY, new JsonObject().put("action", action))
                .await(10, TimeUnit.SECONDS).body().getJsonArray("entries");
        List<AuditEntry> oldestFirst = new java.util.ArrayList<>(found.stream().map(o -> AuditClient.fromJson((JsonObject) o)).toList());
        java.util.Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    private String alarmAction(String action, String user, String role, double durationS, String reason) throws Exception {
        return vertx.eventBus().<String>request(QualityAddresses.alarmActions(line.id()),
                new AlarmAction(line.id(), PRESSURE_ALARM, action, user, role, durationS, reason))
                .await(10, TimeUnit.SECONDS).body();
    }

    @Test
    void alarmAcknowledgeShelveAndUnshelveAreAuditedWithStatesBeforeAndAfter() throws Exception {
        vertx.deployVerticle(new QualityVerticle(line)).await(10, TimeUnit.SECONDS);
        long now = System.currentTimeMillis() * 1_000_000L;
        // the pressure alarm has no delay: one sample above its limit raises it
        double high = 13.0;
        vertx.eventBus().publish(Addresses.SAMPLES, new SampleBatch(List.of(new Sample(line.id(), "R1.pressure", high, now, now, 0))));

        String acknowledged = null;
        for (int i = 0; i < 100; i++) {
            acknowledged = alarmAction("ACKNOWLEDGE", "olga", "operator", 0, "seen, checking the BPR");
            if (!entries(AuditActions.ALARM_ACKNOWLEDGE).isEmpty()) {
                break;
            }
            Thread.sleep(20);
        }
        List<AuditEntry> acks = entries(AuditActions.ALARM_ACKNOWLEDGE);
        assertEquals(1, acks.size(), "one acknowledgement changed the alarm");
        AuditEntry ack = acks.get(0);
        assertEquals("olga", ack.user());
        assertEquals(line.id(), ack.line());
        assertEquals(PRESSURE_ALARM, ack.target());
        assertEquals("ACTIVE_UNACKED", ack.oldValue());
        assertEquals(acknowledged, ack.newValue());
        assertEquals("ACTIVE_ACKED", ack.newValue());
        assertEquals("seen, checking the BPR", ack.reason());

        alarmAction("ACKNOWLEDGE", "olga", "operator", 0, "again");
        assertEquals(1, entries(AuditActions.ALARM_ACKNOWLEDGE).size(), "an acknowledgement that changes nothing is not an entry");

        long before = System.currentTimeMillis();
        String shelved = alarmAction("SHELVE", "erik", "engineer", 600, "sensor under maintenance");
        AuditEntry shelve = entries(AuditActions.ALARM_SHELVE).get(0);
        assertEquals("erik", shelve.user());
        assertEquals("ACTIVE_ACKED", shelve.oldValue());
        assertTrue(shelve.newValue().startsWith(shelved + " until "), shelve.newValue());
        Instant until = Instant.parse(shelve.newValue().substring((shelved + " until ").length()));
        assertTrue(Math.abs(until.toEpochMilli() - (before + 600_000)) < 5_000, "expiry " + until);
        assertEquals("sensor under maintenance", shelve.reason());

        String unshelved = alarmAction("UNSHELVE", "erik", "engineer", 0, "maintenance done");
        AuditEntry unshelve = entries(AuditActions.ALARM_UNSHELVE).get(0);
        assertEquals(shelved, unshelve.oldValue());
        assertEquals(unshelved, unshelve.newValue());
    }

    @Test
    void aLineCommandIsAuditedWithItsUserReasonAndStates() throws Exception {
        vertx.deployVerticle(new LineStateVerticle(line, 60_000)).await(10, TimeUnit.SECONDS);
        String state = vertx.eventBus().<String>request(QualityAddresses.lineCommands(line.id()),
                new LineCommandRequest(line.id(), LineCommand.RESET, "olga", "campaign 7 start-up"))
                .await(10, TimeUnit.SECONDS).body();
        List<AuditEntry> commands = entries(AuditActions.LINE_COMMAND);
        assertEquals(1, commands.size());
        AuditEntry c = commands.get(0);
        assertEquals("olga", c.user());
        assertEquals(line.id(), c.line());
        assertEquals("RESET", c.target());
        assertEquals("STOPPED", c.oldValue());
        assertEquals(state, c.newValue());
        assertEquals("campaign 7 start-up", c.reason());
    }

    @Test
    void anInterlockForcingAStateIsAuditedAsTheSystemNamingTheInterlock() throws Exception {
        vertx.deployVerticle(new LineStateVerticle(line, 20)).await(10, TimeUnit.SECONDS);
        command(LineCommand.RESET, "IDLE");
        command(LineCommand.START, "EXECUTE");
        long now = System.currentTimeMillis() * 1_000_000L;
        // over-pressure (R1.pressure above 15 bar) holds the line
        vertx.eventBus().publish(Addresses.SAMPLES, new SampleBatch(List.of(new Sample(line.id(), "R1.pressure", 16.0, now, now, 0))));
        List<AuditEntry> forced = List.of();
        for (int i = 0; i < 100 && forced.isEmpty(); i++) {
            Thread.sleep(20);
            forced = entries(AuditActions.LINE_COMMAND).stream().filter(e -> e.user().startsWith("system:")).toList();
        }
        assertEquals(1, forced.size(), "one forced move");
        AuditEntry hold = forced.get(0);
        assertEquals("system:interlock:over-pressure", hold.user());
        assertEquals("HOLD", hold.target());
        assertEquals("EXECUTE", hold.oldValue());
        assertEquals("HOLDING", hold.newValue());
        assertTrue(hold.reason().contains("R1.pressure"), hold.reason());
        assertEquals(2, entries(AuditActions.LINE_COMMAND).stream().filter(e -> e.user().equals("olga")).count(),
                "states completing on their own are not entries");
    }

    /** Commands the line and waits (bounded) until its acting state has completed into {@code settled}. */
    private void command(LineCommand command, String settled) throws Exception {
        CountDownLatch reached = new CountDownLatch(1);
        var consumer = vertx.eventBus().<LineStateChange>consumer(QualityAddresses.LINE_STATE, m -> {
            if (m.body().to().name().equals(settled)) {
                reached.countDown();
            }
        });
        consumer.completion().await(5, TimeUnit.SECONDS);
        vertx.eventBus().request(QualityAddresses.lineCommands(line.id()), new LineCommandRequest(line.id(), command, "olga",
                "test")).await(10, TimeUnit.SECONDS);
        assertTrue(reached.await(10, TimeUnit.SECONDS), "line reached " + settled);
        consumer.unregister().await(5, TimeUnit.SECONDS);
    }
}
