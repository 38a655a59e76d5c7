package org.flowpat.hmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.flowpat.config.Plants;
import org.flowpat.config.model.Plant;
import org.flowpat.controller.api.codec.ControllerCodecs;
import org.flowpat.controller.linestate.LineStateVerticle;
import org.flowpat.hmi.auth.Users;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code POST /api/lines/{line}/commands} against the controller's real line-state verticle of line L1: roles, the
 * required reason, CSRF, an unknown command or line, the state machine's own refusal (409), and the new state read
 * back from {@code GET /api/lines/{line}/state}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LineCommandApiTest {
    private static final long ACTING_MS = 200;
    private Vertx vertx;
    private HmiServer server;

    @BeforeAll
    void start() throws Exception {
        vertx = Vertx.vertx();
        ControllerCodecs.register(vertx.eventBus());
        Plant plant = Plants.bundled();
        vertx.deployVerticle(new LineStateVerticle(plant.lines().get(0), ACTING_MS)).await(10, TimeUnit.SECONDS);
        server = ApiClient.await(HmiServer.start(vertx, HmiOptions.of(plant, Users.demo(), 0, true)));
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

    private static JsonObject command(String command, String reason) {
        JsonObject body = new JsonObject().put("command", command);
        return reason == null ? body : body.put("reason", reason);
    }

    private static void assertError(HttpResponse<Buffer> r, int status, String field) {
        assertEquals(status, r.statusCode(), r.bodyAsString());
        assertEquals(field, r.bodyAsJsonObject().getString("field"), r.bodyAsString());
    }

    /** The state GET /api/lines/L1/state reports once it equals {@code expected} (polled, at most 5 s). */
    private String awaitState(ApiClient c, String expected) throws InterruptedException {
        String state = null;
        for (int i = 0; i < 100; i++) {
            state = c.get("/api/lines/L1/state").bodyAsJsonObject().getString("state");
            if (expected.equals(state)) {
                return state;
            }
            Thread.sleep(50);
        }
        return state;
    }

    @Test
    void anOperatorResetsStartsAndHoldsTheLineWithReasons() throws Exception {
        ApiClient op = as("operator");
        assertError(op.post("/api/lines/L1/commands", command("reset", null)), 400, "reason");
        assertError(op.post("/api/lines/L1/commands", command("launch", "why not")), 400, "command");
        assertError(op.post("/api/lines/L1/commands", command("reset", "shift start"), null), 403, "X-CSRF-Token");
        assertError(as("quality").post("/api/lines/L1/commands", command("reset", "shift start")), 403, null);
        assertError(new ApiClient(vertx, server.port()).post("/api/lines/L1/commands", command("reset", "x")), 401, null);
        assertError(op.post("/api/lines/L9/commands", command("reset", "x")), 404, "line");

        // The line starts STOPPED: HOLD is refused by the state machine itself, naming what it would accept.
        HttpResponse<Buffer> refused = op.post("/api/lines/L1/commands", command("hold", "test"));
        assertEquals(409, refused.statusCode(), refused.bodyAsString());
        assertTrue(refused.bodyAsJsonObject().getString("error").contains("RESET"), refused.bodyAsString());

        HttpResponse<Buffer> reset = op.post("/api/lines/L1/commands", command("RESET", "shift start"));
        assertEquals(200, reset.statusCode(), reset.bodyAsString());
        assertEquals("RESETTING", reset.bodyAsJsonObject().getString("state"));
        assertEquals("IDLE", awaitState(op, "IDLE"));
        assertEquals("STARTING", op.post("/api/lines/L1/commands", command("start", "campaign 7")).bodyAsJsonObject().getString("state"));
        assertEquals("EXECUTE", awaitState(op, "EXECUTE"));
        HttpResponse<Buffer> hold = as("engineer").post("/api/lines/L1/commands", command("hold", "check the pump"));
        assertEquals("HOLDING", hold.bodyAsJsonObject().getString("state"), hold.bodyAsString());
        assertEquals("HELD", awaitState(op, "HELD"));
        JsonObject state = op.get("/api/lines/L1/state").bodyAsJsonObject();
        assertEquals("HOLDING", state.getString("from"));
    }
}
