package org.flowpat.app.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.flowpat.config.Plants;
import org.flowpat.controller.acquisition.SourcePreference;
import org.flowpat.controller.api.Quality;
import org.flowpat.controller.api.Sample;
import org.flowpat.controller.historian.Historian;
import org.flowpat.simulator.engine.EngineSettings;
import org.flowpat.simulator.server.SimulatorOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code flowpat demo} JVM: Milo server and client, the Modbus server and PLC4X's Modbus driver, Vert.x web
 * and event bus and embedded QuestDB all run on one Netty (DESIGN.md: the Netty 4.2 BOM alignment). Signals with
 * a PLC tag are read over PLC4X, the others over OPC UA, and both kinds reach the historian and the HMI.
 */
class DemoIntegrationTest {
    @TempDir
    Path dataDir;

    @Test
    void simulatorControllerAndHmiRunTogetherAndBothAcquisitionPathsReachTheHistorian() throws Exception {
        SimulatorOptions options = new SimulatorOptions(Plants.bundled(), null, "127.0.0.1", 0, 0, dataDir,
                5.0, EngineSettings.DEFAULT_SEED, null, 1.0,
                Map.of(SimulatorOptions.DEMO_USER, SimulatorOptions.DEMO_PASSWORD));
        long startNanos = System.currentTimeMillis() * 1_000_000L;
        try (Demo demo = Demo.start(options, dataDir, null, null, 0, SourcePreference.PLC)) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            Historian historian = demo.controller().historian();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            List<Sample> plcFlow = List.of();
            List<Sample> opcUaTemperature = List.of();
            while (System.nanoTime() < deadline && (plcFlow.isEmpty() || opcUaTemperature.isEmpty())) {
                Thread.sleep(500);
                // Source times run ahead of the wall clock at time scale 5: read a generous window.
                long to = System.currentTimeMillis() * 1_000_000L + Duration.ofHours(1).toNanos();
                plcFlow = historian.raw("L1", "P1.flow", startNanos - Duration.ofMinutes(1).toNanos(), to);
                opcUaTemperature = historian.raw("L1", "R1.temperature", startNanos - Duration.ofMinutes(1).toNanos(), to);
            }
            assertFalse(plcFlow.isEmpty(), "P1.flow (PLC tag input-register:1:REAL) reached the historian over PLC4X");
            assertFalse(opcUaTemperature.isEmpty(), "R1.temperature (OPC UA only) reached the historian over Milo");
            assertEquals(Quality.GOOD, plcFlow.get(plcFlow.size() - 1).quality());
            assertEquals(1.5, plcFlow.get(plcFlow.size() - 1).value(), 0.2, "pump A runs at its 1.5 mL/min setpoint");

            HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + demo.httpPort() + "/api/health")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode());
            assertTrue(health.body().contains("\"demo\":true"), health.body());
            assertFalse(health.body().contains("\"samplesReceived\":0"), "the HMI sees live samples: " + health.body());
        }
    }
}
