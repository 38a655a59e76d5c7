package org.flowpat.hmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.flowpat.config.Plants;
import org.flowpat.config.model.Cqa;
import org.flowpat.config.model.Plant;
import org.flowpat.controller.api.AlarmState;
import org.flowpat.controller.api.AlarmTransition;
import org.flowpat.controller.api.AuditActions;
import org.flowpat.controller.api.AuditAddresses;
import org.flowpat.controller.api.AuditEntry;
import org.flowpat.controller.api.Completeness;
import org.flowpat.controller.api.CqaSummary;
import org.flowpat.controller.api.DiversionCommand;
import org.flowpat.controller.api.DiverterPosition;
import org.flowpat.controller.api.HmiAddresses;
import org.flowpat.controller.api.LotAddresses;
import org.flowpat.controller.api.LotRecord;
import org.flowpat.controller.api.LotSignature;
import org.flowpat.controller.api.LotStatus;
import org.flowpat.controller.api.Quality;
import org.flowpat.controller.api.ReleaseDecision;
import org.flowpat.controller.api.ReleaseReason;
import org.flowpat.controller.api.SignatureRequest;
import org.flowpat.controller.api.SpcPhase;
import org.flowpat.controller.api.SpcResult;
import org.flowpat.controller.api.codec.ControllerCodecs;
import org.flowpat.controller.api.codec.JournalJson;
import org.flowpat.hmi.auth.Users;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The lot, signature, audit and history endpoints against stand-ins of the controller's services on the event bus
 * (each answers as its address's contract says and records what it was asked): roles, CSRF, the password entered
 * again at signing, fields named in 400s, the services' refusals passed on, 503 when a service is absent, and the
 * alarm board back-filled from the journal before the HMI started.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewApiTest {
    private static final String HASH = "ab".repeat(32);
    private static final long T0 = 1_763_900_000_000_000_000L;
    private Vertx vertx;
    private Plant plant;
    private HmiServer server;
    private final List<JsonObject> audited = new CopyOnWriteArrayList<>();
    private final List<MessageConsumer<?>> stubs = new ArrayList<>();
    private final AlarmTransition raisedBeforeStart = new AlarmTransition("L1", "purity-low", "Purity low", "LOW",
            "HIGH", AlarmState.NORMAL, AlarmState.ACTIVE_UNACKED, T0, 97.1, "system", "", "purity-low");

    @BeforeAll
    void start() throws Exception {
        vertx = Vertx.vertx();
        ControllerCodecs.register(vertx.eventBus());
        plant = Plants.bundled();
        vertx.eventBus().<JsonObject>consumer(AuditAddresses.APPEND, m -> {
            audited.add(m.body());
            m.reply(m.body());
        });
        // The historian's journal holds an alarm raised before the HMI starts.
        MessageConsumer<JsonObject> journal = vertx.eventBus().consumer(HmiAddresses.ALARM_HISTORY, m -> m.reply(
                new JsonObject().put("line", m.body().getString("line")).put("truncated", false)
                        .put("transitions", m.body().getString("line").equals("L1")
                                ? new JsonArray().add(new JsonObject(JournalJson.toText(raisedBeforeStart))) : new JsonArray())));
        server = ApiClient.await(HmiServer.start(vertx, HmiOptions.of(plant, Users.demo(), 0, true)));
        journal.unregister().await(10, TimeUnit.SECONDS);
    }

    @AfterAll
    void stop() throws Exception {
        server.close().await(10, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    private ApiClient as(String user) {
        ApiClient c = new ApiClient(vertx, server.port());
        assertEquals(200, c.login(user, Users.DEMO_PASSWORD).statusCode());
        return c;
    }

    /** A stand-in service; what it was asked is added to {@code asked}. */
    private List<JsonObject> serve(String address, Function<JsonObject, Object> answer) {
        List<JsonObject> asked = new CopyOnWriteArrayList<>();
        stubs.add(vertx.eventBus().<JsonObject>consumer(address, m -> {
            asked.add(m.body());
            Object reply = answer.apply(m.body());
            if (reply instanceof int[] failure) {
                m.fail(failure[0], "refused by the stand-in");
            } else {
                m.reply(reply);
            }
        }));
        return asked;
    }

    private void stopServing() {
        stubs.forEach(s -> s.unregister().await());
        stubs.clear();
    }

    private static void assertError(HttpResponse<Buffer> r, int status, String field) {
        assertEquals(status, r.statusCode(), r.bodyAsString());
        assertEquals(field, r.bodyAsJsonObject().getString("field"), r.bodyAsString());
    }

    static LotRecord lot(String id, String reasonText) {
        long start = T0;
        return new LotRecord(id, "L1", LotStatus.CLOSED, start, start + 600_000_000_000L, 1200, 1100, 100,
                List.of(new DiversionCommand("L1", DiverterPosition.WASTE, "cqa:purity", start + 10, start + 20_000_000_000L, 12.5, 10)),
                List.of(new CqaSummary("purity", "%", 120, 98.4, 0.2, 97.8, 99.0, 97.5, Double.NaN, 1.5, 0, 2, 3, 1)),
                List.of(), List.of(new AlarmTransition("L1", "purity-low", "Purity low", "LOW", "HIGH", AlarmState.NORMAL,
                        AlarmState.ACTIVE_UNACKED, start + 5, 97.2, "system", "", "purity-low")),
                List.of(new AuditEntry(7, start + 50, "operator", AuditActions.SETPOINT_CHANGE, "L1", "R1.jacketSetpoint",
                        "80.0", "82.0", "raise conversion", "0".repeat(64), HASH)),
                List.of(), new Completeness(120, 118, 1, 1, 118 / 120.0), List.of(), ReleaseDecision.REVIEW,
                List.of(new ReleaseReason("cqa-in-spec", ReleaseDecision.REVIEW, reasonText)), HASH);
    }

    private static JsonObject lotReply(LotRecord lot, List<LotSignature> signatures) {
        JsonArray sigs = new JsonArray();
        signatures.forEach(s -> sigs.add(new JsonObject(JournalJson.toText(s))));
        return new JsonObject().put("lot", new JsonObject(JournalJson.toText(lot))).put("signatures", sigs);
    }

    @Test
    void lotListForwardsTheFiltersAndNamesBadOnes() {
        ApiClient op = as("operator");
        assertError(new ApiClient(vertx, server.port()).get("/api/lots"), 401, null);
        assertError(op.get("/api/lots"), 503, null);
        List<JsonObject> asked = serve(LotAddresses.QUERY, q -> new JsonObject().put("lots", new JsonArray()
                .add(new JsonObject().put("id", "LOT-L1-1").put("decision", "REVIEW"))));
        try {
            HttpResponse<Buffer> r = op.get("/api/lots?line=L1&decision=RELEASE-READY&from=2026-01-01T00:00:00Z&to=1800000000000");
            assertEquals(200, r.statusCode(), r.bodyAsString());
            assertEquals("LOT-L1-1", r.bodyAsJsonObject().getJsonArray("lots").getJsonObject(0).getString("id"));
            JsonObject q = asked.get(0);
            assertEquals("L1", q.getString("line"));
            assertEquals("RELEASE_READY", q.getString("decision"));
            assertEquals(1_767_225_600_000L, q.getLong("from"));
            assertEquals(1_800_000_000_000L, q.getLong("to"));
            List<JsonObject> figuresAsked = serve(LotAddresses.FIGURES, ask -> new JsonObject().put("figures", new JsonArray()
                    .add(new JsonObject().put("line", "L1").put("lotsMade", 3))));
            HttpResponse<Buffer> figures = op.get("/api/lots/figures?line=L1");
            assertEquals(3, figures.bodyAsJsonObject().getJsonArray("figures").getJsonObject(0).getInteger("lotsMade"),
                    "figures is not taken for a lot id: " + figures.bodyAsString());
            assertEquals("L1", figuresAsked.get(0).getString("line"));
            assertError(op.get("/api/lots/figures?line=L7"), 400, "line");
            assertError(op.get("/api/lots?decision=MAYBE"), 400, "decision");
            assertError(op.get("/api/lots?line=L9"), 400, "line");
            assertError(op.get("/api/lots?from=yesterday"), 400, "from");
            assertError(op.get("/api/lots?lines=L1"), 400, "lines");
            assertEquals(1, asked.size(), "refused requests never reach the service");
        } finally {
            stopServing();
        }
    }

    @Test
    void lotDetailPutsTheDecisionAndReasonsFirst() {
        LotRecord lot = lot("LOT-L1-2", "purity Ppk 1.1 is below 1.33");
        LotSignature signature = new LotSignature("s1", lot.id(), "L1", "quality", "Demo quality", "APPROVED", "ok",
                T0 + 1, HASH, "cd".repeat(32));
        List<JsonObject> asked = serve(LotAddresses.GET, q -> q.getString("id").equals(lot.id())
                ? lotReply(lot, List.of(signature)) : new int[]{404});
        try {
            JsonObject r = as("operator").get("/api/lots/LOT-L1-2").bodyAsJsonObject();
            assertEquals("REVIEW", r.getString("decision"));
            assertEquals(lot.reasons().get(0).message(), r.getJsonArray("reasons").getJsonObject(0).getString("message"));
            assertEquals(HASH, r.getString("contentHash"));
            assertEquals(lot.id(), r.getJsonObject("lot").getString("id"));
            assertEquals("Demo quality", r.getJsonArray("signatures").getJsonObject(0).getString("fullName"));
            assertEquals(lot.id(), asked.get(0).getString("id"));
            assertEquals(404, as("operator").get("/api/lots/LOT-L1-404").statusCode());
            assertError(as("operator").get("/api/lots/bad%20id"), 400, "id");
        } finally {
            stopServing();
        }
    }

    @Test
    void signingNeedsTheQualityRoleAndThePasswordAgain() {
        LotRecord lot = lot("LOT-L1-3", "review");
        List<JsonObject> signed = serve(LotAddresses.SIGN, q -> {
            SignatureRequest s = SignatureRequest.fromJson(q);
            return s.recordHash().equals(HASH) ? new JsonObject(JournalJson.toText(new LotSignature("s2", s.lotId(), "L1",
                    s.user(), s.fullName(), s.meaning(), s.comment(), T0 + 9, s.recordHash(), "ef".repeat(32))))
                    : new int[]{409};
        });
        String uri = "/api/lots/" + lot.id() + "/signatures";
        JsonObject body = new JsonObject().put("password", Users.DEMO_PASSWORD).put("meaning", "APPROVED")
                .put("comment", "reviewed the purity excursion").put("recordHash", HASH)
                .put("user", "admin").put("fullName", "Somebody Else"); // ignored: the session says who signs
        try {
            assertError(as("operator").post(uri, body), 403, null);
            assertError(as("engineer").post(uri, body), 403, null);
            ApiClient quality = as("quality");
            assertError(quality.post(uri, body, null), 403, "X-CSRF-Token");
            assertError(quality.post(uri, body.copy().put("meaning", "OK")), 400, "meaning");
            assertError(quality.post(uri, body.copy().put("recordHash", "123")), 400, "recordHash");
            assertError(quality.post(uri, body.copy().put("comment", "x".repeat(1001))), 400, "comment");
            assertError(quality.post(uri, body.copy().put("comment", 42)), 400, "comment");
            assertError(quality.post(uri, withoutPassword(body)), 400, "password");
            assertTrue(signed.isEmpty(), "nothing reached the lot service yet");

            int auditedBefore = audited.size();
            assertError(quality.post(uri, body.copy().put("password", "not-the-password")), 401, "password");
            assertTrue(signed.isEmpty(), "a wrong password signs nothing");
            JsonObject failed = awaitAudit(auditedBefore, AuditActions.LOGIN_FAILED);
            assertEquals("quality", failed.getString("user"));
            assertEquals(lot.id(), failed.getString("target"));

            HttpResponse<Buffer> ok = quality.post(uri, body);
            assertEquals(201, ok.statusCode(), ok.bodyAsString());
            SignatureRequest sent = SignatureRequest.fromJson(signed.get(0));
            assertEquals(new SignatureRequest(lot.id(), "quality", "Demo quality", "APPROVED",
                    "reviewed the purity excursion", HASH), sent);
            assertEquals("Demo quality", ok.bodyAsJsonObject().getString("fullName"));

            // The record changed since the signer saw it: the service's 409 is passed on.
            assertEquals(409, quality.post(uri, body.copy().put("recordHash", "99".repeat(32))).statusCode());
        } finally {
            stopServing();
        }
    }

    private static JsonObject withoutPassword(JsonObject body) {
        JsonObject copy = body.copy();
        copy.remove("password");
        return copy;
    }

    private JsonObject awaitAudit(int from, String action) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            for (JsonObject e : audited.subList(from, audited.size())) {
                if (action.equals(e.getString("action"))) {
                    return e;
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("no " + action + " audit entry within 5 s; got " + audited);
    }

    @Test
    void loginsAndFailedLoginsAreAudited() {
        int before = audited.size();
        as("engineer");
        assertEquals("engineer", awaitAudit(before, AuditActions.LOGIN).getString("user"));
        int later = audited.size();
        assertEquals(401, new ApiClient(vertx, server.port()).login("nobody", "guess").statusCode());
        assertEquals("nobody", awaitAudit(later, AuditActions.LOGIN_FAILED).getString("user"));
    }

    @Test
    void exportsCarryTheRecordAsCsvJsonAndEscapedHtml() {
        LotRecord lot = lot("LOT-L1-4", "<script>alert(1)</script> purity, \"low\"");
        serve(LotAddresses.GET, q -> lotReply(lot, List.of()));
        try {
            ApiClient op = as("operator");
            HttpResponse<Buffer> csv = op.get("/api/lots/LOT-L1-4/export?format=csv");
            assertEquals(200, csv.statusCode());
            assertTrue(csv.getHeader("Content-Type").startsWith("text/csv"));
            String text = csv.bodyAsString();
            assertTrue(text.contains("reason,cqa-in-spec,REVIEW,\"<script>alert(1)</script> purity, \"\"low\"\"\""), text);
            assertTrue(text.contains("cqa,purity,%,120,98.40"), text);
            assertTrue(text.contains("diversion,WASTE,cqa:purity"), text);
            assertTrue(text.contains("change,") && text.contains("R1.jacketSetpoint,80.0,82.0,raise conversion"), text);

            String html = op.get("/api/lots/LOT-L1-4/export?format=html").bodyAsString();
            assertFalse(html.contains("<script>"), "a reason is text, never markup");
            assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
            assertTrue(html.contains("Decision: REVIEW"), html);

            HttpResponse<Buffer> json = op.get("/api/lots/LOT-L1-4/export?format=json");
            assertEquals("REVIEW", json.bodyAsJsonObject().getString("decision"));
            assertTrue(json.getHeader("Content-Disposition").contains("lot-LOT-L1-4.json"));
            assertError(op.get("/api/lots/LOT-L1-4/export?format=pdf"), 400, "format");
            assertError(op.get("/api/lots/LOT-L1-4/export"), 400, "format");
        } finally {
            stopServing();
        }
    }

    @Test
    void auditSearchForwardsFiltersAndShowsTheChain() {
        ApiClient quality = as("quality");
        assertError(quality.get("/api/audit"), 503, null);
        List<JsonObject> asked = serve(AuditAddresses.QUERY, q -> new JsonObject().put("entries", new JsonArray())
                .put("chain", new JsonObject().put("valid", true).put("entries", 12).put("firstBadSeq", null).put("message", "ok")));
        try {
            HttpResponse<Buffer> r = quality.get("/api/audit?user=operator&action=line.command&line=L1&text=hold&limit=50");
            assertEquals(200, r.statusCode(), r.bodyAsString());
            assertTrue(r.bodyAsJsonObject().getJsonObject("chain").getBoolean("valid"));
            JsonObject q = asked.get(0);
            assertEquals(List.of("operator", "line.command", "L1", "hold", 50),
                    List.of(q.getString("user"), q.getString("action"), q.getString("line"), q.getString("text"), q.getInteger("limit")));
            assertError(quality.get("/api/audit?limit=0"), 400, "limit");
            assertError(quality.get("/api/audit?action=DROP%20TABLE"), 400, "action");
            assertError(quality.get("/api/audit?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z"), 400, "from");
            assertError(new ApiClient(vertx, server.port()).get("/api/audit"), 401, null);
        } finally {
            stopServing();
        }
    }

    @Test
    void spcHistoryComesWithLimitsSpecAndNamedSignals() {
        Cqa purity = plant.lines().get(0).cqas().stream().filter(c -> c.id().equals("purity")).findFirst().orElseThrow();
        List<SpcResult> results = List.of(
                new SpcResult("L1", "purity", purity.signal(), T0, 98.6, Quality.GOOD, true, SpcPhase.MONITORING, 98.5,
                        0.1, 0, 0.05, 0, 98.52, 98.6, 98.4, 0, 0.1, 0, 0, true, true),
                new SpcResult("L1", "purity", purity.signal(), T0 + 5_000_000_000L, 98.9, Quality.GOOD, true,
                        SpcPhase.MONITORING, 98.5, 0.1, (1 << 12) | (1 << 8), 0.3, 0, 98.6, 98.6, 98.4, 1 << 12, 0.5, 0,
                        0, true, true));
        List<JsonObject> asked = serve(HmiAddresses.SPC_HISTORY, q -> {
            JsonArray out = new JsonArray();
            results.forEach(r -> out.add(new JsonObject(JournalJson.toText(r))));
            return new JsonObject().put("results", out).put("truncated", false);
        });
        try {
            ApiClient op = as("operator");
            HttpResponse<Buffer> r = op.get("/api/spc?line=L1&cqa=purity&from=" + T0 / 1_000_000 + "&to=" + (T0 / 1_000_000 + 60_000));
            assertEquals(200, r.statusCode(), r.bodyAsString());
            JsonObject body = r.bodyAsJsonObject();
            assertEquals(purity.spec().lsl(), body.getJsonObject("spec").getDouble("lsl"));
            JsonObject second = body.getJsonArray("results").getJsonObject(1);
            assertEquals(98.5 + 3 * 0.1, second.getDouble("ucl"), 1e-9);
            assertEquals(98.5 - 3 * 0.1, second.getDouble("lcl"), 1e-9);
            assertEquals(List.of("i:we1", "i:limit", "ewma:above"), second.getJsonArray("signals").getList());
            assertEquals(T0 / 1_000_000 + 5_000, second.getLong("time"));
            assertEquals(T0, asked.get(0).getLong("fromNanos"));
            assertError(op.get("/api/spc?line=L1"), 400, "cqa");
            assertError(op.get("/api/spc?line=L1&cqa=colour"), 400, "cqa");
            assertError(op.get("/api/spc?cqa=purity"), 400, "line");
        } finally {
            stopServing();
        }
        assertError(as("operator").get("/api/spc?line=L1&cqa=purity"), 503, null);
    }

    @Test
    void theAlarmBoardKnowsAlarmsRaisedBeforeTheHmiStarted() {
        JsonObject active = as("operator").get("/api/alarms").bodyAsJsonObject();
        JsonObject alarm = active.getJsonArray("alarms").getJsonObject(0);
        assertEquals("purity-low", alarm.getString("id"));
        assertEquals("ACTIVE_UNACKED", alarm.getString("state"));
        assertEquals(T0 / 1_000_000, alarm.getLong("activeSince"));
    }

    @Test
    void alarmJournalIsReadFromTheHistorianNewestFirst() {
        List<AlarmTransition> journal = List.of(raisedBeforeStart, new AlarmTransition("L1", "purity-low", "Purity low",
                "LOW", "HIGH", AlarmState.ACTIVE_UNACKED, AlarmState.ACTIVE_ACKED, T0 + 1_000_000_000L, 97.0, "operator", "", ""));
        serve(HmiAddresses.ALARM_HISTORY, q -> {
            JsonArray out = new JsonArray();
            journal.forEach(t -> out.add(new JsonObject(JournalJson.toText(t))));
            return new JsonObject().put("transitions", out).put("truncated", false);
        });
        try {
            JsonArray rows = as("operator").get("/api/alarms/journal?line=L1").bodyAsJsonObject().getJsonArray("transitions");
            assertEquals(List.of("ACTIVE_ACKED", "ACTIVE_UNACKED"), List.of(rows.getJsonObject(0).getString("to"),
                    rows.getJsonObject(1).getString("to")));
            assertEquals("operator", rows.getJsonObject(0).getString("user"));
        } finally {
            stopServing();
        }
    }

    @Test
    void everyNewRouteNeedsALoginAndSays503WhenItsServiceIsAbsent() {
        ApiClient anonymous = new ApiClient(vertx, server.port());
        ApiClient admin = as("admin");
        List<String> gets = List.of("/api/lots", "/api/lots/figures", "/api/lots/LOT-L1-5", "/api/lots/LOT-L1-5/export?format=csv",
                "/api/audit", "/api/spc?line=L1&cqa=purity", "/api/alarms/journal?line=L1");
        for (String uri : gets) {
            assertError(anonymous.get(uri), 401, null);
            HttpResponse<Buffer> absent = admin.get(uri);
            assertEquals(503, absent.statusCode(), uri + ": " + absent.bodyAsString());
            assertTrue(absent.bodyAsJsonObject().getString("error").contains("not running"), absent.bodyAsString());
        }
        assertError(anonymous.get("/api/lines/L1/state"), 401, null);
        JsonObject sign = new JsonObject().put("password", Users.DEMO_PASSWORD).put("meaning", "REJECTED")
                .put("recordHash", HASH);
        assertRefusedAnonymously(anonymous.post("/api/lots/LOT-L1-5/signatures", sign));
        assertEquals(503, admin.post("/api/lots/LOT-L1-5/signatures", sign).statusCode());
        JsonObject hold = new JsonObject().put("command", "hold").put("reason", "no line-state service here");
        assertRefusedAnonymously(anonymous.post("/api/lines/L1/commands", hold));
        assertEquals(503, admin.post("/api/lines/L1/commands", hold).statusCode());
    }

    /** A write without a login: refused for the missing session's CSRF token (403) or the missing login (401). */
    private static void assertRefusedAnonymously(HttpResponse<Buffer> r) {
        assertTrue(r.statusCode() == 401 || r.statusCode() == 403, r.statusCode() + " " + r.bodyAsString());
    }

    @Test
    void lineStateIsUnknownUntilAChangeIsHeard() {
        JsonObject r = as("operator").get("/api/lines/L1/state").bodyAsJsonObject();
        assertEquals("L1", r.getString("line"));
        assertNull(r.getValue("state"));
        assertEquals(404, as("operator").get("/api/lines/L9/state").statusCode());
    }
}
