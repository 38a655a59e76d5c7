package org.flowpat.hmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;
import org.flowpat.hmi.auth.Users;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An HMI started after the fact on the shared running plant (after the other browser tests raised the analyzer
 * alarm and held the line) learns both from the historian's journals through the controller's
 * JournalQueryService: its alarm board lists the alarm raised before it started, and it knows the line is held.
 */
@ExtendWith(SharedPlant.class)
@Order(Order.DEFAULT + 4)
class HmiRestartTest {

    @Test
    void aRestartedHmiShowsAlarmsAndTheLineStateFromBeforeItsStart(RunningPlant plant) throws Exception {
        HmiServer restarted = plant.startAnotherHmi();
        Vertx vertx = Vertx.vertx();
        try (ApiClient c = new ApiClient(vertx, restarted.port())) {
            assertEquals(200, c.login("operator", Users.DEMO_PASSWORD).statusCode());
            JsonObject alarms = c.get("/api/alarms").bodyAsJsonObject();
            assertTrue(alarms.getJsonArray("alarms").stream().map(a -> ((JsonObject) a).getString("id"))
                    .anyMatch("analyzer-fault"::equals), "the analyzer fault raised before the start: " + alarms.encode());
            JsonObject history = c.get("/api/alarms?history=true&limit=2000").bodyAsJsonObject();
            assertTrue(history.getJsonArray("transitions").size() > 1, history.encode());
            assertEquals("HELD", c.get("/api/lines/L1/state").bodyAsJsonObject().getString("state"),
                    "the line was held by ReviewBrowserTest before this HMI started");
        } finally {
            restarted.close().await(10, TimeUnit.SECONDS);
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }
}
