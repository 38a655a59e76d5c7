package org.flowpat.hmi.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.flowpat.config.model.Cqa;
import org.flowpat.config.model.Line;
import org.flowpat.config.model.LoopSettings;
import org.flowpat.config.model.Plant;
import org.flowpat.config.model.Range;
import org.flowpat.config.model.Signal;
import org.flowpat.config.model.Spec;
import org.flowpat.config.model.Unit;
import org.flowpat.controller.api.Sample;
import org.flowpat.hmi.auth.Permission;
import org.flowpat.hmi.auth.SessionAuth;
import org.flowpat.hmi.live.LiveValues;
import org.flowpat.hmi.live.SampleJson;

/** {@code GET /api/health} (public) and {@code GET /api/lines}: the plant's structure with each signal's latest value. */
public final class PlantRoutes {
    private final Plant plant;
    private final LiveValues live;
    private final boolean demo;

    public PlantRoutes(Plant plant, LiveValues live, boolean demo) {
        this.plant = plant;
        this.live = live;
        this.demo = demo;
    }

    public void mount(Router router) {
        router.get("/api/health").handler(this::health);
        router.get("/api/lines").handler(this::lines);
    }

    private void health(RoutingContext ctx) {
        long newest = live.newestSourceNanos();
        ctx.json(new JsonObject().put("status", "ok").put("plant", plant.name()).put("demo", demo)
                .put("samplesReceived", live.received())
                .put("newestSampleTime", newest == 0 ? null : newest / 1_000_000));
    }

    private void lines(RoutingContext ctx) {
        SessionAuth.require(ctx, Permission.VIEW);
        JsonArray lines = new JsonArray();
        plant.lines().forEach(l -> lines.add(line(l)));
        ctx.json(new JsonObject().put("plant", plant.name()).put("lines", lines));
    }

    private JsonObject line(Line line) {
        JsonArray units = new JsonArray();
        for (Unit u : line.units()) {
            JsonArray signals = new JsonArray();
            for (Signal s : u.signals()) {
                Sample latest = live.latest(line.id() + "/" + u.id() + "." + s.id());
                signals.add(new JsonObject().put("id", s.id()).put("ref", u.id() + "." + s.id()).put("name", s.name())
                        .put("kind", s.kind().name()).put("unit", s.unit()).put("range", range(s.range()))
                        .put("normal", range(s.normal())).put("live", latest == null ? null : SampleJson.of(latest)));
            }
            units.add(new JsonObject().put("id", u.id()).put("name", u.name()).put("type", u.type().name())
                    .put("signals", signals));
        }
        JsonArray cqas = new JsonArray();
        for (Cqa c : line.cqas()) {
            Sample latest = live.latest(line.id() + "/" + c.signal());
            cqas.add(new JsonObject().put("id", c.id()).put("name", c.name()).put("signal", c.signal())
                    .put("unit", c.unit()).put("spec", spec(c.spec()))
                    .put("live", latest == null ? null : SampleJson.of(latest)));
        }
        JsonArray loops = new JsonArray();
        for (LoopSettings l : line.quality().loops()) {
            loops.add(new JsonObject().put("id", l.id()).put("pv", l.pv()).put("output", l.output())
                    .put("setpoint", l.setpoint()));
        }
        return new JsonObject().put("id", line.id()).put("name", line.name()).put("units", units).put("cqas", cqas)
                .put("loops", loops);
    }

    private static JsonObject range(Range r) {
        return r == null ? null : new JsonObject().put("min", r.min()).put("max", r.max());
    }

    private static JsonObject spec(Spec s) {
        return s == null ? null : new JsonObject().put("lsl", s.lsl()).put("usl", s.usl()).put("target", s.target());
    }
}
