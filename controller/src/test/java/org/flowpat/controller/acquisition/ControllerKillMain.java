package org.flowpat.controller.acquisition;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.flowpat.config.Plants;
import org.flowpat.config.model.Line;
import org.flowpat.config.model.OpcUaEndpoint;
import org.flowpat.config.model.Plant;
import org.flowpat.controller.ControllerApplication;
import org.flowpat.controller.ControllerOptions;
import org.flowpat.controller.api.Addresses;
import org.flowpat.controller.api.SampleBatch;

/**
 * Child process of {@link ControllerKillTest}: the whole controller ({@link ControllerApplication}: acquisition,
 * quality, historian with its spool) acquiring the bundled line from the simulator into InfluxDB. Prints
 * {@code RUNNING} once started, then {@code PUBLISHED n} (samples seen on the bus so far) every 100 ms, until it is
 * killed.
 *
 * <p>Arguments: data directory, InfluxDB URL, OPC UA endpoint of the simulator.
 */
public final class ControllerKillMain {
    static final String DATABASE = "kill";

    private ControllerKillMain() {
    }

    /** The bundled line L1 read from {@code endpoint} every 100 ms, without its PLC (nothing listens there). */
    static Plant plant(String endpoint) throws org.flowpat.config.ConfigException {
        Line l = Plants.bundled().lines().get(0);
        OpcUaEndpoint o = l.opcua();
        Line line = new Line(l.id(), l.name(), new OpcUaEndpoint(endpoint, o.securityPolicy(), o.securityMode(),
                o.username(), o.password(), 100.0), null, l.process(), l.units(), l.cqas(), l.quality());
        return new Plant("kill test", java.util.List.of(line));
    }

    static ControllerOptions options(Path dataDir, String influxUrl) {
        return new ControllerOptions(dataDir, influxUrl, DATABASE, Duration.ofSeconds(30), null);
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        Vertx vertx = Vertx.vertx();
        AtomicLong published = new AtomicLong();
        vertx.eventBus().<SampleBatch>localConsumer(Addresses.SAMPLES, m -> published.addAndGet(m.body().samples().size()));
        ControllerApplication.start(vertx, plant(args[2]), options(dataDir, args[1])).await(60, TimeUnit.SECONDS);
        System.out.println("RUNNING");
        while (true) { // until SIGKILL
            System.out.println("PUBLISHED " + published.get());
            System.out.flush();
            Thread.sleep(100);
        }
    }
}
