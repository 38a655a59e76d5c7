package org.flowpat.controller.api;

/**
 * Event-bus addresses of lots and real-time release. Requests from the HMI travel as
 * {@link io.vertx.core.json.JsonObject} (like {@link HmiAddresses}); records published for the historian travel as
 * the records themselves.
 */
public final class LotAddresses {
    /** Every {@link LotRecord} when a lot opens, closes or its decision changes, published (the historian journals them). */
    public static final String LOTS = "flowpat.lots";
    /** Every {@link LotSignature} once accepted, published (the historian journals them). */
    public static final String SIGNATURES = "flowpat.lots.signatures";
    /** JSON {line?, from?, to? (epoch ms), decision?, limit?} → {@code {lots: [summary, ...]}}, newest first. */
    public static final String QUERY = "flowpat.lots.query";
    /** JSON {id} → {@code {lot: LotRecord, signatures: [LotSignature, ...]}}; fails 404 for an unknown lot. */
    public static final String GET = "flowpat.lots.get";
    /** {@link SignatureRequest} as JSON → {@link LotSignature} as JSON; fails 409 when the record hash no longer matches. */
    public static final String SIGN = "flowpat.lots.sign";
    /** JSON {line?, from?, to? (epoch ms)} → quality-management figures per line for the period. */
    public static final String FIGURES = "flowpat.lots.figures";

    private LotAddresses() {
    }
}
