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
import org.flowpat.controller.api.MultivariateResult;
import org.flowpat.controller.api.PatPrediction;
import org.flowpat.controller.api.SpcResult;
import org.flowpat.hmi.api.ApiException;
import org.flowpat.hmi.api.SignalRef;
import org.flowpat.hmi.api.SpcJson;

/**
 * One browser's live feed. The client sends {@code {"subscribe": ["L1/R1.temperature", "L1/*", ...]}} (each
 * message replaces the set); the server sends {@code {"type": "samples", "samples": [{signal, value, quality,
 * statusCode, time}, ...]}} every flush interval, only for subscribed signals. A {@code "spc": ["L1/purity", "L1/*"]}
 * list in the same message subscribes to control-chart results: {@code {"type": "spc", "results": [...]}}, every
 * result in order (a chart needs each point), at most {@value #MAX_SPC_PENDING} between flushes (oldest dropped);
 * likewise {@code "multivariate": ["L1"]} for a line's T²/SPE results ({@code {"type": "multivariate", ...}}) and
 * its PLS predictions ({@code {"type": "pat", ...}}).
 * <p>
 * Backpressure is drop-to-latest: between flushes only the newest sample per signal is kept, and a flush is
 * skipped while the socket's write queue is full, so a slow client sees fewer updates, never an unbounded queue.
 */
final class LiveSocket {
    static final int MAX_SUBSCRIPTIONS = 2_000;
    static final int MAX_MESSAGE_CHARS = 64 * 1024;
    static final int MAX_SPC_PENDING = 1_000;
    /**
     * Samples per message: a burst (a line catching up, a whole plant stepping at once) goes out as several
     * messages of at most about 25 KB, below the 64 KB frame limit WebSocket clients commonly enforce.
     */
    static final int MAX_SAMPLES_PER_MESSAGE = 256;

    private final ServerWebSocket socket;
    private final Plant plant;
    /** Written by the event-bus thread, drained by the socket's timer: guarded by this. */
    private final Map<String, LiveSample> pending = new LinkedHashMap<>();
    private volatile Set<String> signals = Set.of();
    private volatile Set<String> wholeLines = Set.of();
    private final Consumer<List<LiveSample>> listener = this::offer;
    private long dropped;
    private final ResultQueue<SpcResult> spc = new ResultQueue<>(MAX_SPC_PENDING, SpcJson::of);
    private final ResultQueue<MultivariateResult> multivariate = new ResultQueue<>(MAX_SPC_PENDING, SpcJson::of);
    private final ResultQueue<PatPrediction> predictions = new ResultQueue<>(MAX_SPC_PENDING, SpcJson::of);
    /** CQAs followed as LINE/cqa, whole lines' CQAs, and lines whose multivariate results and predictions are followed. */
    private volatile Set<String> spcCqas = Set.of();
    private volatile Set<String> spcLines = Set.of();
    private volatile Set<String> mvLines = Set.of();
    private final Consumer<SpcResult> spcListener = r -> {
        if (spcLines.contains(r.line()) || spcCqas.contains(SpcFeed.key(r.line(), r.cqa()))) {
            spc.offer(r);
        }
    };
    private final Consumer<MultivariateResult> mvListener = r -> {
        if (mvLines.contains(r.line())) {
            multivariate.offer(r);
        }
    };
    private final Consumer<PatPrediction> patListener = p -> {
        if (mvLines.contains(p.line())) {
            predictions.offer(p);
        }
    };

    LiveSocket(ServerWebSocket socket, Plant plant) {
        this.socket = socket;
        this.plant = plant;
    }

