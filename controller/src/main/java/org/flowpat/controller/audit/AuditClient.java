package org.flowpat.controller.audit;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import org.flowpat.controller.api.AuditAddresses;
import org.flowpat.controller.api.AuditEntry;
import org.flowpat.controller.api.AuditRequest;
import org.flowpat.controller.api.codec.JournalJson;

/** How controller components record what they changed: a request to the {@link AuditService}. */
public final class AuditClient {
    /** An append is one disk write and flush; far longer means the service is stuck. */
    static final long TIMEOUT_MS = 10_000;

    private AuditClient() {
    }

    /** Appends; succeeds with the entry once it is durable, fails when the trail could not take it (or nobody serves it). */
    public static Future<AuditEntry> append(Vertx vertx, AuditRequest request) {
        return vertx.eventBus().<JsonObject>request(AuditAddresses.APPEND, request.toJson(),
                        new DeliveryOptions().setSendTimeout(TIMEOUT_MS))
                .map(reply -> fromJson(reply.body()));
    }

    public static JsonObject toJson(AuditEntry entry) {
        return new JsonObject(JournalJson.toText(entry));
    }

    public static AuditEntry fromJson(JsonObject json) {
        return JournalJson.read(json.encode(), AuditEntry.class);
    }

    /** A number as the trail writes old and new values: the shortest text that reads back as the same double. */
    public static String number(double value) {
        return Double.toString(value);
    }
}
