package org.flowpat.hmi.api;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.flowpat.config.model.Plant;
import org.flowpat.controller.api.AuditActions;
import org.flowpat.controller.api.AuditRequest;
import org.flowpat.controller.api.LotAddresses;
import org.flowpat.controller.api.LotRecord;
import org.flowpat.controller.api.LotSignature;
import org.flowpat.controller.api.ReleaseDecision;
import org.flowpat.controller.api.SignatureRequest;
import org.flowpat.controller.api.codec.JournalJson;
import org.flowpat.hmi.auth.HmiUser;
import org.flowpat.hmi.auth.LoginThrottle;
import org.flowpat.hmi.auth.Permission;
import org.flowpat.hmi.auth.SessionAuth;
import org.flowpat.hmi.auth.Users;

/**
 * Lots and their release: {@code GET /api/lots}, {@code GET /api/lots/figures}, {@code GET /api/lots/{id}} (decision and reasons at the top, then
 * the record and its signatures), {@code POST /api/lots/{id}/signatures} and {@code GET /api/lots/{id}/export}.
 * <p>
 * Signing follows 21 CFR Part 11 §11.200: the signer enters the password again, even within a session, and it is
 * checked against the user store here; a wrong one is answered 401, counts towards the login lockout and is written
 * to the audit trail. The signature carries the session's user id and printed name, never ones from the client, and
 * the content hash the signer was shown, so the controller refuses it (409) when the record changed meanwhile.
 */
