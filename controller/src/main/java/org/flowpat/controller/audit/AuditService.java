package org.flowpat.controller.audit;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.flowpat.config.model.Plant;
import org.flowpat.controller.api.AuditAddresses;
import org.flowpat.controller.api.AuditEntry;
import org.flowpat.controller.api.AuditRequest;
import org.flowpat.controller.historian.Historian;
import org.flowpat.controller.quality.QualityCodecs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one writer of the audit chain. Serves {@link AuditAddresses#APPEND} ({@link AuditRequest} JSON → the entry
 * written, as JSON, once it is on disk; 400 naming the field for a bad request, 503 when it could not be made
 * durable) and {@link AuditAddresses#QUERY} ({@link AuditQuery} JSON → {@code {entries: [newest first], chain:
 * {valid, entries, firstBadSeq, message}}}, the chain status from re-reading and verifying the file). Each durable
 * entry is published as the record on {@link AuditAddresses#ENTRIES}, where the historian journals it.
 * <p>
 * Deployed as a worker verticle: file writes and flushes stay off the event loops, and Vert.x hands a worker
 * verticle one message at a time, which keeps a single, gap-free sequence whoever sends.
 */
public final class AuditService extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(AuditService.class);
    public static final int BAD_REQUEST = 400;
    public static final int UNAVAILABLE = 503;
    /** The trail's folder under the controller's data directory. */
    public static final String DIRECTORY = "audit";

    private final Path directory;
    private final HistorianCopy historianCopy;
    private final Plant plant;
    private final List<MessageConsumer<Object>> consumers = new ArrayList<>();
    private AuditTrail trail;

    /**
     * @param plant when not null, a configuration-load entry for it is written at start
     */
    public AuditService(Path directory, HistorianCopy historianCopy, Plant plant) {
        this.directory = directory;
        this.historianCopy = historianCopy;
        this.plant = plant;
    }

    /** Deploys the service as a worker for the controller: trail in {@code dataDir/audit}, configuration entry for the plant. */
    public static Future<String> deploy(Vertx vertx, Path dataDir, Historian historian, Plant plant) {
        return vertx.deployVerticle(new AuditService(dataDir.resolve(DIRECTORY), HistorianCopy.of(historian), plant),
                new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER));
    }

    @Override
    public Future<?> start() throws Exception {
        QualityCodecs.register(vertx.eventBus());
        trail = AuditTrail.open(directory, historianCopy);
        if (plant != null) {
            publish(trail.append(ConfigurationAudit.request(plant, trail.lastConfiguration())));
        }
        consumers.add(vertx.eventBus().consumer(AuditAddresses.APPEND, this::onAppend));
        consumers.add(vertx.eventBus().consumer(AuditAddresses.QUERY, this::onQuery));
        return Future.all(consumers.stream().map(MessageConsumer::completion).toList());
    }

    private void onAppend(Message<Object> message) {
        AuditRequest request;
        try {
            request = AuditRequests.parse(message.body());
        } catch (IllegalArgumentException e) {
            message.fail(BAD_REQUEST, "bad audit request: " + e.getMessage());
            return;
        }
        AuditEntry entry;
        try {
            entry = trail.append(request);
        } catch (Exception e) {
            LOG.error("audit entry not recorded ({} {} by {}): {}", request.action(), request.target(), request.user(),
                    e.getMessage());
            message.fail(UNAVAILABLE, "the audit trail could not record it: " + e.getMessage());
            return;
        }
        publish(entry);
        message.reply(AuditClient.toJson(entry));
    }

    private void publish(AuditEntry entry) {
        vertx.eventBus().publish(AuditAddresses.ENTRIES, entry);
    }

    private void onQuery(Message<Object> message) {
        AuditQuery query;
        try {
            query = AuditQuery.fromJson(message.body());
        } catch (IllegalArgumentException e) {
            message.fail(BAD_REQUEST, "bad audit query: " + e.getMessage());
            return;
        }
        try {
            AuditTrailFile content = AuditTrailFile.read(trail.file());
            JsonArray entries = new JsonArray();
            query.select(content.entries()).forEach(e -> entries.add(AuditClient.toJson(e)));
            message.reply(new JsonObject().put("entries", entries).put("chain", content.verify().toJson()));
        } catch (Exception e) {
            message.fail(UNAVAILABLE, "the audit trail could not be read: " + e.getMessage());
        }
    }

    /** The trail, for tests on the verticle's context. */
    AuditTrail trail() {
        return trail;
    }

    @Override
    public Future<?> stop() {
        return Future.all(consumers.stream().map(MessageConsumer::unregister).toList())
                .eventually(() -> {
                    if (trail != null) {
                        trail.close();
                    }
                    return Future.succeededFuture();
                });
    }
}
