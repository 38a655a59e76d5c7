package org.flowpat.controller.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.flowpat.config.Plants;
import org.flowpat.config.model.Plant;
import org.flowpat.controller.api.AuditActions;
import org.flowpat.controller.api.AuditAddresses;
import org.flowpat.controller.api.AuditEntry;
import org.flowpat.controller.api.AuditRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit service over the event bus: appends, queries, refusals, one sequence under concurrency. */
class AuditServiceTest {
    @TempDir
    Path dir;
    private Vertx vertx;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    private String deploy(Plant plant) throws Exception {
        return vertx.deployVerticle(new AuditService(dir, HistorianCopy.NONE, plant),
                new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER)).await(10, TimeUnit.SECONDS);
    }

    private static AuditRequest setpoint(String user, String signal, String oldValue, String newValue, String reason) {
        return new AuditRequest(user, AuditActions.SETPOINT_CHANGE, "L1", signal, oldValue, newValue, reason);
    }

    private JsonObject query(JsonObject filter) throws Exception {
        return vertx.eventBus().<JsonObject>request(AuditAddresses.QUERY, filter).await(10, TimeUnit.SECONDS).body();
    }

    private ReplyException refusal(Object body) {
        Exception e = assertThrows(Exception.class,
                () -> vertx.eventBus().request(AuditAddresses.APPEND, body).await(10, TimeUnit.SECONDS));
        return assertInstanceOf(ReplyException.class, e instanceof ReplyException ? e : e.getCause());
    }

    @Test
    void anAppendIsRepliedDurableAndPublishedForTheHistorian() throws Exception {
        deploy(null);
        List<AuditEntry> published = new CopyOnWriteArrayList<>();
        vertx.eventBus().<AuditEntry>consumer(AuditAddresses.ENTRIES, m -> published.add(m.body())).completion()
                .await(5, TimeUnit.SECONDS);
        AuditEntry entry = AuditClient.append(vertx, setpoint("alice", "R1.jacketSetpoint", "70.0", "72.5", "trim"))
                .await(10, TimeUnit.SECONDS);
        assertEquals(1, entry.seq());
        assertEquals("alice", entry.user());
        assertEquals("70.0", entry.oldValue());
        assertEquals("72.5", entry.newValue());
        assertEquals(AuditChain.hash(entry), entry.hash());
        assertEquals(List.of(entry), AuditTrailFile.read(dir.resolve(AuditTrail.FILE_NAME)).entries(),
                "on disk when acknowledged");
        for (int i = 0; i < 100 && published.isEmpty(); i++) {
            Thread.sleep(20);
        }
        assertEquals(List.of(entry), published);
    }

    @Test
    void aBadRequestFailsWith400NamingTheField() throws Exception {
        deploy(null);
        ReplyException noUser = refusal(setpoint(" ", "R1.jacketSetpoint", "1", "2", "x").toJson());
        assertEquals(AuditService.BAD_REQUEST, noUser.failureCode());
        assertTrue(noUser.getMessage().contains("user"), noUser.getMessage());
        ReplyException badAction = refusal(new AuditRequest("alice", "Set Point!", "", "", "", "", "").toJson());
        assertEquals(AuditService.BAD_REQUEST, badAction.failureCode());
        assertTrue(badAction.getMessage().contains("action"), badAction.getMessage());
        ReplyException notJson = refusal("hello");
        assertEquals(AuditService.BAD_REQUEST, notJson.failureCode());
        ReplyException wrongType = refusal(new JsonObject().put("user", 7).put("action", "x.y"));
        assertEquals(AuditService.BAD_REQUEST, wrongType.failureCode());
        assertTrue(wrongType.getMessage().contains("user: a string"), wrongType.getMessage());
        assertTrue(query(new JsonObject()).getJsonArray("entries").isEmpty(), "nothing was written");
    }

    @Test
    void queriesFilterAndReturnNewestFirstWithTheChainStatus() throws Exception {
        deploy(null);
        AuditClient.append(vertx, setpoint("alice", "R1.jacketSetpoint", "70.0", "72.0", "trim up")).await(10, TimeUnit.SECONDS);
        AuditClient.append(vertx, setpoint("bob", "P1.flowSetpoint", "1.0", "1.2", "more throughput")).await(10, TimeUnit.SECONDS);
        AuditClient.append(vertx, new AuditRequest("alice", AuditActions.ALARM_ACKNOWLEDGE, "L2", "HI-TEMP",
                "ACTIVE_UNACKNOWLEDGED", "ACTIVE_ACKNOWLEDGED", "seen")).await(10, TimeUnit.SECONDS);

        JsonObject all = query(new JsonObject());
        assertEquals(List.of(3L, 2L, 1L), seqs(all.getJsonArray("entries")));
        assertEquals(new JsonObject().put("valid", true).put("entries", 3).put("firstBadSeq", 0L)
                .put("message", ChainVerification.VALID), all.getJsonObject("chain"));

        assertEquals(List.of(3L, 1L), seqs(query(new JsonObject().put("user", "alice")).getJsonArray("entries")));
        assertEquals(List.of(2L, 1L), seqs(query(new JsonObject().put("action", AuditActions.SETPOINT_CHANGE))
                .getJsonArray("entries")));
        assertEquals(List.of(3L), seqs(query(new JsonObject().put("line", "L2")).getJsonArray("entries")));
        assertEquals(List.of(2L), seqs(query(new JsonObject().put("text", "THROUGHPUT")).getJsonArray("entries")));
        assertEquals(List.of(3L), seqs(query(new JsonObject().put("limit", 1)).getJsonArray("entries")));
        long now = System.currentTimeMillis();
        assertEquals(List.of(), seqs(query(new JsonObject().put("from", now + 60_000)).getJsonArray("entries")));
        assertEquals(List.of(3L, 2L, 1L), seqs(query(new JsonObject().put("from", now - 60_000).put("to", now + 60_000))
                .getJsonArray("entries")));

        Exception bad = assertThrows(Exception.class, () -> query(new JsonObject().put("limit", 0)));
        assertTrue(bad.getMessage().contains("limit"), bad.getMessage());
    }

    private static List<Long> seqs(JsonArray entries) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            out.add(entries.getJsonObject(i).getLong("seq"));
        }
        return out;
    }

    /** Sends {@code count} appends at once from its own event loop. */
    private static final class Appender extends VerticleBase {
        private final int id;
        private final int count;
        private final List<AuditEntry> acknowledged;

        Appender(int id, int count, List<AuditEntry> acknowledged) {
            this.id = id;
            this.count = count;
            this.acknowledged = acknowledged;
        }

        @Override
        public Future<?> start() {
            List<Future<AuditEntry>> all = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                all.add(AuditClient.append(vertx, setpoint("appender-" + id, "S" + i, "", Integer.toString(i), "load"))
                        .onSuccess(acknowledged::add));
            }
            return Future.all(all);
        }
    }

    @Test
    void concurrentAppendsFromSeveralVerticlesMakeOneGapFreeChain() throws Exception {
        deploy(null);
        int verticles = 4;
        int each = 50;
        List<AuditEntry> acknowledged = new CopyOnWriteArrayList<>();
        List<Future<String>> deployed = new ArrayList<>();
        long started = System.nanoTime();
        for (int v = 0; v < verticles; v++) {
            deployed.add(vertx.deployVerticle(new Appender(v, each, acknowledged)));
        }
        Future.all(deployed).await(60, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("audit trail: %d concurrent appends, each forced to disk before its reply, in %.2f s (%.0f/s)%n",
                verticles * each, seconds, verticles * each / seconds);
        assertEquals(verticles * each, acknowledged.size());
        Set<Long> seqs = new HashSet<>();
        acknowledged.forEach(e -> seqs.add(e.seq()));
        assertEquals(LongStream.rangeClosed(1, verticles * each).boxed().collect(java.util.stream.Collectors.toSet()), seqs);
        AuditTrailFile file = AuditTrailFile.read(dir.resolve(AuditTrail.FILE_NAME));
        ChainVerification v = file.verify();
        assertTrue(v.valid(), v.message());
        assertEquals(verticles * each, v.entries());
    }

    @Test
    void aWriteThatCannotBeMadeDurableFailsWith503() throws Exception {
        Path full = Path.of("/dev/full");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isWritable(full), "needs Linux /dev/full");
        Files.createSymbolicLink(dir.resolve(AuditTrail.FILE_NAME), full);
        deploy(null);
        ReplyException e = refusal(setpoint("alice", "R1.jacketSetpoint", "1", "2", "x").toJson());
        assertEquals(AuditService.UNAVAILABLE, e.failureCode());
        assertTrue(e.getMessage().contains("could not record"), e.getMessage());
    }

    @Test
    void aTrailThatDoesNotVerifyStopsTheServiceFromStartingAndSaysWhere() throws Exception {
        try (AuditTrail trail = AuditTrail.open(dir, HistorianCopy.NONE)) {
            trail.append(setpoint("alice", "R1.jacketSetpoint", "70.0", "72.0", "trim"));
            trail.append(setpoint("alice", "R1.jacketSetpoint", "72.0", "74.0", "trim"));
        }
        Path file = dir.resolve(AuditTrail.FILE_NAME);
        Files.writeString(file, Files.readString(file).replace("\"newValue\":\"74.0\"", "\"newValue\":\"71.0\""));
        Exception e = assertThrows(Exception.class, () -> deploy(null));
        assertTrue(e.getMessage().contains("does not verify at seq 2") && e.getMessage().contains(file.toString()),
                e.getMessage());
    }

    @Test
    void eachStartRecordsTheConfigurationWithThePreviousHashAsOldValue() throws Exception {
        Plant plant = Plants.bundled();
        String first = deploy(plant);
        vertx.undeploy(first).await(10, TimeUnit.SECONDS);
        Plant changed = new Plant(plant.name(), plant.lines().subList(0, 1), List.of(new org.flowpat.config.model.User("qa", "Q. A.", "quality", "$2a$10$abcdefghijklmnopqrstuv")));
        deploy(changed);
        List<AuditEntry> entries = AuditTrailFile.read(dir.resolve(AuditTrail.FILE_NAME)).entries();
        assertEquals(2, entries.size());
        AuditEntry a = entries.get(0);
        AuditEntry b = entries.get(1);
        assertEquals(AuditActions.CONFIGURATION_LOAD, a.action());
        assertEquals(plant.name(), a.target());
        assertEquals("", a.oldValue());
        assertEquals(ConfigurationAudit.hash(plant), a.newValue());
        assertEquals(a.newValue(), b.oldValue());
        assertEquals(ConfigurationAudit.hash(changed), b.newValue());
        assertNotEquals(a.newValue(), b.newValue());
        assertEquals(ConfigurationAudit.hash(plant), ConfigurationAudit.hash(Plants.bundled()), "the hash is stable");
        assertFalse(a.newValue().isBlank());
    }
}
