package org.flowpat.hmi.api;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import java.util.concurrent.atomic.AtomicBoolean;
import org.flowpat.controller.api.AuditAddresses;
import org.flowpat.controller.api.AuditRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the HMI itself writes to the audit trail: the events only it sees (logins, failed password entries). The
 * controller's audit service numbers and chains the entries; when it is not running the entry is lost and the
 * server log says so (a login must not fail because the trail is down).
 */
public final class AuditLog {
    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    private final Vertx vertx;
    private final DeliveryOptions options = new DeliveryOptions().setSendTimeout(10_000);
    private final AtomicBoolean absentReported = new AtomicBoolean();

    public AuditLog(Vertx vertx) {
        this.vertx = vertx;
    }

    public void append(AuditRequest request) {
        vertx.eventBus().request(AuditAddresses.APPEND, request.toJson(), options).onFailure(e -> {
            boolean absent = e instanceof ReplyException r && r.failureType() == ReplyFailure.NO_HANDLERS;
            // an absent trail (tests, a controller still starting) is said once, not at every login
            if (!absent || !absentReported.getAndSet(true)) {
                LOG.warn("audit entry {} {} for {} not written: {}", request.action(), request.target(), request.user(),
                        e.getMessage());
            }
        });
    }
}
