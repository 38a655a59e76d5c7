package org.flowpat.controller.acquisition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.flowpat.config.Plants;
import org.flowpat.controller.ControllerApplication;
import org.flowpat.controller.ControllerOptions;
import org.flowpat.controller.historian.questdb.QuestDbHistorian;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The controller process end to end: simulator → acquisition → event bus → spool → embedded historian; a stop
 * ends acquisition first and drains the spool, so every sample published is in the database afterwards.
 */
class ControllerApplicationTest {

    @TempDir
    Path dir;

    @Test
    void everyPublishedSampleIsInTheEmbeddedHistorianAfterAStop() throws Exception {
        Vertx vertx = Vertx.vertx();
        BusRecorder bus = new BusRecorder(vertx);
        try (SimulatedPlant simulator = new SimulatedPlant(Plants.bundled(), dir.resolve("simulator-pki"), 0.5, 10.0,
                0)) {
            simulator.startOpcUa();
            simulator.startModbus();
            Path data = dir.resolve("controller");
            ControllerApplication app = ControllerApplication.start(vertx, simulator.clientPlant(),
                    ControllerOptions.defaults(data)).await(60, TimeUnit.SECONDS);
            assertTrue(BusRecorder.await(Duration.ofSeconds(30), () -> bus.samples.size() >= 300),
                    "samples flow: " + bus.samples.size());
            app.stop().await(60, TimeUnit.SECONDS);
            int published = bus.samples.size();
            Thread.sleep(300);
            assertEquals(published, bus.samples.size(), "nothing is published after the stop");

            // A sample is identified by line, signal and source time (µs in QuestDB).
            Set<String> distinct = bus.samples.stream()
                    .map(s -> s.line() + "|" + s.signal() + "|" + s.sourceTimeNanos() / 1000)
                    .collect(Collectors.toSet());
            try (QuestDbHistorian historian = QuestDbHistorian.open(data)) {
                assertEquals(distinct.size(), historian.countSamples("L1", 0, Long.MAX_VALUE),
                        "every published sample was stored by the stop");
            }
        } finally {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }
}
