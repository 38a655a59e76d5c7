package org.flowpat.hmi.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.flowpat.config.model.ChartSettings;
import org.flowpat.config.model.Cqa;
import org.flowpat.config.model.Line;
import org.flowpat.config.model.Plant;
import org.flowpat.controller.api.AlarmTransition;
import org.flowpat.controller.api.HmiAddresses;
import org.flowpat.controller.api.SpcResult;
import org.flowpat.controller.api.codec.JournalJson;
import org.flowpat.hmi.alarms.AlarmBoard;
import org.flowpat.hmi.auth.Permission;
import org.flowpat.hmi.auth.SessionAuth;
import org.flowpat.hmi.live.SpcFeed;

/**
 * History from the historian's journals, through its {@code JournalQueryService}: {@code GET /api/spc} (the SPC
 * results of one CQA, the control chart's back-fill, with the CQA's spec and chart settings) and
 * {@code GET /api/alarms/journal} (alarm transitions of a line over any range, newest first).
 */
public final class HistoryRoutes {
    private static final String SERVICE = "the historian's journal service";
    /** Default span of a chart: one hour of data time. */
    static final Duration DEFAULT_SPAN = Duration.ofHours(1);

    private final Plant plant;
    private final BusRequests bus;
    private final SpcFeed spc;

    public HistoryRoutes(Plant plant, BusRequests bus, SpcFeed spc) {
        this.plant = plant;
        this.bus = bus;
        this.spc = spc;
    }

    public void mount(Router router) {
        router.get("/api/spc").handler(this::spcHistory);
        router.get("/api/alarms/journal").handler(this::alarmJournal);
    }

    private void spcHistory(RoutingContext ctx) {
        SessionAuth.require(ctx, Permission.VIEW);
        QueryParams q = QueryParams.of(ctx, "line", "cqa", "from", "to", "limit");
        Line line = requiredLine(q);
        String cqaId = q.text("cqa");
        if (cqaId == null) {
            throw ApiException.badField("cqa", "is required");
        }
        Cqa cqa = line.cqas().stream().filter(c -> c.id().equals(cqaId)).findFirst()
                .orElseThrow(() -> ApiException.badField("cqa", "no CQA '" + cqaId + "' in line " + line.id()));
        // Without "to" the chart ends at the newest result seen: a simulated line may run ahead of the wall clock.
        long newest = spc.newestNanos(line.id(), cqa.id());
        Instant to = q.instant("to");
        long toNanos = to != null ? nanos(to) : Math.max(System.currentTimeMillis() * 1_000_000L, newest) + 1;
        Instant from = q.instant("from");
        long fromNanos = from != null ? nanos(from) : toNanos - DEFAULT_SPAN.toNanos();
        if (fromNanos >= toNanos) {
            throw ApiException.badField("from", "must be before to");
        }
        int limit = q.integer("limit", 1, 20_000, 2_000);
        JsonObject query = new JsonObject().put("line", line.id()).put("cqa", cqa.id()).put("fromNanos", fromNanos)
                .put("toNanos", toNanos).put("limit", limit);
        bus.request(HmiAddresses.SPC_HISTORY, query, SERVICE).onSuccess(reply -> {
            JsonArray results = new JsonArray();
            for (Object o : reply.getJsonArray("results", new JsonArray())) {
                results.add(SpcJson.of(JournalJson.read(((JsonObject) o).encode(), SpcResult.class)));
            }
            ctx.json(new JsonObject().put("line", line.id()).put("cqa", cqa.id()).put("name", cqa.name())
                    .put("unit", cqa.unit()).put("spec", spec(cqa)).put("chart", chart(line, cqa))
                    .put("from", fromNanos / 1_000_000).put("to", toNanos / 1_000_000)
                    .put("truncated", reply.getBoolean("truncated", false)).put("results", results));
        }).onFailure(ctx::fail);
    }

    private void alarmJournal(RoutingContext ctx) {
        SessionAuth.require(ctx, Permission.VIEW);
        QueryParams q = QueryParams.of(ctx, "line", "from", "to", "limit");
        Line line = requiredLine(q);
        Instant to = q.instant("to");
        Instant from = q.instant("from");
        long toNanos = to != null ? nanos(to) : System.currentTimeMillis() * 1_000_000L + Duration.ofDays(1).toNanos();
        long fromNanos = from != null ? nanos(from) : toNanos - Duration.ofDays(8).toNanos();
        if (fromNanos >= toNanos) {
            throw ApiException.badField("from", "must be before to");
        }
        int limit = q.integer("limit", 1, 20_000, 500);
        JsonObject query = new JsonObject().put("line", line.id()).put("fromNanos", fromNanos).put("toNanos", toNanos)
                .put("limit", limit);
        bus.request(HmiAddresses.ALARM_HISTORY, query, SERVICE).onSuccess(reply -> {
            List<AlarmTransition> transitions = new ArrayList<>();
            for (Object o : reply.getJsonArray("transitions", new JsonArray())) {
                transitions.add(JournalJson.read(((JsonObject) o).encode(), AlarmTransition.class));
            }
            JsonArray rows = new JsonArray();
            for (int i = transitions.size() - 1; i >= 0; i--) {
                rows.add(AlarmBoard.row(transitions.get(i)));
            }
            ctx.json(new JsonObject().put("line", line.id()).put("transitions", rows)
                    .put("truncated", reply.getBoolean("truncated", false)));
        }).onFailure(ctx::fail);
    }

    private Line requiredLine(QueryParams q) {
        String id = q.line("line", plant);
        if (id == null) {
            throw ApiException.badField("line", "is required");
        }
        return plant.lines().stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow();
    }

    private static JsonObject spec(Cqa cqa) {
        return cqa.spec() == null ? null : new JsonObject().put("lsl", cqa.spec().lsl()).put("usl", cqa.spec().usl())
                .put("target", cqa.spec().target());
    }

    private static JsonObject chart(Line line, Cqa cqa) {
        ChartSettings s = line.quality().chartsFor(cqa.id());
        return new JsonObject().put("rules", s.rules()).put("ewmaLambda", s.ewmaLambda()).put("ewmaL", s.ewmaL())
                .put("cusumK", s.cusumK()).put("cusumH", s.cusumH());
    }

    private static long nanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }
}
