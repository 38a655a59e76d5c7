package org.flowpat.hmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.flowpat.hmi.auth.Users;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code GET /api/loops} and {@code POST /api/loops/{line}/{loop}} against the shared running plant, whose controller
 * runs the bundled plant's jacket temperature loop: roles, the required reason, unknown loops, the controller's own
 * refusal, the mode and setpoint read back, and the audit trail's entries. It leaves the loop in MANUAL at the plant
 * file's setpoint, as it found it. Ordered after the browser tests: they expect the shared plant to start with them
 * (the trends page's point count grows only while the plant's history is short).
 */
@ExtendWith(SharedPlant.class)
@Order(Order.DEFAULT + 5)
class LoopApiTest {
    private static final String LOOP = "/api/loops/L1/jacket-tic";

    private static ApiClient as(Vertx vertx, RunningPlant plant, String user) {
        ApiClient c = new ApiClient(vertx, java.net.URI.create(plant.url()).getPort());
        assertEquals(200, c.login(user, Users.DEMO_PASSWORD).statusCode());
        return c;
    }

    private static void assertError(HttpResponse<Buffer> r, int status, String field) {
        assertEquals(status, r.statusCode(), r.bodyAsString());
        assertEquals(field, r.bodyAsJsonObject().getString("field"), r.bodyAsString());
    }

    /** jacket-tic's status once it has read its measurement and output (polled, at most 15 s). */
    private static JsonObject jacketTic(ApiClient c) throws InterruptedException {
        JsonObject loop = null;
        for (int i = 0; i < 150; i++) {
            HttpResponse<Buffer> r = c.get("/api/loops?line=L1");
            assertEquals(200, r.statusCode(), r.bodyAsString());
            JsonArray loops = r.bodyAsJsonObject().getJsonArray("loops");
            assertEquals(1, loops.size(), loops.encode());
            loop = loops.getJsonObject(0);
            if (loop.getValue("output") != null && loop.getValue("pv") != null) {
                return loop;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("jacket-tic never read its PV and output: " + loop);
    }

    @Test
    void anOperatorTakesTheJacketLoopToAutoAndBackWithReasonsAndTheTrailKeepsBoth(RunningPlant plant) throws Exception {
        Vertx vertx = Vertx.vertx();
        try (ApiClient op = as(vertx, plant, "operator"); ApiClient quality = as(vertx, plant, "quality")) {
            JsonObject before = jacketTic(op);
            assertEquals("MANUAL", before.getString("mode"), "a controller starts its loops in MANUAL, and the browser"
                    + " test that takes it to AUTO takes it back");
            assertEquals("R1.temperature", before.getString("pvSignal"));
            assertEquals("degC", before.getString("unit"));
            assertEquals(jacketTic(quality).getString("loop"), "jacket-tic", "anyone logged in sees the loops");
            double setpoint = before.getDouble("setpoint");

            assertError(quality.post(LOOP, new JsonObject().put("mode", "AUTO").put("reason", "not mine")), 403, null);
            assertError(op.post(LOOP, new JsonObject().put("mode", "AUTO")), 400, "reason");
            assertError(op.post(LOOP, new JsonObject().put("mode", "CRUISE").put("reason", "r")), 400, "mode");
            assertError(op.post(LOOP, new JsonObject().put("reason", "nothing to do")), 400, "mode");
            assertError(op.post("/api/loops/L1/no-such-loop", new JsonObject().put("mode", "AUTO").put("reason", "r")),
                    404, "loop");
            assertError(op.post("/api/loops/L9/jacket-tic", new JsonObject().put("mode", "AUTO").put("reason", "r")),
                    404, "line");
            assertError(op.post(LOOP, new JsonObject().put("setpoint", 900).put("reason", "r")), 400, "setpoint");
            assertEquals(403, op.post(LOOP, new JsonObject().put("mode", "AUTO").put("reason", "r"), null).statusCode(),
                    "CSRF token required");

            HttpResponse<Buffer> auto = op.post(LOOP, new JsonObject().put("mode", "auto").put("setpoint", setpoint)
                    .put("reason", "hold the reactor at its setpoint"));
            assertEquals(200, auto.statusCode(), auto.bodyAsString());
            assertEquals("AUTO", auto.bodyAsJsonObject().getString("mode"));
            assertEquals("AUTO", jacketTic(op).getString("mode"));
            assertError(op.post(LOOP, new JsonObject().put("output", 85.0).put("reason", "r")), 400, "output");

            HttpResponse<Buffer> manual = op.post(LOOP, new JsonObject().put("mode", "MANUAL")
                    .put("reason", "back to manual for the next shift"));
            assertEquals(200, manual.statusCode(), manual.bodyAsString());
            JsonObject after = jacketTic(op);
            assertEquals("MANUAL", after.getString("mode"));
            assertEquals(setpoint, after.getDouble("setpoint"), 0);

            JsonArray trail = op.get("/api/audit?line=L1&limit=50").bodyAsJsonObject().getJsonArray("entries");
            JsonObject toAuto = entry(trail, "AUTO", "hold the reactor at its setpoint");
            assertEquals("operator", toAuto.getString("user"));
            assertEquals("jacket-tic", toAuto.getString("target"));
            assertEquals("MANUAL", toAuto.getString("oldValue"));
            assertEquals("AUTO", entry(trail, "MANUAL", "back to manual for the next shift").getString("oldValue"));
            assertTrue(trail.stream().map(JsonObject.class::cast).noneMatch(e -> e.getString("target").equals(
                    "jacket-tic.setpoint")), "an unchanged setpoint is no change: " + trail.encode());
        } finally {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }

    private static JsonObject entry(JsonArray trail, String newMode, String reason) {
        JsonObject found = trail.stream().map(JsonObject.class::cast)
                .filter(e -> "loop.mode".equals(e.getString("action")) && newMode.equals(e.getString("newValue"))
                        && reason.equals(e.getString("reason")))
                .findFirst().orElse(null);
        assertNotNull(found, "no loop.mode → " + newMode + " (" + reason + ") in " + trail.encode());
        return found;
    }
}
