package org.flowpat.hmi;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.flowpat.config.Plants;
import org.flowpat.config.model.Line;
import org.flowpat.config.model.LotBasis;
import org.flowpat.config.model.LotSettings;
import org.flowpat.config.model.OpcUaEndpoint;
import org.flowpat.config.model.Plant;
import org.flowpat.config.model.PlcConnection;
import org.flowpat.config.model.QualitySettings;
import org.flowpat.controller.ControllerApplication;
import org.flowpat.controller.ControllerOptions;
import org.flowpat.hmi.auth.Users;
import org.flowpat.simulator.server.SimulatorOptions;
import org.flowpat.simulator.server.SimulatorServer;

/**
 * What the browser tests run against: the bundled plant simulated at 30× real time, the whole controller reading
 * it with a 200 ms publishing interval (so pages update quickly), the demo fault service and the HMI in demo mode.
 * Closed in reverse order.
 */
final class RunningPlant implements AutoCloseable {
    private final Vertx vertx;
    private final SimulatorServer simulator;
    private ControllerApplication controller;
    private HmiServer hmi;

    private RunningPlant(Vertx vertx, SimulatorServer simulator) {
        this.vertx = vertx;
        this.simulator = simulator;
    }

    static RunningPlant start(Path dir) throws Exception {
        return start(dir, null);
    }

    /** @param lotMinutes lots of this many minutes of data time on every line, or null for the plant file's lots */
    static RunningPlant start(Path dir, Double lotMinutes) throws Exception {
        Plant plant = Plants.bundled();
        RunningPlant running = new RunningPlant(Vertx.vertx(), SimulatorServer.start(
                SimulatorOptions.defaults(plant, dir.resolve("sim")).withPorts(0, 0).withTimeScale(30).withLines(null, 2.0)));
        try {
            running.controller = ControllerApplication.start(running.vertx, pointedAt(plant, running.simulator, lotMinutes),
                    ControllerOptions.defaults(dir.resolve("controller"))).await(60, TimeUnit.SECONDS);
            running.vertx.deployVerticle(new FaultInjector(running.simulator.lines().get(0))).await(10, TimeUnit.SECONDS);
            running.hmi = HmiServer.start(running.vertx, HmiOptions.of(plant, Users.demo(), 0, true))
                    .await(10, TimeUnit.SECONDS);
            return running;
        } catch (Exception e) {
            running.close();
            throw e;
        }
    }

    String url() {
        return hmi.url();
    }

    /** A second HMI on the same event bus, as after an HMI restart: it knows the past only from the historian. */
    HmiServer startAnotherHmi() throws Exception {
        return HmiServer.start(vertx, HmiOptions.of(Plants.bundled(), Users.demo(), 0, true)).await(10, TimeUnit.SECONDS);
    }

    /** The plant's lines at the simulator's ports, publishing every 200 ms, with time-based lots if asked. */
    private static Plant pointedAt(Plant plant, SimulatorServer simulator, Double lotMinutes) {
        List<Line> lines = plant.lines().stream().map(l -> {
            OpcUaEndpoint o = l.opcua();
            QualitySettings q = l.quality();
            if (lotMinutes != null) {
                LotSettings old = q.lots();
                LotSettings lots = new LotSettings(LotBasis.TIME, lotMinutes, old.idPrefix(), old.productMass(),
                        old.wasteMass(), old.inputMasses());
                q = new QualitySettings(q.charts(), q.alarms(), q.loops(), q.interlocks(), q.diversion(), lots,
                        q.release(), q.multivariate(), q.chemometrics(), q.supervisory());
            }
            return new Line(l.id(), l.name(), new OpcUaEndpoint(simulator.opcUaEndpoint(), o.securityPolicy(),
                    o.securityMode(), o.username(), o.password(), 200.0),
                    new PlcConnection(simulator.modbusUrl() + "?default-unit-identifier=1", 200.0), l.process(), l.units(),
                    l.cqas(), q);
        }).toList();
        return new Plant(plant.name(), lines, plant.users());
    }

    @Override
    public void close() throws Exception {
        try {
            if (hmi != null) {
                hmi.close().await(10, TimeUnit.SECONDS);
            }
            if (controller != null) {
                controller.stop().await(60, TimeUnit.SECONDS);
            }
        } finally {
            simulator.close();
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }
}
