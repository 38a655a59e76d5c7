package org.flowpat.hmi.api;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.Locale;
import org.flowpat.config.model.Plant;
import org.flowpat.controller.api.LineCommand;
import org.flowpat.controller.api.LineCommandRequest;
import org.flowpat.controller.api.LineStateChange;
import org.flowpat.controller.api.QualityAddresses;
import org.flowpat.hmi.auth.HmiUser;
import org.flowpat.hmi.auth.Permission;
import org.flowpat.hmi.auth.SessionAuth;
import org.flowpat.hmi.lines.LineStates;

/**
 * {@code POST /api/lines/{line}/commands} (PackML start, hold, unhold, stop, abort, clear, reset, with a reason) and
 * {@code GET /api/lines/{line}/state}. A command goes to the line's state machine as a {@link LineCommandRequest}
 * record (its codec is registered by the controller's line-state verticle; without it the answer is 503); the
 * machine refuses a command its state does not accept with 409 and says which it would.
 */
public final class LineRoutes {
    private static final int MAX_REASON = 500;
    private final Plant plant;
    private final BusRequests bus;
    private final LineStates states;

    public LineRoutes(Plant plant, BusRequests bus, LineStates states) {
        this.plant = plant;
        this.bus = bus;
        this.states = states;
    }

    public void mount(Router router) {
        router.post("/api/lines/:line/commands").handler(this::command);
        router.get("/api/lines/:line/state").handler(this::state);
    }

    private void command(RoutingContext ctx) {
        HmiUser user = SessionAuth.require(ctx, Permission.COMMAND_LINE);
        String line = line(ctx);
        JsonBody body = JsonBody.of(ctx);
        LineCommand command = command(body.text("command"));
        String reason = body.text("reason");
        if (reason.length() > MAX_REASON) {
            throw ApiException.badField("reason", "at most " + MAX_REASON + " characters");
        }
        LineCommandRequest request = new LineCommandRequest(line, command, user.id(), reason);
        bus.<Object>requestRecord(QualityAddresses.lineCommands(line), request, "the line-state service of line " + line)
                .onSuccess(state -> ctx.json(new JsonObject().put("line", line).put("command", command.name())
                        .put("state", String.valueOf(state)).put("reason", reason)))
                .onFailure(ctx::fail);
    }

    private void state(RoutingContext ctx) {
        SessionAuth.require(ctx, Permission.VIEW);
        String line = line(ctx);
        LineStateChange c = states.latest(line);
        JsonObject json = new JsonObject().put("line", line);
        if (c == null) {
            json.put("state", null);
        } else {
            json.put("state", c.to().name()).put("acting", c.to().acting()).put("since", c.timeNanos() / 1_000_000)
                    .put("from", c.from() == null ? null : c.from().name()).put("command", c.command())
                    .put("by", c.by()).put("reason", c.reason());
        }
        ctx.json(json);
    }

    private String line(RoutingContext ctx) {
        String line = ctx.pathParam("line");
        if (plant.lines().stream().noneMatch(l -> l.id().equals(line))) {
            throw new ApiException(404, "line", "no line '" + line + "' in plant " + plant.name());
        }
        return line;
    }

    private static LineCommand command(String text) {
        try {
            return LineCommand.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badField("command", "'" + text + "' is not one of "
                    + Arrays.stream(LineCommand.values()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList());
        }
    }
}
