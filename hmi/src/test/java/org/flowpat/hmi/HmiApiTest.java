package org.flowpat.hmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flowpat.config.Plants;
import org.flowpat.config.model.Plant;
import org.flowpat.config.model.Signal;
import org.flowpat.controller.api.Addresses;
import org.flowpat.controller.api.HmiAddresses;
import org.flowpat.controller.api.Quality;
import org.flowpat.controller.api.Sample;
import org.flowpat.controller.api.SampleBatch;
import org.flowpat.controller.api.SetpointRequest;
import org.flowpat.controller.api.SetpointResult;
import org.flowpat.controller.api.codec.ControllerCodecs;
import org.flowpat.hmi.auth.Users;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The REST API against a real server on 127.0.0.1: login, roles, CSRF, input errors, live values, commands. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HmiApiTest {
    private static final int MAX_FAILURES = 3;
    private Vertx vertx;
    private Plant plant;
    private HmiServer server;

    @BeforeAll
    void start() throws Exception {
        vertx = Vertx.vertx();
        ControllerCodecs.register(vertx.eventBus());
        plant = Plants.bundled();
        server = ApiClient.await(HmiServer.start(vertx, HmiOptions.of(plant, Users.demo(), 0, true)
                .withLockout(MAX_FAILURES, Duration.ofMinutes(10))));
    }

    @AfterAll
    void stop() throws Exception {
        server.close().await(10, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    private ApiClient client() {
        return new ApiClient(vertx, server.port());
    }

    private ApiClient loggedIn(String user) {
        ApiClient c = client();
        HttpResponse<Buffer> r = c.login(user, Users.DEMO_PASSWORD);
        assertEquals(200, r.statusCode(), r.bodyAsString());
        return c;
    }

    private static String error(HttpResponse<Buffer> r) {
        return r.bodyAsJsonObject().getString("error");
    }

    @Test
    void healthNeedsNoLogin() {
        HttpResponse<Buffer> r = client().get("/api/health");
        assertEquals(200, r.statusCode());
        assertEquals(plant.name(), r.bodyAsJsonObject().getString("plant"));
    }

    @Test
    void loginGivesTheUserAndRoleAndANewSessionCookie() {
        ApiClient c = client();
        c.csrf();
        String before = c.cookie("flowpat.session");
        HttpResponse<Buffer> r = c.login("engineer", Users.DEMO_PASSWORD);
        assertEquals(200, r.statusCode(), r.bodyAsString());
        assertEquals("engineer", r.bodyAsJsonObject().getString("role"));
        assertNotEquals(before, c.cookie("flowpat.session"), "the session id changes at login (no fixation)");
        String setCookie = String.join("\n", r.headers().getAll("Set-Cookie"));
        String sessionCookie = r.headers().getAll("Set-Cookie").stream().filter(h -> h.startsWith("flowpat.session="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie in " + setCookie)).toLowerCase();
        assertTrue(sessionCookie.contains("httponly"), sessionCookie);
        assertTrue(sessionCookie.contains("samesite=strict"), sessionCookie);
        assertFalse(sessionCookie.contains("secure"), "no Secure flag without TLS: " + sessionCookie);
        assertEquals("engineer", c.get("/api/me").bodyAsJsonObject().getString("id"));
    }

    @Test
    void aWrongPasswordIs401AndLeavesTheSessionAnonymous() {
        ApiClient c = client();
        HttpResponse<Buffer> r = c.login("operator", "not-the-password");
        assertEquals(401, r.statusCode());
        assertFalse(error(r).contains("not-the-password"));
        assertEquals(401, c.get("/api/me").statusCode());
        assertEquals(401, c.login("nobody", "demo").statusCode(), "unknown users get the same answer");
    }

    @Test
    void repeatedFailuresLockTheLoginEvenForTheRightPassword() {
        ApiClient c = client();
        for (int i = 0; i < MAX_FAILURES; i++) {
            assertEquals(401, c.login("admin", "guess" + i).statusCode());
        }
        HttpResponse<Buffer> r = c.login("admin", Users.DEMO_PASSWORD);
        assertEquals(429, r.statusCode());
        assertTrue(error(r).contains("too many failed logins"), error(r));
        assertEquals(200, client().login("engineer", Users.DEMO_PASSWORD).statusCode(), "other users are not locked");
    }

    @Test
    void logoutEndsTheSession() {
        ApiClient c = loggedIn("operator");
        assertEquals(200, c.post("/api/logout", new JsonObject()).statusCode());
        assertEquals(401, c.get("/api/me").statusCode());
        assertEquals(401, c.get("/api/lines").statusCode());
    }

    @Test
    void writesWithoutTheCsrfTokenAreRefused() {
        ApiClient c = loggedIn("operator");
        HttpResponse<Buffer> none = c.post("/api/setpoints", setpoint(81.0), null);
        assertEquals(403, none.statusCode());
        assertEquals("X-CSRF-Token", none.bodyAsJsonObject().getString("field"));
        assertEquals(403, c.post("/api/setpoints", setpoint(81.0), "forged").statusCode());
        ApiClient fresh = client();
        assertEquals(403, fresh.post("/api/login", new JsonObject().put("user", "operator").put("password", "demo"), null)
                .statusCode(), "login too needs the token (login CSRF)");
    }

    @Test
    void malformedJsonIs400NamingTheBody() {
        ApiClient c = client();
        HttpResponse<Buffer> r = c.post("/api/login", "{\"user\": \"operator\", ");
        assertEquals(400, r.statusCode());
        assertEquals("body", r.bodyAsJsonObject().getString("field"));
        HttpResponse<Buffer> array = c.post("/api/login", "[1, 2]");
        assertEquals(400, array.statusCode());
    }

    @Test
    void missingOrWrongFieldsAre400NamingTheField() {
        ApiClient c = loggedIn("operator");
        HttpResponse<Buffer> noReason = c.post("/api/setpoints", setpoint(81.0).copy().put("reason", null));
        assertEquals(400, noReason.statusCode());
        assertEquals("reason", noReason.bodyAsJsonObject().getString("field"));
        HttpResponse<Buffer> text = c.post("/api/setpoints", setpoint(81.0).copy().put("value", "hot"));
        assertEquals("value", text.bodyAsJsonObject().getString("field"));
        Signal jacket = plant.line("L1").signal("R1.jacketSetpoint").orElseThrow();
        HttpResponse<Buffer> outside = c.post("/api/setpoints", setpoint(jacket.range().max() + 1));
        assertEquals(400, outside.statusCode());
        assertTrue(error(outside).contains("outside the range"), error(outside));
        HttpResponse<Buffer> measurement = c.post("/api/setpoints", setpoint(81.0).copy().put("signal", "R1.temperature"));
        assertEquals("signal", measurement.bodyAsJsonObject().getString("field"));
        HttpResponse<Buffer> unknown = c.post("/api/setpoints", setpoint(81.0).copy().put("signal", "R9.x"));
        assertTrue(error(unknown).contains("R9.x"), error(unknown));
    }

    @Test
    void anOversizedBodyIs413() {
        ApiClient c = client();
        String big = "{\"user\": \"" + "x".repeat((int) HmiServer.BODY_LIMIT) + "\"}";
        assertEquals(413, c.post("/api/login", big).statusCode());
        assertEquals(200, c.get("/api/health").statusCode(), "the server lives on");
    }

    @Test
    void unknownApiPathsAre404Json() {
        HttpResponse<Buffer> r = loggedIn("quality").get("/api/nothing-here");
        assertEquals(404, r.statusCode());
        assertTrue(error(r).contains("/api/nothing-here"));
    }

    private static JsonObject setpoint(double value) {
        return new JsonObject().put("line", "L1").put("signal", "R1.jacketSetpoint").put("value", value)
                .put("reason", "test: raise conversion");
    }

    @Test
    void operatorsWriteSetpointsThroughTheControllerQualityUsersAndStrangersCannot() {
        List<SetpointRequest> seen = new CopyOnWriteArrayList<>();
        MessageConsumer<JsonObject> writer = vertx.eventBus().consumer(HmiAddresses.SETPOINTS, m -> {
            seen.add(SetpointRequest.fromJson(m.body()));
            m.reply(new SetpointResult(true, "written", 42L).toJson());
        });
        ApiClient.await(writer.completion());
        try {
            HttpResponse<Buffer> ok = loggedIn("operator").post("/api/setpoints", setpoint(82.5));
            assertEquals(200, ok.statusCode(), ok.bodyAsString());
            assertTrue(ok.bodyAsJsonObject().getBoolean("written"));
            assertEquals(1, seen.size());
            assertEquals(new SetpointRequest("L1", "R1.jacketSetpoint", 82.5, "test: raise conversion", "operator"),
                    seen.get(0), "the user comes from the session");

            HttpResponse<Buffer> quality = loggedIn("quality").post("/api/setpoints", setpoint(82.5));
            assertEquals(403, quality.statusCode());
            assertTrue(error(quality).contains("quality"), error(quality));
            assertEquals(401, client().post("/api/setpoints", setpoint(82.5)).statusCode());
            assertEquals(1, seen.size(), "refused requests never reach the controller");
        } finally {
            ApiClient.await(writer.unregister());
        }
    }

    @Test
    void aControllerRefusalIs409AndAMissingControllerIs503() {
        MessageConsumer<JsonObject> refusing = vertx.eventBus().consumer(HmiAddresses.SETPOINTS,
                m -> m.reply(new SetpointResult(false, "line is held", 0L).toJson()));
        ApiClient.await(refusing.completion());
        ApiClient c = loggedIn("engineer");
        HttpResponse<Buffer> refused = c.post("/api/setpoints", setpoint(80.0));
        ApiClient.await(refusing.unregister());
        assertEquals(409, refused.statusCode());
        assertEquals("line is held", refused.bodyAsJsonObject().getString("message"));

        HttpResponse<Buffer> absent = c.post("/api/setpoints", setpoint(80.0));
        assertEquals(503, absent.statusCode());
        assertTrue(error(absent).contains(HmiAddresses.SETPOINTS), error(absent));
    }

    @Test
    void faultInjectionIsOfferedInDemoModeAndAnswers503WithoutASimulator() {
        ApiClient c = loggedIn("operator");
        JsonObject fault = new JsonObject().put("type", "TEMPERATURE_EXCURSION").put("target", "R1").put("magnitude", 8)
                .put("durationS", 120);
        HttpResponse<Buffer> r = c.post("/api/simulator/faults", fault);
        assertEquals(503, r.statusCode());
        assertTrue(error(r).contains("simulator"), error(r));
        assertEquals(403, loggedIn("quality").post("/api/simulator/faults", fault).statusCode());
        assertEquals("durationS", c.post("/api/simulator/faults", fault.copy().put("durationS", -1))
                .bodyAsJsonObject().getString("field"));
    }

    @Test
    void linesShowTheLatestPublishedValuesWithStatus() throws Exception {
        ApiClient c = loggedIn("quality");
        JsonObject before = signal(c.get("/api/lines").bodyAsJsonObject(), "R1", "temperature");
        assertNotNull(before.getJsonObject("normal"), "normal range is shown");
        long t = System.currentTimeMillis() * 1_000_000L;
        vertx.eventBus().publish(Addresses.SAMPLES, new SampleBatch(List.of(
                new Sample("L1", "R1.temperature", 79.25, t, t + 1000, Quality.GOOD_CODE),
                new Sample("L1", "R1.pressure", 6.5, t, t + 1000, Quality.UNCERTAIN_CODE),
                new Sample("L1", "R1.temperature", 70.0, t - 5_000_000_000L, t, Quality.GOOD_CODE))));
        JsonObject lines = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            lines = c.get("/api/lines").bodyAsJsonObject();
            if (signal(lines, "R1", "temperature").getJsonObject("live") != null) {
                break;
            }
            Thread.sleep(20);
        }
        JsonObject live = signal(lines, "R1", "temperature").getJsonObject("live");
        assertNotNull(live, "the value arrived");
        assertEquals(79.25, live.getDouble("value"), "an older sample does not replace a newer one");
        assertEquals("GOOD", live.getString("quality"));
        assertEquals(t / 1_000_000, live.getLong("time"));
        assertEquals("UNCERTAIN", signal(lines, "R1", "pressure").getJsonObject("live").getString("quality"));
        assertNull(signal(lines, "AT1", "impurity").getJsonObject("live"), "a signal without samples has no live value");
    }

    private static JsonObject signal(JsonObject lines, String unit, String signal) {
        JsonArray units = lines.getJsonArray("lines").getJsonObject(0).getJsonArray("units");
        for (int i = 0; i < units.size(); i++) {
            JsonObject u = units.getJsonObject(i);
            if (u.getString("id").equals(unit)) {
                JsonArray signals = u.getJsonArray("signals");
                for (int j = 0; j < signals.size(); j++) {
                    if (signals.getJsonObject(j).getString("id").equals(signal)) {
                        return signals.getJsonObject(j);
                    }
                }
            }
        }
        throw new AssertionError("no signal " + unit + "." + signal + " in " + lines);
    }

    @Test
    void outsideDemoModeTheDemoUsersAreRefusedAndFaultInjectionIsAbsent() throws Exception {
        Exception refused = null;
        try {
            HmiServer.start(vertx, HmiOptions.of(plant, Users.demo(), 0, false)).await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            refused = e;
        }
        assertNotNull(refused, "a plant guarded by demo passwords must not start");
        assertTrue(refused.getMessage().contains("demo password"), refused.getMessage());

        Users real = Users.of(List.of(new org.flowpat.config.model.User("ada", "Ada Weber", "operator",
                at.favre.lib.crypto.bcrypt.BCrypt.withDefaults().hashToString(4, "correct horse".toCharArray()))));
        HmiServer plantServer = HmiServer.start(vertx, HmiOptions.of(plant, real, 0, false)).await(10, TimeUnit.SECONDS);
        try {
            ApiClient c = new ApiClient(vertx, plantServer.port());
            assertEquals(401, c.login("operator", Users.DEMO_PASSWORD).statusCode());
            assertEquals(200, c.login("ada", "correct horse").statusCode());
            assertEquals(404, c.post("/api/simulator/faults", new JsonObject().put("type", "SPIKES").put("magnitude", 1))
                    .statusCode());
            assertEquals(false, c.get("/api/health").bodyAsJsonObject().getBoolean("demo"));
        } finally {
            plantServer.close().await(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void theOpenApiDescriptionIsServedAndDocumentsEveryRoute() throws Exception {
        HttpResponse<Buffer> r = client().get("/openapi");
        assertEquals(200, r.statusCode());
        for (String path : List.of("/api/login:", "/api/lines:", "/api/trends:", "/api/setpoints:", "/api/simulator/faults:")) {
            assertTrue(r.bodyAsString().contains(path), "documents " + path);
        }
        // every route the Routes classes mount, in OpenAPI's spelling ({line} for :line)
        Pattern mounted = Pattern.compile("router\\.(get|post)\\(\"(/api/[^\"]+)\"");
        List<String> undocumented = new ArrayList<>();
        int routes = 0;
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith("Routes.java")).toList()) {
                Matcher m = mounted.matcher(Files.readString(f));
                while (m.find()) {
                    routes++;
                    String path = m.group(2).replaceAll(":(\\w+)", "{$1}");
                    if (!r.bodyAsString().contains("\n  " + path + ":\n    " + m.group(1) + ":")) {
                        undocumented.add(m.group(1).toUpperCase() + " " + path);
                    }
                }
            }
        }
        assertTrue(routes >= 20, "found the mounted routes (" + routes + ")");
        assertEquals(List.of(), undocumented);
    }

    @Test
    void pagesRedirectToLoginUntilLoggedIn() {
        HttpResponse<Buffer> anon = client().get("/overview.html");
        assertEquals(302, anon.statusCode());
        assertEquals("/login.html", anon.getHeader("Location"));
        assertEquals(200, loggedIn("operator").get("/overview.html").statusCode());
        for (String page : List.of("/charts.html", "/control.html", "/lots.html", "/audit.html")) {
            assertEquals("/login.html", client().get(page).getHeader("Location"), page);
        }
    }
}
