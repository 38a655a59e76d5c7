package org.flowpat.hmi;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import org.flowpat.hmi.api.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every failure leaves as JSON {@code {"error": ..., "field": ...}}: a refusal ({@link ApiException}) with its
 * status and message, a routing status (404, 413, ...) with its reason, anything else as 500 with only an
 * incident id (the cause goes to the log, never to the client).
 */
final class ErrorHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandler.class);

    private ErrorHandler() {
    }

    static void handle(RoutingContext ctx) {
        if (ctx.response().headWritten()) {
            ctx.response().reset();
            return;
        }
        Throwable failure = ctx.failure();
        int status;
        JsonObject body;
        if (failure instanceof ApiException e) {
            status = e.status();
            body = new JsonObject().put("error", e.getMessage()).put("field", e.field());
        } else if (failure == null && ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
            status = ctx.statusCode();
            body = new JsonObject().put("error", reason(status));
        } else {
            status = 500;
            String incident = UUID.randomUUID().toString().substring(0, 8);
            LOG.error("{} {} failed (incident {})", ctx.request().method(), ctx.request().path(), incident, failure);
            body = new JsonObject().put("error", "internal error, incident " + incident + " (see the server log)");
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
    }

    private static String reason(int status) {
        return switch (status) {
            case 404 -> "not found";
            case 405 -> "method not allowed";
            case 413 -> "request body too large";
            case 415 -> "unsupported media type";
            default -> "bad request";
        };
    }
}
