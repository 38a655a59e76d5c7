package org.flowpat.hmi.alarms;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flowpat.config.model.Line;
import org.flowpat.config.model.Plant;
import org.flowpat.controller.api.AlarmState;
import org.flowpat.controller.api.AlarmTransition;
import org.flowpat.controller.api.HmiAddresses;
import org.flowpat.controller.api.QualityAddresses;
import org.flowpat.controller.api.codec.JournalJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the HMI knows of the alarms: it listens to {@link QualityAddresses#ALARMS} and keeps each alarm's current
 * state, keyed by line and alarm id, and the newest transitions as a bounded journal (the historian keeps the
 * full one). At start it back-fills from the historian's alarm journal ({@link HmiAddresses#ALARM_HISTORY}), so a
 * restarted HMI shows the alarms raised before it. The bus delivers on one event loop while HTTP requests read on
 * others, hence the locking.
 */
public final class AlarmBoard {
    private static final Logger LOG = LoggerFactory.getLogger(AlarmBoard.class);
    public static final int DEFAULT_HISTORY = 2000;
    /** How far back the start-up back-fill reads the journal (and as far ahead, for lines simulated faster than real time). */
    static final long BACKFILL_LOOKBACK_NANOS = 7L * 24 * 3_600_000_000_000L;
    /** HIGH first; unknown priorities last. */
    private static final List<String> PRIORITIES = List.of("URGENT", "CRITICAL", "HIGH", "MEDIUM", "LOW");

    private final int historySize;
    private final Map<String, AlarmEntry> current = new LinkedHashMap<>();
    private final ArrayDeque<AlarmTransition> history = new ArrayDeque<>();
    private MessageConsumer<Object> consumer;

    public AlarmBoard(int historySize) {
        if (historySize < 1) {
            throw new IllegalArgumentException("alarm history size must be at least 1, not " + historySize);
        }
        this.historySize = historySize;
    }

    public Future<Void> start(Vertx vertx) {
        consumer = vertx.eventBus().consumer(QualityAddresses.ALARMS, m -> {
            if (m.body() instanceof AlarmTransition t) {
                accept(t);
            } else {
                LOG.warn("ignoring a {} on {}: not an AlarmTransition", m.body() == null ? "null" : m.body().getClass(),
                        QualityAddresses.ALARMS);
            }
        });
        return consumer.completion();
    }

    /**
     * Loads each line's journaled transitions of the past {@link #BACKFILL_LOOKBACK_NANOS} (up to the history size);
     * a line whose journal cannot be read is logged and skipped, so the board still works live.
     */
    public Future<Void> backfill(Vertx vertx, Plant plant) {
        List<Future<?>> reads = new ArrayList<>();
        long now = System.currentTimeMillis() * 1_000_000L;
        for (Line line : plant.lines()) {
            // the upper end lies far ahead: a simulated line may run faster than the wall clock
            JsonObject q = new JsonObject().put("line", line.id()).put("fromNanos", now - BACKFILL_LOOKBACK_NANOS)
                    .put("toNanos", now + BACKFILL_LOOKBACK_NANOS).put("limit", historySize);
            reads.add(vertx.eventBus().<JsonObject>request(HmiAddresses.ALARM_HISTORY, q,
                            new DeliveryOptions().setSendTimeout(10_000))
                    .onSuccess(m -> {
                        List<AlarmTransition> journal = new ArrayList<>();
                        for (Object o : m.body().getJsonArray("transitions", new JsonArray())) {
                            journal.add(JournalJson.read(((JsonObject) o).encode(), AlarmTransition.class));
                        }
                        preload(journal);
                    })
                    .onFailure(e -> LOG.info("alarm journal of {} not loaded: {}", line.id(), e.getMessage())));
        }
        return Future.join(reads).mapEmpty();
    }

    /**
     * Merges journaled transitions (in time order) with what was heard live: the journal and the live feed overlap
     * around start-up, so a transition already held is kept once, and a journaled one older than an alarm's live
     * state does not replace that state.
     */
    public synchronized void preload(List<AlarmTransition> journal) {
        Set<String> seen = new HashSet<>();
        history.forEach(t -> seen.add(identity(t)));
        List<AlarmTransition> merged = new ArrayList<>(history);
        for (AlarmTransition t : journal) {
            if (!seen.add(identity(t))) {
                continue;
            }
            merged.add(t);
            String key = t.line() + "/" + t.alarmId();
            AlarmEntry now = current.get(key);
            if (now == null || now.sinceNanos() <= t.timeNanos()) {
                current.put(key, AlarmEntry.after(now, t));
            }
        }
        merged.sort(Comparator.comparingLong(AlarmTransition::timeNanos));
        history.clear();
        for (AlarmTransition t : merged.subList(Math.max(0, merged.size() - historySize), merged.size())) {
            history.addLast(t);
        }
    }

    private static String identity(AlarmTransition t) {
        return t.line() + "/" + t.alarmId() + "/" + t.timeNanos() + "/" + t.to();
    }

    public Future<Void> stop() {
        return consumer == null ? Future.succeededFuture() : consumer.unregister();
    }

    public synchronized void accept(AlarmTransition t) {
        String key = t.line() + "/" + t.alarmId();
        current.put(key, AlarmEntry.after(current.get(key), t));
        history.addLast(t);
        while (history.size() > historySize) {
            history.removeFirst();
        }
    }

    /** Every alarm not in NORMAL, highest priority first, then newest first. */
    public synchronized List<AlarmEntry> active() {
        return current.values().stream().filter(e -> e.state() != AlarmState.NORMAL)
                .sorted(Comparator.comparingInt((AlarmEntry e) -> rank(e.priority()))
                        .thenComparing(Comparator.comparingLong(AlarmEntry::sinceNanos).reversed()))
                .toList();
    }

    /** The newest {@code limit} transitions, newest first. */
    public synchronized List<AlarmTransition> history(int limit) {
        List<AlarmTransition> out = new java.util.ArrayList<>(Math.min(limit, history.size()));
        for (Iterator<AlarmTransition> it = history.descendingIterator(); it.hasNext() && out.size() < limit; ) {
            out.add(it.next());
        }
        return out;
    }

    public int historySize() {
        return historySize;
    }

    /** The {@code GET /api/alarms} answer: the active list and counts of annunciated alarms by priority. */
    public JsonObject activeJson() {
        List<AlarmEntry> active = active();
        JsonArray alarms = new JsonArray();
        Map<String, Integer> counts = new LinkedHashMap<>();
        int unacked = 0;
        AlarmEntry newestFirstOut = null;
        for (AlarmEntry e : active) {
            alarms.add(e.toJson());
            if (e.state().annunciated()) {
                counts.merge(e.priority(), 1, Integer::sum);
                if (e.isFirstOutOfGroup() && (newestFirstOut == null || e.activeSinceNanos() > newestFirstOut.activeSinceNanos())) {
                    newestFirstOut = e;
                }
            }
            if (e.unacknowledged()) {
                unacked++;
            }
        }
        JsonObject byPriority = new JsonObject();
        counts.forEach(byPriority::put);
        return new JsonObject().put("alarms", alarms).put("annunciated", counts.values().stream().mapToInt(i -> i).sum())
                .put("unacknowledged", unacked).put("byPriority", byPriority)
                .put("newestFirstOut", newestFirstOut == null ? null : newestFirstOut.toJson());
    }

    /** A journal row: the transition as JSON (times in epoch ms). */
    public static JsonObject row(AlarmTransition t) {
        return AlarmEntry.row(t);
    }

    private static int rank(String priority) {
        int i = PRIORITIES.indexOf(priority);
        return i < 0 ? PRIORITIES.size() : i;
    }
}
