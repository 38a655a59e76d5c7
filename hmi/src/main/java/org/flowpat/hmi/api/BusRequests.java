package org.flowpat.hmi.api;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import java.time.Duration;

/**
 * Requests to the controller over the event bus, with its failures turned into HTTP answers: nobody serving the
 * address → 503 naming the service, timeout → 504, a refusal → the refusal's code when it is a 4xx, else 502.
 */
public final class BusRequests {
    private final Vertx vertx;
    private final DeliveryOptions options;

    public BusRequests(Vertx vertx, Duration timeout) {
        this.vertx = vertx;
        this.options = new DeliveryOptions().setSendTimeout(timeout.toMillis());
    }

    /** @param service what serves the address, for the 503 message, e.g. "the historian's trend service" */
    public Future<JsonObject> request(String address, JsonObject body, String service) {
        return vertx.eventBus().<JsonObject>request(address, body, options)
                .map(m -> m.body())
                .recover(e -> Future.failedFuture(translate(e, address, service)));
    }

    /**
     * A request carrying a record by its registered codec (in one JVM the object itself travels); no codec
     * registered means the controller part that declares it is not deployed here → 503.
     */
    public <T> Future<T> requestRecord(String address, Object body, String service) {
        try {
            return vertx.eventBus().<T>request(address, body, options)
                    .map(m -> m.body())
                    .recover(e -> Future.failedFuture(translate(e, address, service)));
        } catch (IllegalArgumentException noCodec) {
            return Future.failedFuture(new ApiException(503, null, service + " is not running (no codec for "
                    + body.getClass().getSimpleName() + " on this event bus)"));
        }
    }

    private static Throwable translate(Throwable e, String address, String service) {
        if (e instanceof ReplyException r) {
            if (r.failureType() == ReplyFailure.NO_HANDLERS) {
                return new ApiException(503, null, service + " is not running (nothing serves " + address + ")");
            }
            if (r.failureType() == ReplyFailure.TIMEOUT) {
                return new ApiException(504, null, service + " did not answer in time");
            }
            int code = r.failureCode();
            return new ApiException(code >= 400 && code < 500 ? code : 502, null, service + " refused: " + r.getMessage());
        }
        return e;
    }
}
