package org.flowpat.controller.historian;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.flowpat.controller.api.HmiAddresses;
import org.flowpat.controller.api.Quality;
import org.flowpat.controller.api.Sample;
import org.flowpat.controller.api.TrendPoint;
import org.flowpat.controller.api.TrendQuery;
import org.flowpat.controller.api.TrendSeries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers {@link TrendQuery} requests on {@link HmiAddresses#TRENDS} from the {@link Historian}'s read side:
 * raw samples or min/mean/max buckets. Reads block on the database, so they run on worker threads (unordered:
 * one slow long-range query does not hold up the others). A bad query fails with {@link #BAD_QUERY} and a
 * message naming the problem; a database failure with {@link #UNAVAILABLE}. The historian belongs to the caller.
 */
public final class TrendQueryService extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(TrendQueryService.class);
    public static final int BAD_QUERY = 400;
    public static final int UNAVAILABLE = 503;

    private final Historian historian;
    private MessageConsumer<Object> consumer;

    public TrendQueryService(Historian historian) {
        this.historian = Objects.requireNonNull(historian, "historian");
    }

    @Override
    public Future<?> start() {
        consumer = vertx.eventBus().consumer(HmiAddresses.TRENDS, this::answer);
        return consumer.completion();
    }

    private void answer(Message<Object> message) {
        TrendQuery query;
        try {
            if (!(message.body() instanceof JsonObject json)) {
                throw new IllegalArgumentException("a trend query is a JSON object, got "
                        + (message.body() == null ? "nothing" : message.body().getClass().getSimpleName()));
            }
            query = TrendQuery.fromJson(json);
            if (!query.raw()) {
                Historian.bucketMillis(Duration.ofMillis(query.stepMillis()));
            }
        } catch (IllegalArgumentException e) {
            message.fail(BAD_QUERY, e.getMessage());
            return;
        }
        vertx.executeBlocking(() -> read(query), false).onComplete(ar -> {
            if (ar.succeeded()) {
                message.reply(ar.result().toJson());
            } else {
                LOG.warn("trend query {} failed: {}", query, ar.cause().toString());
                message.fail(UNAVAILABLE, "historian read failed: " + ar.cause().getMessage());
            }
        });
    }

    /** Reads one query; raw rows beyond maxPoints are cut from the old end, since the newest matter most on a trend. */
    TrendSeries read(TrendQuery q) throws HistorianException {
        List<TrendPoint> points = new ArrayList<>();
        boolean truncated = false;
        if (q.raw()) {
            List<Sample> samples = historian.raw(q.line(), q.signal(), q.fromNanos(), q.toNanos());
            truncated = samples.size() > q.maxPoints();
            for (Sample s : samples.subList(Math.max(0, samples.size() - q.maxPoints()), samples.size())) {
                points.add(new TrendPoint(s.sourceTimeNanos(), s.value(), s.value(), s.value(), 1, s.statusCode()));
            }
        } else {
            List<TrendBucket> buckets = historian.downsampled(q.line(), q.signal(), q.fromNanos(), q.toNanos(),
                    Duration.ofMillis(q.stepMillis()));
            truncated = buckets.size() > q.maxPoints();
            for (TrendBucket b : buckets.subList(Math.max(0, buckets.size() - q.maxPoints()), buckets.size())) {
                points.add(new TrendPoint(b.startNanos(), b.mean(), b.min(), b.max(), b.count(), Quality.GOOD_CODE));
            }
        }
        return new TrendSeries(q, points, truncated);
    }

    @Override
    public Future<?> stop() {
        return consumer == null ? Future.succeededFuture() : consumer.unregister();
    }
}
