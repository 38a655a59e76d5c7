package org.flowpat.hmi.lines;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.flowpat.config.model.Line;
import org.flowpat.config.model.Plant;
import org.flowpat.controller.api.HmiAddresses;
import org.flowpat.controller.api.LineStateChange;
import org.flowpat.controller.api.QualityAddresses;
import org.flowpat.controller.api.codec.JournalJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each line's newest PackML state change: heard on {@link QualityAddresses#LINE_STATE}, and at start read from the
 * historian's journal ({@link HmiAddresses#LINE_STATE_HISTORY}), so a restarted HMI knows a state set before it.
 * A journaled change never replaces a newer one heard live.
 */
public final class LineStates {
    private static final Logger LOG = LoggerFactory.getLogger(LineStates.class);
    /** How far back the start-up read looks; a line keeps its state for a long time. */
    static final long LOOKBACK_NANOS = 366L * 24 * 3_600_000_000_000L;
    private final Map<String, LineStateChange> latest = new ConcurrentHashMap<>();
    private MessageConsumer<Object> consumer;

    public Future<Void> start(Vertx vertx, Plant plant) {
        consumer = vertx.eventBus().consumer(QualityAddresses.LINE_STATE, m -> {
            if (m.body() instanceof LineStateChange c) {
                accept(c);
            }
        });
        List<Future<?>> reads = new ArrayList<>();
        long now = System.currentTimeMillis() * 1_000_000L;
        for (Line line : plant.lines()) {
            // the upper end lies far ahead: a simulated line may run faster than the wall clock
            JsonObject q = new JsonObject().put("line", line.id()).put("fromNanos", now - LOOKBACK_NANOS)
                    .put("toNanos", now + LOOKBACK_NANOS).put("limit", 1);
            reads.add(vertx.eventBus().<JsonObject>request(HmiAddresses.LINE_STATE_HISTORY, q,
                            new DeliveryOptions().setSendTimeout(10_000))
                    .onSuccess(m -> {
                        JsonArray changes = m.body().getJsonArray("changes", new JsonArray());
                        for (Object o : changes) {
                            accept(JournalJson.read(((JsonObject) o).encode(), LineStateChange.class));
                        }
                    })
                    .onFailure(e -> LOG.info("no line state history for {}: {}", line.id(), e.getMessage())));
        }
        // a missing history is not fatal: the state is then known from the next change
        return Future.join(reads).transform(ar -> consumer.completion());
    }

    public void accept(LineStateChange change) {
        latest.merge(change.line(), change, (old, now) -> now.timeNanos() >= old.timeNanos() ? now : old);
    }

    /** The newest change of the line, or null when none is known. */
    public LineStateChange latest(String line) {
        return latest.get(line);
    }

    public void stop() {
        if (consumer != null) {
            consumer.unregister();
        }
    }
}
