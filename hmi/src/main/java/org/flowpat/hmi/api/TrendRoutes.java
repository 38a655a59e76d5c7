package org.flowpat.hmi.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import org.flowpat.config.model.Plant;
import org.flowpat.controller.api.HmiAddresses;
import org.flowpat.controller.api.TrendPoint;
import org.flowpat.controller.api.TrendQuery;
import org.flowpat.controller.api.TrendSeries;
import org.flowpat.hmi.auth.Permission;
import org.flowpat.hmi.auth.SessionAuth;

/**
 * {@code GET /api/trends?signal=L1/R1.temperature&from=...&to=...&step=10s}: one signal's history from the
 * historian, raw without {@code step}, else min/mean/max per step. {@code to} defaults to now, {@code from} to
 * one hour before {@code to}. Points come as {@code [timeMs, value, min, max, count, statusCode]}.
 */
public final class TrendRoutes {
    /** More raw points than this is pointless on a screen; the reply says when it cut. */
    static final int MAX_POINTS = 20_000;
    static final Duration MAX_RANGE = Duration.ofDays(400);

    private final Plant plant;
    private final BusRequests bus;

    public TrendRoutes(Plant plant, BusRequests bus) {
        this.plant = plant;
        this.bus = bus;
    }

    public void mount(Router router) {
        router.get("/api/trends").handler(this::trends);
    }

    private void trends(RoutingContext ctx) {
        SessionAuth.require(ctx, Permission.VIEW);
        String signalText = ctx.request().getParam("signal");
        if (signalText == null) {
            throw ApiException.badField("signal", "is required, e.g. signal=L1/R1.temperature");
        }
        SignalRef ref = SignalRef.parse(plant, signalText, "signal");
        String toText = ctx.request().getParam("to");
        String fromText = ctx.request().getParam("from");
        String stepText = ctx.request().getParam("step");
        Instant to = toText == null ? Instant.now() : TimeParams.instant("to", toText);
        Instant from = fromText == null ? to.minus(Duration.ofHours(1)) : TimeParams.instant("from", fromText);
        if (!from.isBefore(to)) {
            throw ApiException.badField("from", "must be before to (" + to + ")");
        }
        if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
            throw ApiException.badField("from", "range longer than " + MAX_RANGE.toDays() + " days");
        }
        Duration step = stepText == null ? Duration.ZERO : TimeParams.step("step", stepText);
        TrendQuery query = new TrendQuery(ref.line(), ref.signal(), nanos(from), nanos(to), step.toMillis(), MAX_POINTS);
        bus.request(HmiAddresses.TRENDS, query.toJson(), "the historian's trend service")
                .map(TrendSeries::fromJson)
                .onSuccess(series -> ctx.json(reply(ref, from, to, step, series)))
                .onFailure(ctx::fail);
    }

    private static JsonObject reply(SignalRef ref, Instant from, Instant to, Duration step, TrendSeries series) {
        JsonArray points = new JsonArray();
        for (TrendPoint p : series.points()) {
            JsonArray a = p.toJson();
            a.set(0, p.timeNanos() / 1_000_000);
            points.add(a);
        }
        return new JsonObject().put("signal", ref.key()).put("unit", ref.definition().unit())
                .put("from", from.toEpochMilli()).put("to", to.toEpochMilli())
                .put("stepMs", step.toMillis()).put("truncated", series.truncated()).put("points", points);
    }

    private static long nanos(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
    }
}
