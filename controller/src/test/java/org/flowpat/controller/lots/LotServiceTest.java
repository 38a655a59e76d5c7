package org.flowpat.controller.lots;

import static org.flowpat.controller.lots.LotRecords.END;
import static org.flowpat.controller.lots.LotRecords.START;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.flowpat.controller.api.AlarmState;
import org.flowpat.controller.api.AuditActions;
import org.flowpat.controller.api.AuditAddresses;
import org.flowpat.controller.api.AuditRequest;
import org.flowpat.controller.api.LineState;
import org.flowpat.controller.api.LineStateChange;
import org.flowpat.controller.api.LotAddresses;
import org.flowpat.controller.api.LotRecord;
import org.flowpat.controller.api.LotSignature;
import org.flowpat.controller.api.LotStatus;
import org.flowpat.controller.api.QualityAddresses;
import org.flowpat.controller.api.ReleaseDecision;
import org.flowpat.controller.api.SignatureRequest;
import org.flowpat.controller.api.codec.JournalJson;
import org.flowpat.controller.historian.HistorianVerticle;
import org.flowpat.controller.historian.questdb.QuestDbHistorian;
import org.flowpat.controller.quality.QualityCodecs;
import org.flowpat.controller.spool.SpoolConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lot service over the event bus, with the historian journaling into an embedded QuestDB in a temporary folder
 * and a stand-in audit service that records what it is asked to append.
 */
class LotServiceTest {
    private static final long HOST_NOW = END + 3_600_000_000_000L;

    @TempDir
    Path dir;

    private Vertx vertx;
    private QuestDbHistorian historian;
    private String historianId;
    private String serviceId;
    private final List<AuditRequest> audited = new CopyOnWriteArrayList<>();
    private final List<LotSignature> published = new CopyOnWriteArrayList<>();

    private static <T> T await(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        QualityCodecs.register(vertx.eventBus());
        startHistorian();
        vertx.eventBus().<LotSignature>consumer(LotAddresses.SIGNATURES, m -> published.add(m.body()));
        serviceId = await(vertx.deployVerticle(service()));
        awaitRecovery();
    }

    /** The service reads the past in the background; signing waits for it (503 until then). */
    private void awaitRecovery() throws Exception {
        JsonObject probe = new SignatureRequest("LOT-none", "probe", "Probe", "APPROVED", "", "0").toJson();
        for (int i = 0; i < 250 && refused(LotAddresses.SIGN, probe).failureCode() == 503; i++) {
            Thread.sleep(20);
        }
    }

    private LotService service() {
        return new LotService(List.of("L1", "L2"), historian, () -> HOST_NOW, 1_000, 200);
    }

