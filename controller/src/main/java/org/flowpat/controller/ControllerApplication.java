package org.flowpat.controller;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.flowpat.config.model.Line;
import org.flowpat.config.model.Plant;
import org.flowpat.controller.acquisition.Acquisition;
import org.flowpat.controller.api.codec.ControllerCodecs;
import org.flowpat.controller.control.SetpointService;
import org.flowpat.controller.api.Addresses;
import org.flowpat.controller.api.Sample;
import org.flowpat.controller.api.SampleBatch;
import org.flowpat.controller.diversion.DiversionVerticle;
import org.flowpat.controller.diversion.SourceClock;
import org.flowpat.controller.historian.Historian;
import org.flowpat.controller.historian.HistorianVerticle;
import org.flowpat.controller.historian.TrendQueryService;
import org.flowpat.controller.historian.influx.InfluxHistorian;
import org.flowpat.controller.historian.questdb.QuestDbHistorian;
import org.flowpat.controller.linestate.LineStateVerticle;
import org.flowpat.controller.quality.QualityVerticle;
import org.flowpat.controller.spool.SpoolConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The controller process: historian first (so the spool listens before the first sample is published), then
 * acquisition, then per line the quality monitor (SPC and alarms), the line state machine and the diversion
 * planner (which commands the diverter through acquisition). Stopping goes the other way: quality verticles,
 * acquisition, then the historian drains its spool to the database and closes.
 */
public final class ControllerApplication {
    private static final Logger LOG = LoggerFactory.getLogger(ControllerApplication.class);
    /** How long an acting PackML state (Starting, Stopping, ...) lasts before it completes. */
    private static final long LINE_STATE_ACTING_MS = 2_000;
    /** How often the diversion planner decides. */
    private static final long DIVERSION_TICK_MS = 1_000;

    private final Vertx vertx;
    private final Historian historian;
    private final String historianDeployment;
    private final Acquisition acquisition;
    private final List<String> lineDeployments;

    private ControllerApplication(Vertx vertx, Historian historian, String historianDeployment,
                                  Acquisition acquisition, List<String> lineDeployments) {
        this.vertx = vertx;
        this.historian = historian;
        this.historianDeployment = historianDeployment;
        this.acquisition = acquisition;
        this.lineDeployments = List.copyOf(lineDeployments);
    }

    public static Future<ControllerApplication> start(Vertx vertx, Plant plant, ControllerOptions options) {
        ControllerCodecs.register(vertx.eventBus());
        return vertx.executeBlocking(() -> {
            Files.createDirectories(options.dataDir());
            return openHistorian(options);
        }).compose(historian -> {
            HistorianVerticle verticle = new HistorianVerticle(historian,
                    SpoolConfig.defaults(options.dataDir().resolve("spool")), options.drainTimeout());
            return vertx.deployVerticle(verticle, new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER))
                    .compose(id -> Acquisition.start(vertx, plant, options.acquisition())
                            .compose(acquisition -> deployLineVerticles(vertx, plant, historian, acquisition)
                                    .map(lineIds -> new ControllerApplication(vertx, historian, id, acquisition, lineIds))
                                    .recover(e -> acquisition.stop().transform(ar -> Future.failedFuture(e))))
                            .recover(e -> vertx.undeploy(id).transform(ar -> {
                                closeQuietly(historian);
                                return Future.failedFuture(e);
                            })))
                    .onFailure(e -> closeQuietly(historian));
        }).onSuccess(app -> LOG.info("controller running for plant '{}', data in {}", plant.name(),
                options.dataDir().toAbsolutePath()));
    }

    /**
     * The services the HMI asks (trends, setpoints), then per line: quality monitoring, line state and diversion.
     * Deployed in order, so a failure names its line.
     */
    private static Future<List<String>> deployLineVerticles(Vertx vertx, Plant plant, Historian historian,
                                                            Acquisition acquisition) {
        List<String> ids = new ArrayList<>();
        Future<Void> chain = vertx.deployVerticle(new TrendQueryService(historian)).map(ids::add).mapEmpty()
                .compose(v -> vertx.deployVerticle(new SetpointService(plant, acquisition))).map(ids::add).mapEmpty();
        for (Line line : plant.lines()) {
            chain = chain
                    .compose(v -> vertx.deployVerticle(new QualityVerticle(line))).map(ids::add).mapEmpty()
                    .compose(v -> vertx.deployVerticle(new LineStateVerticle(line, LINE_STATE_ACTING_MS))).map(ids::add).mapEmpty()
                    .compose(v -> vertx.deployVerticle(new DiversionVerticle(line, acquisition.line(line.id()),
                            sourceClock(vertx, line.id()), DIVERSION_TICK_MS))).map(ids::add).mapEmpty();
        }
        return chain.map(v -> ids).recover(e -> undeployAll(vertx, ids).transform(ar -> Future.failedFuture(e)));
    }

    /** The line's data time (newest source timestamp), which material decisions run on. */
    private static SourceClock sourceClock(Vertx vertx, String lineId) {
        SourceClock clock = SourceClock.wall();
        vertx.eventBus().<SampleBatch>localConsumer(Addresses.SAMPLES, m -> {
            for (Sample s : m.body().samples()) {
                if (lineId.equals(s.line())) {
                    clock.observe(s.sourceTimeNanos());
                }
            }
        });
        return clock;
    }

    private static Future<Void> undeployAll(Vertx vertx, List<String> ids) {
        List<Future<Void>> undeployed = new ArrayList<>();
        for (int i = ids.size() - 1; i >= 0; i--) {
            undeployed.add(vertx.undeploy(ids.get(i)));
        }
        return Future.join(undeployed).mapEmpty();
    }

    private static Historian openHistorian(ControllerOptions options) throws Exception {
        if (options.influxUrl() != null) {
            return new InfluxHistorian(options.influxUrl(), options.influxDatabase());
        }
        return QuestDbHistorian.open(options.dataDir());
    }

    public Acquisition acquisition() {
        return acquisition;
    }

    public Historian historian() {
        return historian;
    }

    /** The line verticles and acquisition stop first, then the historian's spool is drained (bounded) and the database closed. */
    public Future<Void> stop() {
        return undeployAll(vertx, lineDeployments)
                .transform(ar -> acquisition.stop())
                .transform(ar -> {
                    if (ar.failed()) {
                        LOG.warn("stopping acquisition: {}", ar.cause().getMessage());
                    }
                    return vertx.undeploy(historianDeployment);
                })
                .transform(ar -> {
                    if (ar.failed()) {
                        LOG.warn("stopping the historian: {}", ar.cause().getMessage());
                    }
                    return vertx.<Void>executeBlocking(() -> {
                        closeQuietly(historian);
                        LOG.info("controller stopped");
                        return null;
                    });
                });
    }

    private static void closeQuietly(Historian historian) {
        try {
            historian.close();
        } catch (Exception e) {
            LOG.warn("closing {}: {}", historian.describe(), e.getMessage());
        }
    }
}
