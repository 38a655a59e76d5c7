package org.flowpat.hmi.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import org.flowpat.config.model.Plant;
import org.flowpat.controller.api.AlarmAction;
import org.flowpat.controller.api.AlarmTransition;
import org.flowpat.controller.api.QualityAddresses;
import org.flowpat.hmi.alarms.AlarmBoard;
import org.flowpat.hmi.auth.HmiUser;
import org.flowpat.hmi.auth.Permission;
import org.flowpat.hmi.auth.SessionAuth;

/**
 * {@code GET /api/alarms} (the active list, or the journal with {@code ?history=true&limit=N}) and the alarm actions
 * {@code POST /api/alarms/{line}/{id}/ack|shelve|unshelve}. The role is checked here and again by the controller's
 * alarm manager; the user and role sent on are the session's.
 */
public final class AlarmRoutes {
    /** Longest shelving accepted: a shelved alarm must come back within a shift or so (ISA-18.2 wants a limit). */
    static final double MAX_SHELVE_S = 24 * 3600;
    private static final int MAX_REASON = 500;

    private final Plant plant;
    private final AlarmBoard board;
    private final BusRequests bus;

    public AlarmRoutes(Plant plant, AlarmBoard board, BusRequests bus) {
        this.plant = plant;
        this.board = board;
        this.bus = bus;
    }

    public void mount(Router router) {
        router.get("/api/alarms").handler(this::list);
        router.post("/api/alarms/:line/:id/ack").handler(ctx -> act(ctx, "ACKNOWLEDGE", Permission.ACKNOWLEDGE_ALARMS));
        router.post("/api/alarms/:line/:id/shelve").handler(ctx -> act(ctx, "SHELVE", Permission.SHELVE_ALARMS));
        router.post("/api/alarms/:line/:id/unshelve").handler(ctx -> act(ctx, "UNSHELVE", Permission.SHELVE_ALARMS));
    }

    private void list(RoutingContext ctx) {
        SessionAuth.require(ctx, Permission.VIEW);
        String history = ctx.queryParams().get("history");
        if (history == null || history.equals("false")) {
            ctx.json(board.activeJson());
            return;
        }
        if (!history.equals("true")) {
            throw ApiException.badField("history", "must be true or false, not '" + history + "'");
        }
        int limit = limit(ctx.queryParams().get("limit"));
        JsonArray rows = new JsonArray();
        for (AlarmTransition t : board.history(limit)) {
            rows.add(AlarmBoard.row(t));
        }
        ctx.json(new JsonObject().put("transitions", rows).put("kept", board.historySize()));
    }

    private int limit(String text) {
        if (text == null) {
            return 200;
        }
        try {
            int n = Integer.parseInt(text.trim());
            if (n >= 1 && n <= board.historySize()) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.badField("limit", "must be a whole number from 1 to " + board.historySize() + ", not '" + text + "'");
    }

    private void act(RoutingContext ctx, String action, Permission permission) {
        HmiUser user = SessionAuth.require(ctx, permission);
        String line = ctx.pathParam("line");
        String id = ctx.pathParam("id");
        if (plant.lines().stream().noneMatch(l -> l.id().equals(line))) {
            throw new ApiException(404, "line", "no line '" + line + "' in plant " + plant.name());
        }
        double durationS = 0;
        String reason = "";
        if (action.equals("SHELVE")) {
            JsonBody body = JsonBody.of(ctx);
            durationS = body.number("durationS");
            if (!(durationS > 0 && durationS <= MAX_SHELVE_S)) {
                throw ApiException.badField("durationS", "must be more than 0 and at most " + (long) MAX_SHELVE_S
                        + " s, not " + durationS);
            }
            reason = body.text("reason");
            if (reason.length() > MAX_REASON) {
                throw ApiException.badField("reason", "at most " + MAX_REASON + " characters");
            }
        }
        AlarmAction request = new AlarmAction(line, id, action, user.id(), user.role().id(), durationS, reason);
        bus.<Object>requestRecord(QualityAddresses.alarmActions(line), request, "the alarm service of line " + line)
                .onSuccess(state -> ctx.json(new JsonObject().put("line", line).put("id", id).put("action", action)
                        .put("state", String.valueOf(state))))
                .onFailure(ctx::fail);
    }
}
