package org.flowpat.hmi.api;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.regex.Pattern;
import org.flowpat.config.model.Plant;
import org.flowpat.controller.api.AuditAddresses;
import org.flowpat.hmi.auth.Permission;
import org.flowpat.hmi.auth.SessionAuth;

/**
 * {@code GET /api/audit}: a search of the audit trail (from, to, user, action, line, text, limit) answered by the
 * controller's audit service with the entries and the verification of the whole hash chain, so that every page
 * showing entries also shows whether the trail is intact.
 */
public final class AuditRoutes {
    private static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9.-]{0,63}");
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9._:@-]{1,100}");

    private final Plant plant;
    private final BusRequests bus;

    public AuditRoutes(Plant plant, BusRequests bus) {
        this.plant = plant;
        this.bus = bus;
    }

    public void mount(Router router) {
        router.get("/api/audit").handler(this::search);
    }

    private void search(RoutingContext ctx) {
        SessionAuth.require(ctx, Permission.VIEW);
        QueryParams q = QueryParams.of(ctx, "from", "to", "user", "action", "line", "text", "limit");
        Instant from = q.instant("from");
        Instant to = q.instant("to");
        QueryParams.checkOrder(from, to);
        JsonObject query = new JsonObject();
        if (from != null) {
            query.put("from", from.toEpochMilli());
        }
        if (to != null) {
            query.put("to", to.toEpochMilli());
        }
        put(query, "user", q.matching("user", USER, "a login id"));
        put(query, "action", q.matching("action", ACTION, "an action name like setpoint.change"));
        put(query, "line", q.line("line", plant));
        put(query, "text", q.text("text"));
        query.put("limit", q.integer("limit", 1, 5000, 500));
        bus.request(AuditAddresses.QUERY, query, "the controller's audit trail").onSuccess(ctx::json).onFailure(ctx::fail);
    }

    private static void put(JsonObject json, String key, String value) {
        if (value != null) {
            json.put(key, value);
        }
    }
}
