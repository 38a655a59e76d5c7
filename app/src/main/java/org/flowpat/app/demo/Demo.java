package org.flowpat.app.demo;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.flowpat.config.model.Plant;
import org.flowpat.controller.ControllerApplication;
import org.flowpat.controller.ControllerOptions;
import org.flowpat.controller.acquisition.AcquisitionOptions;
import org.flowpat.controller.acquisition.SourcePreference;
import org.flowpat.hmi.HmiOptions;
import org.flowpat.hmi.HmiServer;
import org.flowpat.hmi.auth.Users;
import org.flowpat.simulator.server.SimulatorOptions;
import org.flowpat.simulator.server.SimulatorServer;

/**
 * The demo system in one JVM: simulator (Milo OPC UA server, Modbus TCP server), controller (Milo client, PLC4X,
 * historian, quality, diversion), the simulator's fault service and the HMI (Vert.x web). Started in that order
 * and closed in reverse.
 */
public final class Demo implements AutoCloseable {
    private final SimulatorServer simulator;
    private final Vertx vertx;
    private final ControllerApplication controller;
    private final HmiServer hmi;
    private final Plant plant;

    private Demo(SimulatorServer simulator, Vertx vertx, ControllerApplication controller, HmiServer hmi, Plant plant) {
        this.simulator = simulator;
        this.vertx = vertx;
        this.controller = controller;
        this.hmi = hmi;
        this.plant = plant;
    }

    /**
     * @param influxUrl InfluxDB URL, or null for the embedded QuestDB under {@code dataDir/controller}
     * @param source    which path signals with both a node id and a PLC tag are read over
     */
    public static Demo start(SimulatorOptions simulatorOptions, Path dataDir, String influxUrl, String influxDb,
                             int httpPort, SourcePreference source) throws Exception {
        SimulatorServer simulator = SimulatorServer.start(simulatorOptions);
        Plant plant = DemoPlant.of(simulatorOptions.plant(), simulator);
        Vertx vertx = Vertx.vertx();
        try {
            Path controllerDir = dataDir.resolve("controller");
            ControllerOptions options = new ControllerOptions(controllerDir, influxUrl, influxDb, null,
                    AcquisitionOptions.defaults(controllerDir).withSourcePreference(source));
            ControllerApplication controller = ControllerApplication.start(vertx, plant, options).await(60, TimeUnit.SECONDS);
            vertx.deployVerticle(new SimulatorFaultService(simulator.lines().get(0))).await(10, TimeUnit.SECONDS);
            HmiServer hmi = HmiServer.start(vertx, HmiOptions.of(plant, Users.demo(), httpPort, true))
                    .await(30, TimeUnit.SECONDS);
            return new Demo(simulator, vertx, controller, hmi, plant);
        } catch (Exception e) {
            vertx.close().await(10, TimeUnit.SECONDS);
            simulator.close();
            throw e;
        }
    }

    public SimulatorServer simulator() {
        return simulator;
    }

    public ControllerApplication controller() {
        return controller;
    }

    public Plant plant() {
        return plant;
    }

    public int httpPort() {
        return hmi.port();
    }

    /** HMI, then controller (its spool drains to the historian), then Vert.x, then the simulator. */
    @Override
    public void close() throws Exception {
        try {
            hmi.close().await(10, TimeUnit.SECONDS);
            controller.stop().await(30, TimeUnit.SECONDS);
            vertx.close().await(10, TimeUnit.SECONDS);
        } finally {
            simulator.close();
        }
    }
}
