package org.flowpat.controller.chemometrics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.flowpat.config.Plants;
import org.flowpat.config.model.Line;
import org.flowpat.config.model.OpcUaEndpoint;
import org.flowpat.config.model.Plant;
import org.flowpat.config.model.PlcConnection;
import org.flowpat.controller.ControllerApplication;
import org.flowpat.controller.ControllerOptions;
import org.flowpat.controller.api.Addresses;
import org.flowpat.controller.api.MultivariateResult;
import org.flowpat.controller.api.PatAddresses;
import org.flowpat.controller.api.PatPrediction;
import org.flowpat.controller.api.Sample;
import org.flowpat.controller.api.SampleBatch;
import org.flowpat.simulator.engine.EngineSettings;
import org.flowpat.simulator.engine.SimulationEngine;
import org.flowpat.simulator.modbus.SimulatorModbusServer;
import org.flowpat.simulator.opcua.OpcUaOptions;
import org.flowpat.simulator.opcua.SimulatorOpcUaServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole controller against the simulator's OPC UA and Modbus servers on loopback (20× real time, after 15
 * simulated minutes of warm-up): spectra arrive through acquisition and come out as PLS predictions that agree with
 * what the analyzer itself reports for the same scan, and the multivariate monitor publishes its observations.
 */
class PatPipelineTest {
    @TempDir
    Path dir;

    @Test
    void spectraFromTheAnalyzerBecomePredictionsThatAgreeWithItsOwnValues() throws Exception {
        Plant plant = Plants.bundled();
        Vertx vertx = Vertx.vertx();
        List<PatPrediction> predictions = new CopyOnWriteArrayList<>();
        List<MultivariateResult> multivariate = new CopyOnWriteArrayList<>();
        Map<Long, Double> reportedImpurity = new ConcurrentHashMap<>();
        vertx.eventBus().<PatPrediction>consumer(PatAddresses.PREDICTIONS, m -> predictions.add(m.body()));
        vertx.eventBus().<MultivariateResult>consumer(PatAddresses.MULTIVARIATE, m -> multivariate.add(m.body()));
        vertx.eventBus().<SampleBatch>consumer(Addresses.SAMPLES, m -> {
            for (Sample s : m.body().samples()) {
                if (s.signal().equals("AT1.impurity") && s.usable()) {
                    reportedImpurity.put(s.sourceTimeNanos(), s.value());
                }
            }
        });
        int opcUaPort = freePort();
        int modbusPort = freePort();
        try (SimulationEngine engine = new SimulationEngine(plant, null, EngineSettings.defaults().withTimeScale(20))) {
            SimulatorOpcUaServer[] server = new SimulatorOpcUaServer[1];
            engine.addListener((line, millis) -> {
                if (server[0] != null) {
                    server[0].namespace().afterStep(line, millis);
                }
            });
            engine.runFor(900);
            server[0] = SimulatorOpcUaServer.start(new OpcUaOptions("127.0.0.1", opcUaPort, dir.resolve("pki"), Map.of()),
                    engine.lines());
            try (SimulatorModbusServer modbus = SimulatorModbusServer.start("127.0.0.1", modbusPort, engine.lines())) {
                engine.start();
                ControllerApplication app = ControllerApplication.start(vertx,
                        pointedAt(plant, server[0].endpointUrl(), modbusPort),
                        ControllerOptions.defaults(dir.resolve("data"))).await(60, TimeUnit.SECONDS);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while ((predictions.size() < 12 || multivariate.size() < 6) && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                app.stop().await(60, TimeUnit.SECONDS);
            } finally {
                server[0].close();
            }
        } finally {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
        assertTrue(predictions.size() >= 12, "predictions: " + predictions.size());
        assertTrue(multivariate.size() >= 6, "multivariate results: " + multivariate.size());
        int compared = 0;
        double worst = 0;
        for (PatPrediction p : predictions) {
            Double reported = reportedImpurity.get(p.sourceTimeNanos());
            if (reported != null) {
                compared++;
                worst = Math.max(worst, Math.abs(p.cqas().get("impurity") - reported));
            }
        }
        System.out.printf("pipeline: %d predictions, %d matched to the analyzer's own impurity, worst difference %.3f %%;"
                + " %d multivariate results%n", predictions.size(), compared, worst, multivariate.size());
        assertTrue(compared >= 6, "matched " + compared);
        assertTrue(worst < 0.5, "PLS and the analyzer's own model agree on impurity within 0.5 %: " + worst);
    }

    private static Plant pointedAt(Plant plant, String opcUaUrl, int modbusPort) {
        return new Plant(plant.name(), plant.lines().stream().map(l -> pointedAt(l, opcUaUrl, modbusPort)).toList());
    }

    private static Line pointedAt(Line l, String opcUaUrl, int modbusPort) {
        OpcUaEndpoint o = l.opcua();
        return new Line(l.id(), l.name(), new OpcUaEndpoint(opcUaUrl, o.securityPolicy(), o.securityMode(), o.username(),
                o.password(), 100.0), new PlcConnection("modbus-tcp://127.0.0.1:" + modbusPort + "?default-unit-identifier=1",
                100.0), l.process(), l.units(), l.cqas(), l.quality());
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
