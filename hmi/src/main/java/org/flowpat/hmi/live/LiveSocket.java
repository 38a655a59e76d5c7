package org.flowpat.hmi.live;

import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.flowpat.config.model.Plant;
import org.flowpat.controller.api.Sample;
import org.flowpat.hmi.api.ApiException;
import org.flowpat.hmi.api.SignalRef;

/**
 * One browser's live feed. The client sends {@code {"subscribe": ["L1/R1.temperature", "L1/*", ...]}} (each
 * message replaces the set); the server sends {@code {"type": "samples", "samples": [{signal, value, quality,
 * statusCode, time}, ...]}} every flush interval, only for subscribed signals.
 * <p>
 * Backpressure is drop-to-latest: between flushes only the newest sample per signal is kept, and a flush is
 * skipped while the socket's write queue is full, so a slow client sees fewer updates, never an unbounded queue.
 */
final class LiveSocket {
    static final int MAX_SUBSCRIPTIONS = 2_000;
    static final int MAX_MESSAGE_CHARS = 64 * 1024;

    private final ServerWebSocket socket;
    private final Plant plant;
    /** Written by the event-bus thread, drained by the socket's timer: guarded by this. */
    private final Map<String, Sample> pending = new LinkedHashMap<>();
    private volatile Set<String> signals = Set.of();
    private volatile Set<String> wholeLines = Set.of();
    private final Consumer<List<Sample>> listener = this::offer;
    private long dropped;

    LiveSocket(ServerWebSocket socket, Plant plant) {
        this.socket = socket;
        this.plant = plant;
    }

    Consumer<List<Sample>> listener() {
        return listener;
    }

    void onText(String text) {
        try {
            if (text.length() > MAX_MESSAGE_CHARS) {
                throw new ApiException(400, "message", "message longer than " + MAX_MESSAGE_CHARS + " characters");
            }
            JsonObject msg;
            JsonArray list;
            try {
                msg = new JsonObject(text);
                list = msg.getJsonArray("subscribe");
            } catch (RuntimeException e) {
                throw new ApiException(400, "message", "expected {\"subscribe\": [\"LINE/UNIT.signal\", ...]}");
            }
            if (list == null) {
                throw new ApiException(400, "subscribe", "subscribe: a list of LINE/UNIT.signal or LINE/* is required");
            }
            if (list.size() > MAX_SUBSCRIPTIONS) {
                throw new ApiException(400, "subscribe", "subscribe: at most " + MAX_SUBSCRIPTIONS + " signals");
            }
            subscribe(list);
        } catch (ApiException e) {
            socket.writeTextMessage(new JsonObject().put("type", "error").put("field", e.field())
                    .put("error", e.getMessage()).encode());
        }
    }

    private void subscribe(JsonArray list) {
        Set<String> exact = new HashSet<>();
        Set<String> lines = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String field = "subscribe[" + i + "]";
            if (!(list.getValue(i) instanceof String ref)) {
                throw ApiException.badField(field, "must be a string");
            }
            if (ref.endsWith("/*")) {
                String line = ref.substring(0, ref.length() - 2);
                if (plant.lines().stream().noneMatch(l -> l.id().equals(line))) {
                    throw ApiException.badField(field, "no line '" + line + "' in the plant");
                }
                lines.add(line);
            } else {
                exact.add(SignalRef.parse(plant, ref, field).key());
            }
        }
        signals = Set.copyOf(exact);
        wholeLines = Set.copyOf(lines);
        socket.writeTextMessage(new JsonObject().put("type", "subscribed")
                .put("signals", new JsonArray(new ArrayList<>(exact))).put("lines", new JsonArray(new ArrayList<>(lines)))
                .encode());
    }

    private void offer(List<Sample> samples) {
        Set<String> exact = signals;
        Set<String> lines = wholeLines;
        if (exact.isEmpty() && lines.isEmpty()) {
            return;
        }
        synchronized (this) {
            for (Sample s : samples) {
                String key = SignalRef.key(s.line(), s.signal());
                if (lines.contains(s.line()) || exact.contains(key)) {
                    if (pending.put(key, s) != null) {
                        dropped++;
                    }
                }
            }
        }
    }

    /** Sends what is pending unless the socket is still busy with the previous frame. */
    void flush() {
        if (socket.isClosed() || socket.writeQueueFull()) {
            return;
        }
        JsonArray out = new JsonArray();
        synchronized (this) {
            if (pending.isEmpty()) {
                return;
            }
            pending.forEach((key, s) -> out.add(SampleJson.of(s).put("signal", key)));
            pending.clear();
        }
        socket.writeTextMessage(new JsonObject().put("type", "samples").put("samples", out).encode());
    }

    synchronized long dropped() {
        return dropped;
    }

    /** Starts feeding the socket; the returned action stops it (call it when the socket closes). */
    static Runnable serve(Vertx vertx, ServerWebSocket socket, Plant plant, LiveValues live, long flushMillis) {
        LiveSocket client = new LiveSocket(socket, plant);
        live.addListener(client.listener());
        long timer = vertx.setPeriodic(flushMillis, id -> client.flush());
        socket.textMessageHandler(client::onText);
        return () -> {
            vertx.cancelTimer(timer);
            live.removeListener(client.listener());
        };
    }
}
