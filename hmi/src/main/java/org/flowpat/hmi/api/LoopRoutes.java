package org.flowpat.hmi.api;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;
import org.flowpat.config.model.Line;
import org.flowpat.config.model.LoopSettings;
import org.flowpat.config.model.Plant;
import org.flowpat.config.model.Signal;
import org.flowpat.controller.api.LoopAddresses;
import org.flowpat.controller.api.LoopCommand;
import org.flowpat.controller.api.LoopCommandResult;
import org.flowpat.controller.api.LoopMode;
import org.flowpat.controller.api.LoopStatus;
import org.flowpat.hmi.auth.HmiUser;
import org.flowpat.hmi.auth.Permission;
import org.flowpat.hmi.auth.SessionAuth;

/**
 * The PID loops the controller runs: {@code GET /api/loops[?line=]} (their live status, for anyone logged in) and
 * {@code POST /api/loops/{line}/{loop}} with {@code {mode?, setpoint?, output?, reason}} (who may write setpoints: a
 * loop's output is a setpoint). The controller's loop verticle checks, applies and audits the change and names the
 * field it refuses: an unknown loop is 404, any other refusal 400.
 */
public final class LoopRoutes {
    private static final int MAX_REASON = 500;
    private final Plant plant;
    private final BusRequests bus;

    public LoopRoutes(Plant plant, BusRequests bus) {
        this.plant = plant;
        this.bus = bus;
    }

    public void mount(Router router) {
        router.get("/api/loops").handler(this::status);
        router.post("/api/loops/:line/:loop").handler(this::command);
    }

    private void status(RoutingContext ctx) {
        SessionAuth.require(ctx, Permission.VIEW);
        String only = QueryParams.of(ctx, "line").line("line", plant);
        List<Line> lines = plant.lines().stream().filter(l -> only == null || l.id().equals(only)).toList();
        List<Future<JsonObject>> replies = lines.stream()
                .map(l -> bus.request(LoopAddresses.query(l.id()), new JsonObject(), service(l.id()))).toList();
        Future.all(replies).onSuccess(all -> {
            JsonArray loops = new JsonArray();
            for (int i = 0; i < lines.size(); i++) {
                for (Object o : replies.get(i).result().getJsonArray("loops", new JsonArray())) {
                    LoopStatus s = LoopStatus.fromJson((JsonObject) o);
                    loops.add(describe(lines.get(i), s));
                }
            }
            ctx.json(new JsonObject().put("loops", loops));
        }).onFailure(ctx::fail);
    }

    /** The status with what the page shows beside it: signals, units and limits from the plant file. */
    private static JsonObject describe(Line line, LoopStatus s) {
        JsonObject json = s.toJson();
        json.put("time", s.timeNanos() == 0 ? null : s.timeNanos() / 1_000_000).remove("timeNanos");
        line.quality().loops().stream().filter(l -> l.id().equals(s.loop())).findFirst().ifPresent(l -> {
            Signal pv = line.signal(l.pv()).orElse(null);
            Signal out = line.signal(l.output()).orElse(null);
            json.put("pvSignal", l.pv()).put("outputSignal", l.output())
                    .put("unit", pv == null ? "" : pv.unit()).put("outputUnit", out == null ? "" : out.unit())
                    .put("outputMin", l.outputMin()).put("outputMax", l.outputMax());
            if (pv != null && pv.range() != null) {
                json.put("setpointMin", pv.range().min()).put("setpointMax", pv.range().max());
            }
        });
        return json;
    }

    private void command(RoutingContext ctx) {
        HmiUser user = SessionAuth.require(ctx, Permission.WRITE_SETPOINTS);
        String lineId = ctx.pathParam("line");
        Line line = plant.lines().stream().filter(l -> l.id().equals(lineId)).findFirst()
                .orElseThrow(() -> new ApiException(404, "line", "no line '" + lineId + "' in plant " + plant.name()));
        String loopId = ctx.pathParam("loop");
        LoopSettings loop = line.quality().loops().stream().filter(l -> l.id().equals(loopId)).findFirst()
                .orElseThrow(() -> new ApiException(404, "loop", "no loop '" + loopId + "' on line " + lineId
                        + " (loops: " + line.quality().loops().stream().map(LoopSettings::id).toList() + ")"));
        JsonBody body = JsonBody.of(ctx);
        LoopMode mode = mode(body.optionalText("mode"));
        Double setpoint = body.optionalNumber("setpoint");
        Double output = body.optionalNumber("output");
        String reason = body.text("reason");
        if (reason.length() > MAX_REASON) {
            throw ApiException.badField("reason", "at most " + MAX_REASON + " characters");
        }
        if (mode == null && setpoint == null && output == null) {
            throw ApiException.badField("mode", "give a mode, a setpoint or an output to change");
        }
        LoopCommand command = new LoopCommand(lineId, loop.id(), mode, setpoint, output, user.id(), reason);
        bus.request(LoopAddresses.commands(lineId), command.toJson(), service(lineId))
                .map(LoopCommandResult::fromJson)
                .onSuccess(result -> {
                    if (!result.accepted()) {
                        boolean missing = "loop".equals(result.field()) || "line".equals(result.field());
                        ctx.fail(new ApiException(missing ? 404 : result.field() == null ? 409 : 400, result.field(),
                                result.message()));
                        return;
                    }
                    ctx.json(describe(line, result.status()).put("message", result.message()));
                })
                .onFailure(ctx::fail);
    }

    private static LoopMode mode(String text) {
        if (text == null) {
            return null;
        }
        try {
            return LoopMode.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badField("mode", "'" + text + "' is neither AUTO nor MANUAL");
        }
    }

    private static String service(String line) {
        return "the loop controller of line " + line;
    }
}
