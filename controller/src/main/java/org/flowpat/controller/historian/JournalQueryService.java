package org.flowpat.controller.historian;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.flowpat.controller.api.HmiAddresses;
import org.flowpat.controller.api.codec.JournalJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the HMI's history questions from the {@link Historian}'s journals: the SPC results of a CQA over a range
 * ({@link HmiAddresses#SPC_HISTORY}, the control charts' back-fill) and the alarm transitions of a line over a range
 * ({@link HmiAddresses#ALARM_HISTORY}, the alarm board's back-fill) and the state changes of a line
 * ({@link HmiAddresses#LINE_STATE_HISTORY}, the line's current state after an HMI restart). Requests and replies are JSON; each record is
 * its {@link JournalJson} form, so it reads back exactly (NaN as {@code "NaN"}). Reads block on the database and
 * run on worker threads. A bad request fails with {@link #BAD_QUERY} naming the field, a database failure with
 * {@link #UNAVAILABLE}. The historian belongs to the caller.
 */
public final class JournalQueryService extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(JournalQueryService.class);
    public static final int BAD_QUERY = 400;
    public static final int UNAVAILABLE = 503;
    /** Default and largest number of records per answer: a chart or a board needs no more, and replies stay small. */
    public static final int DEFAULT_LIMIT = 2_000;
    public static final int MAX_LIMIT = 20_000;

    private final Historian historian;
    private MessageConsumer<Object> spc;
    private MessageConsumer<Object> alarms;
    private MessageConsumer<Object> lineStates;

    public JournalQueryService(Historian historian) {
        this.historian = Objects.requireNonNull(historian, "historian");
    }

    @Override
    public Future<?> start() {
        spc = vertx.eventBus().consumer(HmiAddresses.SPC_HISTORY, m -> answer(m, this::spcHistory));
        alarms = vertx.eventBus().consumer(HmiAddresses.ALARM_HISTORY, m -> answer(m, this::alarmHistory));
        lineStates = vertx.eventBus().consumer(HmiAddresses.LINE_STATE_HISTORY, m -> answer(m, this::lineStateHistory));
        return Future.all(spc.completion(), alarms.completion(), lineStates.completion());
    }

    private interface Reader {
        /** Checks the request (IllegalArgumentException naming the field) and returns the read to run off the loop. */
        Callable<JsonObject> prepare(JsonObject request);
    }

    private void answer(Message<Object> message, Reader reader) {
        Callable<JsonObject> read;
        try {
            if (!(message.body() instanceof JsonObject json)) {
                throw new IllegalArgumentException("a history query is a JSON object, got "
                        + (message.body() == null ? "nothing" : message.body().getClass().getSimpleName()));
            }
            read = reader.prepare(json);
        } catch (IllegalArgumentException | ClassCastException e) {
            message.fail(BAD_QUERY, e.getMessage());
            return;
        }
        vertx.executeBlocking(read, false).onComplete(ar -> {
            if (ar.succeeded()) {
                message.reply(ar.result());
            } else {
                LOG.warn("history query on {} failed: {}", message.address(), ar.cause().toString());
                message.fail(UNAVAILABLE, "historian read failed: " + ar.cause().getMessage());
            }
        });
    }

    private Callable<JsonObject> spcHistory(JsonObject q) {
        String line = text(q, "line");
        String cqa = text(q, "cqa");
        Range range = Range.of(q);
        int limit = limit(q);
        return () -> {
            JsonObject reply = records(historian.spcResults(line, cqa, range.from, range.to), limit, "results");
            return reply.put("line", line).put("cqa", cqa);
        };
    }

    private Callable<JsonObject> alarmHistory(JsonObject q) {
        String line = text(q, "line");
        Range range = Range.of(q);
        int limit = limit(q);
        return () -> records(historian.alarmJournal(line, range.from, range.to), limit, "transitions").put("line", line);
    }

    private Callable<JsonObject> lineStateHistory(JsonObject q) {
        String line = text(q, "line");
        Range range = Range.of(q);
        int limit = limit(q);
        return () -> records(historian.lineStates(line, range.from, range.to), limit, "changes").put("line", line);
    }

    /** The newest {@code limit} records, in time order: cut from the old end, since the newest matter most. */
    private static JsonObject records(List<?> all, int limit, String field) {
        JsonArray out = new JsonArray();
        for (Object r : all.subList(Math.max(0, all.size() - limit), all.size())) {
            out.add(new JsonObject(JournalJson.toText(r)));
        }
        return new JsonObject().put(field, out).put("truncated", all.size() > limit);
    }

    private static String text(JsonObject q, String field) {
        String s = q.getString(field);
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return s;
    }

    private static int limit(JsonObject q) {
        Integer limit = q.getInteger("limit");
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be from 1 to " + MAX_LIMIT + ", not " + limit);
        }
        return limit;
    }

    /** A half-open range [from, to) in epoch nanoseconds. */
    private record Range(long from, long to) {
        static Range of(JsonObject q) {
            Long from = q.getLong("fromNanos");
            Long to = q.getLong("toNanos");
            if (from == null) {
                throw new IllegalArgumentException("fromNanos is required");
            }
            if (to == null) {
                throw new IllegalArgumentException("toNanos is required");
            }
            if (to <= from) {
                throw new IllegalArgumentException("toNanos must be after fromNanos");
            }
            return new Range(from, to);
        }
    }

    @Override
    public Future<?> stop() {
        return Future.all(spc == null ? Future.succeededFuture() : spc.unregister(),
                alarms == null ? Future.succeededFuture() : alarms.unregister(),
                lineStates == null ? Future.succeededFuture() : lineStates.unregister());
    }
}
