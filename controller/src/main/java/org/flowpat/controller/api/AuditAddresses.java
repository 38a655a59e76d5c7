package org.flowpat.controller.api;

/**
 * Event-bus addresses of the audit trail. Requests travel as {@link io.vertx.core.json.JsonObject} (like
 * {@link HmiAddresses}); appended entries are published as {@link AuditEntry} records for the historian.
 */
public final class AuditAddresses {
    /** {@link AuditRequest} (as JSON) → the {@link AuditEntry} written (as JSON). */
    public static final String APPEND = "flowpat.audit.append";
    /** Every {@link AuditEntry} once it is durable, published (the historian journals them). */
    public static final String ENTRIES = "flowpat.audit";
    /**
     * A search of the trail (JSON: from, to epoch ms, user, action, line, text, limit) → JSON
     * {@code {entries: [...], chain: {valid, entries, firstBadSeq, message}}}.
     */
    public static final String QUERY = "flowpat.audit.query";

    private AuditAddresses() {
    }
}
