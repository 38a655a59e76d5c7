package org.flowpat.hmi.live;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.function.Function;

/**
 * The results (SPC, multivariate, PLS predictions) one socket sends at its next flush, all of them and in order,
 * since a chart needs each point; bounded, the oldest going first when a slow client lets it overflow. Filled by
 * the event-bus thread, drained by the socket's timer.
 */
final class ResultQueue<T> {
    private final ArrayDeque<T> queue = new ArrayDeque<>();
    private final int max;
    private final Function<T, JsonObject> json;
    private long dropped;

    ResultQueue(int max, Function<T, JsonObject> json) {
        this.max = max;
        this.json = json;
    }

    synchronized void offer(T result) {
        queue.addLast(result);
        while (queue.size() > max) {
            queue.removeFirst();
            dropped++;
        }
    }

    /** What is queued as JSON, in order; the queue is empty afterwards. */
    synchronized JsonArray drain() {
        JsonArray out = new JsonArray();
        queue.forEach(r -> out.add(json.apply(r)));
        queue.clear();
        return out;
    }

    synchronized long dropped() {
        return dropped;
    }
}
