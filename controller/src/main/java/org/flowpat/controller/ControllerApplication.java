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
import org.flowpat.controller.audit.AuditService;
import org.flowpat.controller.chemometrics.ChemometricsVerticle;
import org.flowpat.controller.control.LoopVerticle;
import org.flowpat.controller.control.SetpointService;
import org.flowpat.controller.control.SupervisoryVerticle;
import org.flowpat.controller.lots.LotContextWriter;
import org.flowpat.controller.lots.LotService;
import org.flowpat.controller.lots.LotVerticle;
import org.flowpat.controller.multivariate.MultivariateVerticle;
import org.flowpat.controller.diversion.DiversionVerticle;
import org.flowpat.controller.diversion.SourceClock;
import org.flowpat.controller.historian.Historian;
import org.flowpat.controller.historian.HistorianVerticle;
import org.flowpat.controller.historian.JournalQueryService;
import org.flowpat.controller.historian.TrendQueryService;
import org.flowpat.controller.historian.influx.InfluxHistorian;
import org.flowpat.controller.historian.questdb.QuestDbHistorian;
import org.flowpat.controller.linestate.LineStateVerticle;
import org.flowpat.controller.quality.QualityVerticle;
import org.flowpat.controller.spool.SpoolConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The controller process: historian first (so the spool listens before the first sample is published), the audit
 * trail (it records the configuration, and everything after it may audit), then acquisition, the plant-wide services
 * the HMI asks (trends, journal history, lots, setpoints), then per line the quality monitor (SPC and alarms), the
 * line state machine, the lot tracker, PLS predictions, multivariate monitoring, the supervisory loops and the
 * diversion planner (which commands the diverter through acquisition). Stopping goes the other way: line and service
 * verticles, the audit trail, acquisition, then the historian drains its spool to the database and closes.
 */
public final class ControllerApplication {
    private static final Logger LOG = LoggerFactory.getLogger(ControllerApplication.class);
    /** How long an acting PackML state (Starting, Stopping, ...) lasts before it completes. */
    private static final long LINE_STATE_ACTING_MS = 2_000;
    /** How often the diversion planner decides while no data arrives (it decides on every verdict and batch too). */
    private static final long DIVERSION_TICK_MS = 1_000;
    /** How often the PID loops' status is published (it is also published on every change). */
    private static final long LOOP_STATUS_MS = 1_000;
    /** Data time after a lot's end by which the diverter's handling of its last material is known. */
    private static final long LOT_SETTLE_NANOS = 60_000_000_000L;
    /** Host time without new data after which closed lots are finished with what is known. */
    private static final long LOT_STALE_MS = 30_000;

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
                    // the audit trail next: it records the configuration, and every later component may audit
                    .compose(id -> AuditService.deploy(vertx, options.dataDir(), historian, plant)
                            .compose(auditId -> Acquisition.start(vertx, plant, options.acquisition())
                                    .compose(acquisition -> deployLineVerticles(vertx, plant, historian, acquisition)
                                            // stopped with the line verticles, before acquisition and the historian
                                            .map(lineIds -> new ControllerApplication(vertx, historian, id, acquisition,
                                                    withFirst(auditId, lineIds)))
                                            .recover(e -> acquisition.stop().transform(ar -> Future.failedFuture(e))))
                                    .recover(e -> vertx.undeploy(auditId).transform(ar -> Future.failedFuture(e))))
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
        List<String> lineIds = plant.lines().stream().map(Line::id).toList();
        Future<Void> chain = vertx.deployVerticle(new TrendQueryService(historian)).map(ids::add).mapEmpty()
                .compose(v -> vertx.deployVerticle(new JournalQueryService(historian))).map(ids::add).mapEmpty()
                .compose(v -> vertx.deployVerticle(new LotService(lineIds, historian))).map(ids::add).mapEmpty()
                .compose(v -> vertx.deployVerticle(new SetpointService(plant, acquisition))).map(ids::add).mapEmpty();
        for (Line line : plant.lines()) {
            // Verticles for parts a line's plant file leaves out (chemometrics, multivariate, supervisory) idle.
            chain = chain
                    .compose(v -> vertx.deployVerticle(new QualityVerticle(line))).map(ids::add).mapEmpty()
                    .compose(v -> vertx.deployVerticle(new LineStateVerticle(line, LINE_STATE_ACTING_MS))).map(ids::add).mapEmpty()
                    .compose(v -> vertx.deployVerticle(new LotVerticle(line, lotContext(line, acquisition), LOT_SETTLE_NANOS, LOT_STALE_MS))).map(ids::add).mapEmpty()
                    .compose(v -> vertx.deployVerticle(new ChemometricsVerticle(line))).map(ids::add).mapEmpty()
                    .compose(v -> vertx.deployVerticle(new MultivariateVerticle(line))).map(ids::add).mapEmpty()
                    .compose(v -> vertx.deployVerticle(new SupervisoryVerticle(line))).map(ids::add).mapEmpty()
                    .compose(v -> vertx.deployVerticle(new LoopVerticle(line, acquisition.line(line.id()),
                            LOOP_STATUS_MS))).map(ids::add).mapEmpty()
                    .compose(v -> vertx.deployVerticle(new DiversionVerticle(line, acquisition.line(line.id()),
                            SourceClock.wall(), DIVERSION_TICK_MS))).map(ids::add).mapEmpty();
        }
        return chain.map(v -> ids).recover(e -> undeployAll(vertx, ids).transform(ar -> Future.failedFuture(e)));
    }

    /** Writes the open lot's id to the analyzer's context node, when the plant file names one. */
    private static LotContextWriter lotContext(Line line, Acquisition acquisition) {
        String nodeId = line.quality().lots().contextNodeId();
        return nodeId == null ? null : lotId -> acquisition.line(line.id()).writeText(nodeId, lotId);
    }

    private static List<String> withFirst(String first, List<String> rest) {
        List<String> all = new ArrayList<>(rest.size() + 1);
        all.add(first);
        all.addAll(rest);
        return all;
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
