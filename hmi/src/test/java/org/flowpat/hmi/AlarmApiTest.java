package org.flowpat.hmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.flowpat.config.Plants;
import org.flowpat.config.model.Plant;
import org.flowpat.controller.api.Addresses;
import org.flowpat.controller.api.AlarmAction;
import org.flowpat.controller.api.Quality;
import org.flowpat.controller.api.QualityAddresses;
import org.flowpat.controller.api.Sample;
import org.flowpat.controller.api.SampleBatch;
import org.flowpat.controller.api.codec.ControllerCodecs;
import org.flowpat.controller.quality.QualityVerticle;
import org.flowpat.hmi.auth.Users;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestInstance;

/**
 * The alarm API against the controller's real alarm service (the {@link QualityVerticle} of line L1 of the bundled
 * plant): a reactor pressure above its HIGH limit raises {@code reactor-pressure-high}, which the HMI lists, and
 * which users acknowledge and shelve as their roles allow.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // one alarm's life: raised, acknowledged, shelved, back
class AlarmApiTest {
    private static final String ALARM = "reactor-pressure-high";
    private static final String BASE = "/api/alarms/L1/" + ALARM;
    private Vertx vertx;
    private Plant plant;
    private HmiServer server;
    private double pressureLimit;

    @BeforeAll
    void start() throws Exception {
        vertx = Vertx.vertx();
        ControllerCodecs.register(vertx.eventBus());
        plant = Plants.bundled();
        vertx.deployVerticle(new QualityVerticle(plant.lines().get(0))).await(10, TimeUnit.SECONDS);
        server = ApiClient.await(HmiServer.start(vertx, HmiOptions.of(plant, Users.demo(), 0, true)));
        pressureLimit = plant.lines().get(0).quality().alarms().stream().filter(a -> a.id().equals(ALARM))
                .findFirst().orElseThrow().limit();
        long t = System.currentTimeMillis() * 1_000_000L;
        vertx.eventBus().publish(Addresses.SAMPLES, new SampleBatch(List.of(
                new Sample("L1", "R1.pressure", pressureLimit + 1.5, t, t, Quality.GOOD_CODE))));
    }

    @AfterAll
    void stop() throws Exception {
        server.close().await(10, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    private ApiClient loggedIn(String user) {
        ApiClient c = new ApiClient(vertx, server.port());
        assertEquals(200, c.login(user, Users.DEMO_PASSWORD).statusCode());
        return c;
    }

    /** The alarm as listed by GET /api/alarms once it satisfies {@code condition} (polled, at most 5 s). */
    private JsonObject awaitAlarm(ApiClient c, Predicate<JsonObject> condition) throws InterruptedException {
        JsonObject last = null;
        for (int i = 0; i < 50; i++) {
            JsonArray alarms = c.get("/api/alarms").bodyAsJsonObject().getJsonArray("alarms");
            for (int j = 0; j < alarms.size(); j++) {
                JsonObject a = alarms.getJsonObject(j);
                if (a.getString("id").equals(ALARM)) {
                    last = a;
                    if (condition.test(a)) {
                        return a;
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError(ALARM + " never reached the expected state; last seen " + last);
    }

    private static JsonObject shelve(double durationS, String reason) {
        JsonObject body = new JsonObject().put("durationS", durationS);
        return reason == null ? body : body.put("reason", reason);
    }

    private static String field(HttpResponse<Buffer> r) {
        return r.bodyAsJsonObject().getString("field");
    }

    @Test
    void anonymousUsersSeeNoAlarmsAndActOnNone() {
        ApiClient anonymous = new ApiClient(vertx, server.port());
        assertEquals(401, anonymous.post(BASE + "/ack", new JsonObject()).statusCode(), "with a valid CSRF token");
        assertEquals(401, anonymous.get("/api/alarms").statusCode());
    }

    @Test
    @Order(1)
    void aHighPressureIsListedWithItsPriorityValueAndFirstOut() throws Exception {
        ApiClient quality = loggedIn("quality");
        JsonObject a = awaitAlarm(quality, x -> true);
        assertEquals("ACTIVE_UNACKED", a.getString("state"));
        assertTrue(a.getBoolean("unacknowledged"));
        assertEquals("HIGH", a.getString("priority"));
        assertEquals("L1", a.getString("line"));
        assertEquals(pressureLimit + 1.5, a.getDouble("value"), 1e-9);
        assertNotNull(a.getLong("activeSince"));
        assertTrue(a.getBoolean("isFirstOut"), "a lone alarm is its own first out: " + a);
        JsonObject list = quality.get("/api/alarms").bodyAsJsonObject();
        assertTrue(list.getJsonObject("byPriority").getInteger("HIGH", 0) >= 1, list.encode());
        assertNotNull(list.getJsonObject("newestFirstOut"), list.encode());
    }

    @Test
    @Order(2)
    void anOperatorAcknowledgesButMayNotShelve() throws Exception {
        ApiClient operator = loggedIn("operator");
        awaitAlarm(operator, x -> true);
        HttpResponse<Buffer> noToken = operator.post(BASE + "/ack", new JsonObject(), null);
        assertEquals(403, noToken.statusCode());
        assertEquals("X-CSRF-Token", field(noToken));

        HttpResponse<Buffer> shelve = operator.post(BASE + "/shelve", shelve(600, "nuisance"));
        assertEquals(403, shelve.statusCode(), shelve.bodyAsString());
        assertTrue(shelve.bodyAsJsonObject().getString("error").contains("shelve"), shelve.bodyAsString());

        HttpResponse<Buffer> ack = operator.post(BASE + "/ack", new JsonObject());
        assertEquals(200, ack.statusCode(), ack.bodyAsString());
        assertEquals("ACTIVE_ACKED", ack.bodyAsJsonObject().getString("state"));
        JsonObject acked = awaitAlarm(operator, x -> x.getString("state").equals("ACTIVE_ACKED"));
        assertFalse(acked.getBoolean("unacknowledged"));
        assertEquals("operator", acked.getString("user"), "the session's user, not one the client named");

        JsonArray journal = operator.get("/api/alarms?history=true&limit=10").bodyAsJsonObject()
                .getJsonArray("transitions");
        JsonObject newest = journal.getJsonObject(0);
        assertEquals(ALARM, newest.getString("id"));
        assertEquals("ACTIVE_ACKED", newest.getString("to"));
        assertEquals("operator", newest.getString("user"));
    }

    @Test
    void qualityStaffNeitherAcknowledgeNorShelve() {
        ApiClient quality = loggedIn("quality");
        assertEquals(403, quality.post(BASE + "/ack", new JsonObject()).statusCode());
        assertEquals(403, quality.post(BASE + "/shelve", shelve(60, "why")).statusCode());
    }

    @Test
    @Order(3)
    void anEngineerShelvesWithAReasonAndUnshelves() throws Exception {
        ApiClient engineer = loggedIn("engineer");
        awaitAlarm(engineer, x -> true);
        HttpResponse<Buffer> noReason = engineer.post(BASE + "/shelve", shelve(600, null));
        assertEquals(400, noReason.statusCode());
        assertEquals("reason", field(noReason));
        HttpResponse<Buffer> badDuration = engineer.post(BASE + "/shelve", shelve(-5, "x"));
        assertEquals(400, badDuration.statusCode());
        assertEquals("durationS", field(badDuration));

        HttpResponse<Buffer> shelved = engineer.post(BASE + "/shelve", shelve(600, "sensor being replaced"));
        assertEquals(200, shelved.statusCode(), shelved.bodyAsString());
        assertEquals("SHELVED", shelved.bodyAsJsonObject().getString("state"));
        JsonObject listed = awaitAlarm(engineer, x -> x.getString("state").equals("SHELVED"));
        assertFalse(listed.getBoolean("annunciated"), "shelved alarms are listed but not annunciated");
        assertEquals("sensor being replaced", listed.getString("reason"));

        HttpResponse<Buffer> back = engineer.post(BASE + "/unshelve", new JsonObject());
        assertEquals(200, back.statusCode(), back.bodyAsString());
        String state = back.bodyAsJsonObject().getString("state");
        assertTrue(state.startsWith("ACTIVE"), "the pressure is still high: " + state);
        awaitAlarm(engineer, x -> x.getString("state").equals(state));
    }

    @Test
    void theControllerRefusesShelvingByARoleThatMayNotEvenIfAskedDirectly() {
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, () ->
                vertx.eventBus().request(QualityAddresses.alarmActions("L1"),
                        new AlarmAction("L1", ALARM, "SHELVE", "mallory", "operator", 60, "bypass"))
                        .toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS));
        assertEquals(403, ((ReplyException) e.getCause()).failureCode());
    }

    @Test
    void theNewPagesNeedALoginAndTheApiDescriptionListsTheAlarmEndpoints() {
        ApiClient anonymous = new ApiClient(vertx, server.port());
        for (String page : List.of("/alarms.html", "/simulator.html")) {
            HttpResponse<Buffer> r = anonymous.get(page);
            assertEquals(302, r.statusCode(), page);
            assertEquals("/login.html", r.getHeader("Location"), page);
        }
        assertEquals(200, loggedIn("quality").get("/alarms.html").statusCode());
        String api = anonymous.get("/openapi").bodyAsString();
        for (String path : List.of("/api/alarms:", "/api/alarms/{line}/{id}/ack:", "/api/alarms/{line}/{id}/shelve:",
                "/api/alarms/{line}/{id}/unshelve:")) {
            assertTrue(api.contains("  " + path), "openapi.yaml documents " + path);
        }
    }

    @Test
    void unknownLinesAndAlarmsAndBadQueriesAreNamed() {
        ApiClient engineer = loggedIn("engineer");
        HttpResponse<Buffer> line = engineer.post("/api/alarms/L9/" + ALARM + "/ack", new JsonObject());
        assertEquals(404, line.statusCode());
        assertEquals("line", field(line));
        HttpResponse<Buffer> alarm = engineer.post("/api/alarms/L1/no-such-alarm/ack", new JsonObject());
        assertEquals(400, alarm.statusCode(), alarm.bodyAsString());
        assertTrue(alarm.bodyAsJsonObject().getString("error").contains("no-such-alarm"), alarm.bodyAsString());
        HttpResponse<Buffer> limit = engineer.get("/api/alarms?history=true&limit=0");
        assertEquals(400, limit.statusCode());
        assertEquals("limit", field(limit));
        assertEquals("history", field(engineer.get("/api/alarms?history=yes")));
    }
}