    private void startHistorian() throws Exception {
        historian = QuestDbHistorian.open(dir.resolve("db"));
        historianId = await(vertx.deployVerticle(new HistorianVerticle(historian, SpoolConfig.defaults(dir.resolve("spool")),
                Duration.ofSeconds(20)), new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER)));
    }

    private void auditService() {
        vertx.eventBus().<JsonObject>consumer(AuditAddresses.APPEND, m -> {
            AuditRequest r = AuditRequest.fromJson(m.body());
            audited.add(r);
            m.reply(r.toJson().put("seq", audited.size()));
        });
    }

    @AfterEach
    void stop() throws Exception {
        await(vertx.close());
        historian.close();
    }

    private JsonObject request(String address, JsonObject body) throws Exception {
        return await(vertx.eventBus().<JsonObject>request(address, body)).body();
    }

    private ReplyException refused(String address, JsonObject body) throws Exception {
        try {
            await(vertx.eventBus().request(address, body));
        } catch (ExecutionException e) {
            return (ReplyException) e.getCause();
        }
        throw new AssertionError("expected " + address + " to refuse " + body);
    }

    /** Publishes a lot as the line verticle does: OPEN first, then CLOSED with its decision; returns the closed one. */
    private LotRecord closeALot(ReleaseDecision decision) throws Exception {
        LotRecord open = LotHashes.sealed(new LotRecord(LotRecords.good().id(), "L1", LotStatus.OPEN, START, START, 0, 0, 0,
                null, null, null, null, null, null, null, null, null, null, ""));
        LotRecord closed = LotHashes.sealed(LotRecords.decided(LotRecords.good(), decision, List.of()));
        vertx.eventBus().publish(LotAddresses.LOTS, open);
        vertx.eventBus().publish(LotAddresses.LOTS, closed);
        for (int i = 0; i < 100 && !status(closed.id()).equals("CLOSED"); i++) {
            Thread.sleep(20);
        }
        return closed;
    }

    private String status(String id) throws Exception {
        JsonArray lots = request(LotAddresses.QUERY, new JsonObject()).getJsonArray("lots");
        return lots.stream().map(o -> (JsonObject) o).filter(o -> o.getString("id").equals(id))
                .map(o -> o.getString("status")).findFirst().orElse("");
    }

    private static JsonObject signing(LotRecord lot, String user, String meaning, String hash) {
        return new SignatureRequest(lot.id(), user, "Quinn Adams", meaning, "reviewed", hash).toJson();
    }

    @Test
    void lotsAreListedAndReadBackWithTheirDecision() throws Exception {
        auditService();
        LotRecord lot = closeALot(ReleaseDecision.REVIEW);
        JsonArray lots = request(LotAddresses.QUERY, new JsonObject().put("line", "L1").put("decision", "REVIEW"))
                .getJsonArray("lots");
        assertEquals(1, lots.size());
        JsonObject summary = lots.getJsonObject(0);
        assertEquals(lot.id(), summary.getString("id"));
        assertEquals("REVIEW", summary.getString("decisionLabel"));
        assertEquals(lot.contentHash(), summary.getString("contentHash"));
        assertEquals(0, request(LotAddresses.QUERY, new JsonObject().put("decision", "REJECT")).getJsonArray("lots").size());
        assertEquals(0, request(LotAddresses.QUERY, new JsonObject().put("from", END / 1_000_000)).getJsonArray("lots").size());

        JsonObject got = request(LotAddresses.GET, new JsonObject().put("id", lot.id()));
        assertEquals(lot, JournalJson.read(got.getJsonObject("lot").encode(), LotRecord.class));
        assertTrue(got.getBoolean("verified"));
        assertEquals(404, refused(LotAddresses.GET, new JsonObject().put("id", "LOT-none")).failureCode());
        assertEquals(400, refused(LotAddresses.QUERY, new JsonObject().put("decision", "MAYBE")).failureCode());

        for (int i = 0; i < 100 && audited.isEmpty(); i++) {
            Thread.sleep(20);
        }
        assertEquals(List.of(new AuditRequest(LotService.RELEASE_RULES_USER, AuditActions.LOT_DECISION, "L1", lot.id(), "",
                "REVIEW", "every release rule holds")), audited, "the decision is audited once, when the lot closes");
    }

    @Test
    void aSignatureIsBoundToTheRecordShownAndGivenOncePerUserAndMeaning() throws Exception {
        auditService();
        LotRecord lot = closeALot(ReleaseDecision.RELEASE_READY);
        JsonObject reply = request(LotAddresses.SIGN, signing(lot, "qa1", "APPROVED", lot.contentHash()));
        LotSignature signature = JournalJson.read(reply.encode(), LotSignature.class);
        assertEquals("qa1", signature.user());
        assertEquals(HOST_NOW, signature.timeNanos());
        assertTrue(LotSignatures.verify(signature, lot));
        assertTrue(audited.stream().anyMatch(a -> a.action().equals(AuditActions.LOT_SIGNATURE) && a.user().equals("qa1")
                && a.target().equals(lot.id()) && a.newValue().equals("APPROVED")), audited.toString());
        for (int i = 0; i < 100 && published.isEmpty(); i++) {
            Thread.sleep(20);
        }
        assertEquals(List.of(signature), published);

        ReplyException stale = refused(LotAddresses.SIGN, signing(lot, "qa2", "APPROVED", "0".repeat(64)));
        assertEquals(409, stale.failureCode());
        assertTrue(stale.getMessage().startsWith("record changed since it was shown"), stale.getMessage());
        ReplyException twice = refused(LotAddresses.SIGN, signing(lot, "qa1", "APPROVED", lot.contentHash()));
        assertEquals(409, twice.failureCode());
        assertTrue(twice.getMessage().contains("already signed"), twice.getMessage());
        assertEquals(400, refused(LotAddresses.SIGN, signing(lot, "qa1", "REVIEWED", lot.contentHash())).failureCode());
        ReplyException incomplete = refused(LotAddresses.SIGN, new SignatureRequest(lot.id(), " ", null, "APPROVED", "",
                lot.contentHash()).toJson());
        assertEquals(400, incomplete.failureCode());
        assertEquals("a signature needs user, fullName", incomplete.getMessage());
        assertEquals(404, refused(LotAddresses.SIGN, new SignatureRequest("LOT-none", "qa1", "Q", "APPROVED", "",
                lot.contentHash()).toJson()).failureCode());
        request(LotAddresses.SIGN, signing(lot, "qa1", "REJECTED", lot.contentHash()));   // another meaning is another signature

        JsonObject got = request(LotAddresses.GET, new JsonObject().put("id", lot.id()));
        assertEquals(2, got.getJsonArray("signatures").size());
        assertTrue(got.getJsonArray("signatures").getJsonObject(0).getBoolean("valid"));
    }

    @Test
    void anOpenLotCannotBeSigned() throws Exception {
        auditService();
        LotRecord open = LotHashes.sealed(new LotRecord("LOT-L1-open", "L1", LotStatus.OPEN, START, START, 0, 0, 0,
                null, null, null, null, null, null, null, null, null, null, ""));
        vertx.eventBus().publish(LotAddresses.LOTS, open);
        for (int i = 0; i < 100 && status(open.id()).isEmpty(); i++) {
            Thread.sleep(20);
        }
        ReplyException e = refused(LotAddresses.SIGN, signing(open, "qa1", "APPROVED", open.contentHash()));
        assertEquals(409, e.failureCode());
        assertTrue(e.getMessage().contains("still open"), e.getMessage());
    }

    @Test
    void withoutAnAuditTrailNoSignatureIsAccepted() throws Exception {
        LotRecord lot = closeALot(ReleaseDecision.RELEASE_READY);
        ReplyException e = refused(LotAddresses.SIGN, signing(lot, "qa1", "APPROVED", lot.contentHash()));
        assertEquals(503, e.failureCode());
        Thread.sleep(100);
        assertTrue(published.isEmpty());
        assertEquals(0, request(LotAddresses.GET, new JsonObject().put("id", lot.id())).getJsonArray("signatures").size());
        auditService();
        request(LotAddresses.SIGN, signing(lot, "qa1", "APPROVED", lot.contentHash()));   // the refusal did not count as signed
    }

    @Test
    void aRestartedServiceShowsPastLotsAndTheirSignaturesFromTheHistorian() throws Exception {
        auditService();
        LotRecord lot = closeALot(ReleaseDecision.RELEASE_READY);
        request(LotAddresses.SIGN, signing(lot, "qa1", "APPROVED", lot.contentHash()));
        LotRecord left = LotHashes.sealed(new LotRecord("LOT-L1-left-open", "L1", LotStatus.OPEN, END, END + 60_000_000_000L,
                2.7, 2.7, 0, null, null, null, null, null, null, null, null, null, null, ""));
        vertx.eventBus().publish(LotAddresses.LOTS, left);
        for (int i = 0; i < 100 && status(left.id()).isEmpty(); i++) {
            Thread.sleep(20);
        }
        await(vertx.undeploy(serviceId));
        await(vertx.undeploy(historianId));   // drains the spool into QuestDB
        historian.close();
        startHistorian();
        serviceId = await(vertx.deployVerticle(service()));
        awaitRecovery();

        JsonObject got = request(LotAddresses.GET, new JsonObject().put("id", lot.id()));
        LotRecord back = JournalJson.read(got.getJsonObject("lot").encode(), LotRecord.class);
        assertEquals(lot, back);
        assertTrue(got.getBoolean("verified"), "the record read back still matches its hash");
        assertEquals(1, got.getJsonArray("signatures").size());
        assertTrue(got.getJsonArray("signatures").getJsonObject(0).getBoolean("valid"));
        assertEquals(409, refused(LotAddresses.SIGN, signing(lot, "qa1", "APPROVED", lot.contentHash())).failureCode(),
                "a signature given before the restart still counts");

        for (int i = 0; i < 100 && !status(left.id()).equals("CLOSED"); i++) {
            Thread.sleep(20);
        }
        LotRecord closed = JournalJson.read(request(LotAddresses.GET, new JsonObject().put("id", left.id()))
                .getJsonObject("lot").encode(), LotRecord.class);
        assertEquals(LotStatus.CLOSED, closed.status(), "nobody tracks a lot the last run left open: closed for review");
        assertEquals(ReleaseDecision.REVIEW, closed.decision());
        assertEquals(List.of(LotService.INTERRUPTED), closed.reasons().stream().map(r -> r.rule()).toList());
        assertEquals(left.endNanos(), closed.endNanos());
        assertTrue(LotHashes.verify(closed));
    }

    @Test
    void aHistorianThatCannotBeReadDoesNotStopTheServiceButSigningWaitsForThePast() throws Exception {
        auditService();
        org.flowpat.controller.historian.Historian down = (org.flowpat.controller.historian.Historian)
                java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                        new Class<?>[]{org.flowpat.controller.historian.Historian.class}, (proxy, method, args) -> {
                            if (method.getName().equals("describe")) {
                                return "a historian that is down";
                            }
                            throw new org.flowpat.controller.historian.HistorianException("connection refused", null);
                        });
        await(vertx.undeploy(serviceId));
        serviceId = await(vertx.deployVerticle(new LotService(List.of("L1"), down, () -> HOST_NOW, 1_000, 50)));
        LotRecord lot = closeALot(ReleaseDecision.RELEASE_READY);
        assertEquals("CLOSED", status(lot.id()), "live lots are served");
        ReplyException e = refused(LotAddresses.SIGN, signing(lot, "qa1", "APPROVED", lot.contentHash()));
        assertEquals(503, e.failureCode());
        assertTrue(e.getMessage().contains("still being read"), e.getMessage());
    }

    @Test
    void qualityFiguresCountLotsSignaturesAlarmsAndUptime() throws Exception {
        auditService();
        LotRecord lot = closeALot(ReleaseDecision.RELEASE_READY);
        request(LotAddresses.SIGN, signing(lot, "qa1", "APPROVED", lot.contentHash()));
        long hour = 3_600_000_000_000L;
        vertx.eventBus().publish(QualityAddresses.LINE_STATE, new LineStateChange("L1", LineState.STARTING,
                LineState.EXECUTE, "START", "anna", START, ""));
        vertx.eventBus().publish(QualityAddresses.LINE_STATE, new LineStateChange("L1", LineState.EXECUTE,
                LineState.STOPPING, "STOP", "anna", START + hour / 2, ""));
        vertx.eventBus().publish(QualityAddresses.ALARMS, LotRecords.alarm("purity-low", "HIGH", AlarmState.ACTIVE_UNACKED));
        vertx.eventBus().publish(QualityAddresses.ALARMS, LotRecords.alarm("purity-low", "HIGH", AlarmState.ACTIVE_ACKED));
        await(vertx.undeploy(historianId));   // drained: the journal is in QuestDB
        historianId = null;
        JsonObject period = new JsonObject().put("line", "L1").put("from", START / 1_000_000).put("to", (START + hour) / 1_000_000);
        JsonObject f = request(LotAddresses.FIGURES, period).getJsonArray("figures").getJsonObject(0);
        assertEquals("L1", f.getString("line"));
        assertEquals(1, f.getInteger("lotsMade"));
        assertEquals(1, f.getInteger("releasedFirstTime"));
        assertEquals(0, f.getInteger("rejected"));
        assertEquals(lot.divertedMassG() / (lot.divertedMassG() + lot.productMassG()), f.getDouble("divertedShare"), 1e-12);
        assertEquals(1, f.getInteger("alarms"), "one activation; the acknowledgement is not another alarm");
        assertEquals(1.0, f.getDouble("alarmsPerHour"), 1e-12);
        assertEquals(0.5, f.getDouble("uptimeShare"), 1e-12);
        assertEquals(404, refused(LotAddresses.FIGURES, period.copy().put("line", "L9")).failureCode());
        assertEquals(400, refused(LotAddresses.FIGURES, period.copy().put("to", START / 1_000_000)).failureCode());
        assertFalse(request(LotAddresses.FIGURES, new JsonObject()).getJsonArray("figures").isEmpty(), "every line by default");
    }
}