    Consumer<List<LiveSample>> listener() {
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
            JsonArray cqaList = list(msg, "spc", "LINE/cqa or LINE/*");
            JsonArray mvList = list(msg, "multivariate", "line ids");
            if (list == null && cqaList == null && mvList == null) {
                throw new ApiException(400, "subscribe", "subscribe: a list of LINE/UNIT.signal or LINE/* is required");
            }
            if (list != null && list.size() > MAX_SUBSCRIPTIONS) {
                throw new ApiException(400, "subscribe", "subscribe: at most " + MAX_SUBSCRIPTIONS + " signals");
            }
            // everything is checked before anything changes: a refused message leaves the subscription as it was
            FollowedCqas cqas = parseSpc(cqaList == null ? new JsonArray() : cqaList);
            Set<String> mvIds = parseLines(mvList == null ? new JsonArray() : mvList);
            subscribe(list == null ? new JsonArray() : list, () -> {
                spcCqas = cqas.cqas();
                spcLines = cqas.lines();
                mvLines = mvIds;
            });
        } catch (ApiException e) {
            socket.writeTextMessage(new JsonObject().put("type", "error").put("field", e.field())
                    .put("error", e.getMessage()).encode());
        }
    }

    private static JsonArray list(JsonObject msg, String field, String what) {
        JsonArray list;
        try {
            list = msg.getJsonArray(field);
        } catch (RuntimeException e) {
            throw new ApiException(400, field, field + ": a list of " + what + " is expected");
        }
        if (list != null && list.size() > MAX_SUBSCRIPTIONS) {
            throw new ApiException(400, field, field + ": at most " + MAX_SUBSCRIPTIONS + " entries");
        }
        return list;
    }

    /** @param alsoApply the other subscriptions' new sets, set together with the signals' once all are valid */
    private void subscribe(JsonArray list, Runnable alsoApply) {
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
        alsoApply.run();
        socket.writeTextMessage(new JsonObject().put("type", "subscribed")
                .put("signals", new JsonArray(new ArrayList<>(exact))).put("lines", new JsonArray(new ArrayList<>(lines)))
                .encode());
    }

    /** CQAs followed one by one ({@code LINE/cqa} keys) and lines whose every CQA is followed. */
    private record FollowedCqas(Set<String> cqas, Set<String> lines) {
    }

    private FollowedCqas parseSpc(JsonArray list) {
        Set<String> cqas = new HashSet<>();
        Set<String> lines = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String field = "spc[" + i + "]";
            if (!(list.getValue(i) instanceof String ref) || ref.indexOf('/') < 1) {
                throw ApiException.badField(field, "must be LINE/cqa or LINE/*");
            }
            String lineId = ref.substring(0, ref.indexOf('/'));
            String cqa = ref.substring(ref.indexOf('/') + 1);
            var line = plant.lines().stream().filter(l -> l.id().equals(lineId)).findFirst()
                    .orElseThrow(() -> ApiException.badField(field, "no line '" + lineId + "' in the plant"));
            if (cqa.equals("*")) {
                lines.add(lineId);
            } else if (line.cqas().stream().anyMatch(c -> c.id().equals(cqa))) {
                cqas.add(SpcFeed.key(lineId, cqa));
            } else {
                throw ApiException.badField(field, "no CQA '" + cqa + "' in line " + lineId);
            }
        }
        return new FollowedCqas(Set.copyOf(cqas), Set.copyOf(lines));
    }

    private Set<String> parseLines(JsonArray list) {
        Set<String> lines = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            Object v = list.getValue(i);
            if (!(v instanceof String id) || plant.lines().stream().noneMatch(l -> l.id().equals(id))) {
                throw ApiException.badField("multivariate[" + i + "]", "no line '" + v + "' in the plant");
            }
            lines.add(id);
        }
        return Set.copyOf(lines);
    }

    private void offer(List<LiveSample> samples) {
        Set<String> exact = signals;
        Set<String> lines = wholeLines;
        if (exact.isEmpty() && lines.isEmpty()) {
            return;
        }
        synchronized (this) {
            for (LiveSample s : samples) {
                if (lines.contains(s.sample().line()) || exact.contains(s.key())) {
                    if (pending.put(s.key(), s) != null) {
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
        List<LiveSample> out;
        synchronized (this) {
            out = pending.isEmpty() ? List.of() : new ArrayList<>(pending.values());
            pending.clear();
        }
        for (int from = 0; from < out.size(); from += MAX_SAMPLES_PER_MESSAGE) {
            socket.writeTextMessage(samplesFrame(out.subList(from, Math.min(out.size(), from + MAX_SAMPLES_PER_MESSAGE))));
        }
        send("spc", spc.drain());
        send("multivariate", multivariate.drain());
        send("pat", predictions.drain());
    }

    /** {@code {"type": "samples", "samples": [...]}} from the samples' shared encodings. */
    static String samplesFrame(List<LiveSample> samples) {
        StringBuilder frame = new StringBuilder(64 + samples.size() * 96).append("{\"type\":\"samples\",\"samples\":[");
        for (int i = 0; i < samples.size(); i++) {
            if (i > 0) {
                frame.append(',');
            }
            frame.append(samples.get(i).json());
        }
        return frame.append("]}").toString();
    }

    private void send(String type, JsonArray results) {
        if (!results.isEmpty()) {
            socket.writeTextMessage(new JsonObject().put("type", type).put("results", results).encode());
        }
    }

    /** Samples replaced by newer ones and results dropped from full queues. */
    synchronized long dropped() {
        return dropped + spc.dropped() + multivariate.dropped() + predictions.dropped();
    }

    /** Starts feeding the socket; the returned action stops it (call it when the socket closes). */
    static Runnable serve(Vertx vertx, ServerWebSocket socket, Plant plant, LiveValues live, SpcFeed spc,
                          long flushMillis) {
        LiveSocket client = new LiveSocket(socket, plant);
        live.addListener(client.listener());
        spc.addListener(client.spcListener);
        spc.addMultivariateListener(client.mvListener);
        spc.addPredictionListener(client.patListener);
        long timer = vertx.setPeriodic(flushMillis, id -> client.flush());
        socket.textMessageHandler(client::onText);
        return () -> {
            vertx.cancelTimer(timer);
            live.removeListener(client.listener());
            spc.removeListener(client.spcListener);
            spc.removeMultivariateListener(client.mvListener);
            spc.removePredictionListener(client.patListener);
        };
    }
}