public final class LotRoutes {
    static final Pattern LOT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}");
    static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    static final List<String> MEANINGS = List.of("APPROVED", "REJECTED");
    private static final List<String> DECISIONS = Arrays.stream(ReleaseDecision.values()).map(Enum::name).toList();
    private static final String SERVICE = "the controller's lot service";
    private static final int MAX_COMMENT = 1000;

    private final Vertx vertx;
    private final Plant plant;
    private final BusRequests bus;
    private final Users users;
    private final LoginThrottle throttle;
    private final AuditLog audit;

    public LotRoutes(Vertx vertx, Plant plant, BusRequests bus, Users users, LoginThrottle throttle, AuditLog audit) {
        this.vertx = vertx;
        this.plant = plant;
        this.bus = bus;
        this.users = users;
        this.throttle = throttle;
        this.audit = audit;
    }

    public void mount(Router router) {
        router.get("/api/lots").handler(this::list);
        router.get("/api/lots/figures").handler(this::figures); // before /api/lots/:id, which would take it for an id
        router.get("/api/lots/:id").handler(this::detail);
        router.post("/api/lots/:id/signatures").handler(this::sign);
        router.get("/api/lots/:id/export").handler(this::export);
    }

    private void list(RoutingContext ctx) {
        SessionAuth.require(ctx, Permission.VIEW);
        QueryParams q = QueryParams.of(ctx, "line", "decision", "from", "to", "limit");
        JsonObject query = new JsonObject();
        putIfPresent(query, "line", q.line("line", plant));
        String decision = q.oneOf("decision", labelsAndNames());
        if (decision != null) {
            query.put("decision", decisionOf(decision).name());
        }
        Instant from = q.instant("from");
        Instant to = q.instant("to");
        QueryParams.checkOrder(from, to);
        putIfPresent(query, "from", from == null ? null : from.toEpochMilli());
        putIfPresent(query, "to", to == null ? null : to.toEpochMilli());
        query.put("limit", q.integer("limit", 1, 1000, 200));
        bus.request(LotAddresses.QUERY, query, SERVICE).onSuccess(ctx::json).onFailure(ctx::fail);
    }

    /** Quality-management figures per line (lots made, released first time, rejected, diverted share, alarms). */
    private void figures(RoutingContext ctx) {
        SessionAuth.require(ctx, Permission.VIEW);
        QueryParams q = QueryParams.of(ctx, "line", "from", "to");
        JsonObject query = new JsonObject();
        putIfPresent(query, "line", q.line("line", plant));
        Instant from = q.instant("from");
        Instant to = q.instant("to");
        QueryParams.checkOrder(from, to);
        putIfPresent(query, "from", from == null ? null : from.toEpochMilli());
        putIfPresent(query, "to", to == null ? null : to.toEpochMilli());
        bus.request(LotAddresses.FIGURES, query, SERVICE).onSuccess(ctx::json).onFailure(ctx::fail);
    }

    private void detail(RoutingContext ctx) {
        SessionAuth.require(ctx, Permission.VIEW);
        fetch(lotId(ctx)).onSuccess(lot -> ctx.json(lot.toJson())).onFailure(ctx::fail);
    }

    private void sign(RoutingContext ctx) {
        HmiUser user = SessionAuth.require(ctx, Permission.REVIEW);
        String lotId = lotId(ctx);
        JsonBody body = JsonBody.of(ctx);
        String password = body.text("password");
        String meaning = body.text("meaning");
        if (!MEANINGS.contains(meaning)) {
            throw ApiException.badField("meaning", "must be APPROVED or REJECTED, not '" + meaning + "'");
        }
        String comment = body.note("comment", MAX_COMMENT);
        String recordHash = body.text("recordHash");
        if (!HASH.matcher(recordHash).matches()) {
            throw ApiException.badField("recordHash", "must be the lot record's content hash (64 lower-case hex digits)");
        }
        Duration locked = throttle.lockedFor(user.id());
        if (!locked.isZero()) {
            throw new ApiException(429, "password", "too many wrong passwords for '" + user.id() + "': try again in "
                    + Math.max(1, locked.toSeconds()) + " s");
        }
        // bcrypt on purpose takes tens of milliseconds: off the event loop
        vertx.executeBlocking(() -> users.authenticate(user.id(), password).filter(u -> u.id().equals(user.id())), false)
                .compose(checked -> {
                    if (checked.isEmpty()) {
                        throttle.failed(user.id());
                        audit.append(new AuditRequest(user.id(), AuditActions.LOGIN_FAILED, "", lotId, "", "",
                                "wrong password when signing lot " + lotId));
                        return Future.failedFuture(new ApiException(401, "password", "wrong password: the signature was not made"));
                    }
                    throttle.succeeded(user.id());
                    SignatureRequest request = new SignatureRequest(lotId, user.id(), user.name(), meaning, comment,
                            recordHash);
                    return bus.request(LotAddresses.SIGN, request.toJson(), SERVICE);
                })
                .onSuccess(signature -> ctx.response().setStatusCode(201).putHeader("Content-Type", "application/json")
                        .end(signature.encode()))
                .onFailure(ctx::fail);
    }

    private void export(RoutingContext ctx) {
        SessionAuth.require(ctx, Permission.VIEW);
        String lotId = lotId(ctx);
        String format = QueryParams.of(ctx, "format").oneOf("format", List.of("csv", "json", "html"));
        if (format == null) {
            throw ApiException.badField("format", "is required: csv, json or html");
        }
        fetch(lotId).onSuccess(lot -> {
            String name = "lot-" + lot.record().id().replaceAll("[^A-Za-z0-9._-]", "_");
            switch (format) {
                case "json" -> ctx.response().putHeader("Content-Type", "application/json")
                        .putHeader("Content-Disposition", "attachment; filename=\"" + name + ".json\"")
                        .end(lot.toJson().encodePrettily());
                case "csv" -> ctx.response().putHeader("Content-Type", "text/csv; charset=utf-8")
                        .putHeader("Content-Disposition", "attachment; filename=\"" + name + ".csv\"")
                        .end(LotExport.csv(lot.record(), lot.signed()));
                default -> ctx.response().putHeader("Content-Type", "text/html; charset=utf-8")
                        .end(LotExport.html(lot.record(), lot.signed(), plant.name()));
            }
        }).onFailure(ctx::fail);
    }

    private Future<LotView> fetch(String lotId) {
        return bus.request(LotAddresses.GET, new JsonObject().put("id", lotId), SERVICE).map(LotView::of);
    }

    private static String lotId(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        if (id == null || !LOT_ID.matcher(id).matches()) {
            throw ApiException.badField("id", "'" + id + "' is not a lot id");
        }
        return id;
    }

    private static List<String> labelsAndNames() {
        List<String> all = new java.util.ArrayList<>(DECISIONS);
        for (ReleaseDecision d : ReleaseDecision.values()) {
            if (!all.contains(d.label())) {
                all.add(d.label());
            }
        }
        return all;
    }

    private static ReleaseDecision decisionOf(String text) {
        for (ReleaseDecision d : ReleaseDecision.values()) {
            if (d.name().equals(text) || d.label().equals(text)) {
                return d;
            }
        }
        throw ApiException.badField("decision", "unknown decision " + text);
    }

    private static void putIfPresent(JsonObject json, String key, Object value) {
        if (value != null) {
            json.put(key, value);
        }
    }

    /**
     * The lot service's answer: the record (decoded, to render exports), the signatures as sent (each with its own
     * {@code valid} check when the service adds one) and whether the record's content hash verifies.
     */
    record LotView(LotRecord record, JsonObject lot, JsonArray signatures, List<LotSignature> signed, Boolean verified) {
        static LotView of(JsonObject reply) {
            JsonObject lot = reply.getJsonObject("lot");
            if (lot == null) {
                throw new ApiException(502, null, SERVICE + " answered without a lot");
            }
            JsonArray signatures = reply.getJsonArray("signatures", new JsonArray());
            List<LotSignature> signed = signatures.stream()
                    .map(s -> JournalJson.read(((JsonObject) s).encode(), LotSignature.class)).toList();
            return new LotView(JournalJson.read(lot.encode(), LotRecord.class), lot, signatures, signed,
                    reply.getBoolean("verified"));
        }

        /** Review by exception: the decision and its reasons first, then the record and the signatures. */
        JsonObject toJson() {
            ReleaseDecision decision = record.decision();
            JsonArray reasons = new JsonArray();
            record.reasons().forEach(r -> reasons.add(new JsonObject().put("rule", r.rule())
                    .put("outcome", r.outcome() == null ? null : r.outcome().label()).put("message", r.message())));
            return new JsonObject().put("id", record.id()).put("line", record.line())
                    .put("status", record.status() == null ? null : record.status().name())
                    .put("decision", decision == null ? null : decision.label())
                    .put("reasons", reasons).put("contentHash", record.contentHash()).put("verified", verified)
                    .put("lot", lot).put("signatures", signatures);
        }
    }
}
