package org.flowpat.controller.lots;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;
import org.flowpat.controller.api.AuditActions;
import org.flowpat.controller.api.AuditAddresses;
import org.flowpat.controller.api.AuditRequest;
import org.flowpat.controller.api.LotAddresses;
import org.flowpat.controller.api.LotRecord;
import org.flowpat.controller.api.LotSignature;
import org.flowpat.controller.api.LotStatus;
import org.flowpat.controller.api.ReleaseDecision;
import org.flowpat.controller.api.ReleaseReason;
import org.flowpat.controller.api.SignatureRequest;
import org.flowpat.controller.api.codec.ControllerCodecs;
import org.flowpat.controller.api.codec.JournalJson;
import org.flowpat.controller.historian.Historian;
import org.flowpat.controller.quality.QualityCodecs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plant's lots for the HMI: keeps every lot record published on {@link LotAddresses#LOTS} (in memory, recovered
 * from the historian over {@link #LOOK_BACK} at start, so a restarted controller shows past lots; a lot the last run
 * left open is closed for review, see {@link #interrupted}) with their signatures, and answers {@link LotAddresses#QUERY}, {@link LotAddresses#GET}, {@link LotAddresses#SIGN} and
 * {@link LotAddresses#FIGURES} in JSON.
 *
 * <p>A signature (the HMI has checked role and password) is accepted only for a closed lot, with meaning APPROVED or
 * REJECTED, for the record content the signer was shown (409 otherwise), once per user and meaning (409), and only
 * once the audit trail has taken its {@code lot.signature} entry (503 when no audit service answers). The decision of
 * each lot that closes goes to the audit trail as {@code lot.decision} by {@code system:release-rules}.
 *
 * <p>The replies (records as {@link JournalJson}, so non-finite numbers are the strings {@code "NaN"} etc.):
 * <ul>
 * <li>QUERY {@code {line?, from?, to? (epoch ms of the lot's start), decision? (RELEASE-READY or RELEASE_READY, ...),
 * limit? (1-1000, default 100)}} → {@code {lots: [{id, line, status, start, end (epoch ms), startNanos, endNanos,
 * inputMassG, productMassG, divertedMassG, decision (RELEASE_READY|REVIEW|REJECT, null while open), decisionLabel
 * (RELEASE-READY, ...), reasons: [text], completeness (share), contentHash, signatures: [{user, fullName, meaning,
 * timeNanos}]}]}}, newest first.</li>
 * <li>GET {@code {id}} → {@code {lot: LotRecord, signatures: [LotSignature + valid], verified}}: {@code verified}
 * whether the record matches its content hash, {@code valid} whether a signature verifies against it; 404 unknown.</li>
 * <li>SIGN {@link SignatureRequest} → the {@link LotSignature}; 400 incomplete or a meaning other than APPROVED /
 * REJECTED, 404 unknown lot, 409 open lot, changed record or signed before, 503 no audit trail.</li>
 * <li>FIGURES {@code {line?, from?, to? (epoch ms; default the 24 h up to now or the newest lot's end, whichever is
 * later, since lots run on the data's clock)}} → {@code {figures: [QualityFigures.toJson per line]}}; 404 unknown line.</li>
 * </ul>
 */
public final class LotService extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(LotService.class);
    public static final Duration LOOK_BACK = Duration.ofDays(90);
    public static final String RELEASE_RULES_USER = "system:release-rules";
    /** The rule of a lot closed because the controller stopped while it was open. */
    public static final String INTERRUPTED = "interrupted";
    public static final int BAD_REQUEST = 400;
    public static final int NOT_FOUND = 404;
    public static final int CONFLICT = 409;
    public static final int UNAVAILABLE = 503;
    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;
    private static final long DAY_NANOS = 86_400_000_000_000L;
    /** Lots kept in memory (the oldest go first; the historian keeps them all): 90 days of 20-minute lots on 3 lines. */
    static final int MAX_LOTS = 20_000;

    private final List<String> lines;
    private final Historian historian;
    private final LongSupplier clockNanos;
    private final long auditTimeoutMs;
    private final Map<String, LotRecord> lots = new HashMap<>();
    private final Map<String, List<LotSignature>> signatures = new HashMap<>();
    private final Set<String> signing = new HashSet<>();
    private final List<MessageConsumer<?>> consumers = new ArrayList<>();
    private final long recoveryRetryMs;
    private boolean recovered;
    private long retryTimer = -1;

    /**
     * @param lines      the plant's line ids (recovered from the historian)
     * @param clockNanos host time, epoch ns: signature times and the look-back
     */
    public LotService(List<String> lines, Historian historian, LongSupplier clockNanos, long auditTimeoutMs,
                      long recoveryRetryMs) {
        this.lines = List.copyOf(lines);
        this.historian = Objects.requireNonNull(historian, "historian");
        this.clockNanos = clockNanos;
        this.auditTimeoutMs = auditTimeoutMs;
        this.recoveryRetryMs = recoveryRetryMs;
    }

    public LotService(List<String> lines, Historian historian) {
        this(lines, historian, () -> System.currentTimeMillis() * 1_000_000L, 10_000, 30_000);
    }

    /**
     * Listens at once and reads the past from the historian in the background: a historian that is down (its spool
     * keeps the data meanwhile) must not stop the controller. Until the past is read, signatures are refused (503),
     * since a signature given before the restart could not be seen.
     */
    @Override
    public Future<?> start() {
        EventBus bus = vertx.eventBus();
        ControllerCodecs.register(bus);
        QualityCodecs.register(bus);
        consumers.add(bus.<LotRecord>consumer(LotAddresses.LOTS, m -> onLot(m.body())));
        consumers.add(bus.<JsonObject>consumer(LotAddresses.QUERY, m -> answer(m, () -> query(m.body()))));
        consumers.add(bus.<JsonObject>consumer(LotAddresses.GET, m -> answer(m, () -> get(m.body()))));
        consumers.add(bus.<JsonObject>consumer(LotAddresses.SIGN, this::sign));
        consumers.add(bus.<JsonObject>consumer(LotAddresses.FIGURES, this::figures));
        return Future.all(consumers.stream().map(MessageConsumer::completion).toList()).onSuccess(v -> recover());
    }

    private void recover() {
        long from = clockNanos.getAsLong() - LOOK_BACK.toNanos();
        vertx.executeBlocking(() -> {
            Map<String, LotRecord> found = new HashMap<>();
            List<LotSignature> signed = new ArrayList<>();
            for (String line : lines) {
                historian.lots(line, from, Long.MAX_VALUE).forEach(l -> found.put(l.id(), l));
                signed.addAll(historian.signatures(line, from, Long.MAX_VALUE));
            }
            return new Recovered(found, signed);
        }).onSuccess(r -> {
            r.lots().forEach(lots::putIfAbsent);   // a record published since the start is newer
            forgetOldest();
            r.signatures().forEach(this::remember);
            recovered = true;
            LOG.info("lot service: {} lots and {} signatures recovered from {}", r.lots().size(), r.signatures().size(),
                    historian.describe());
            r.lots().values().stream().filter(l -> l.status() == LotStatus.OPEN && lots.get(l.id()) == l)
                    .forEach(l -> vertx.eventBus().publish(LotAddresses.LOTS, interrupted(l)));
        }).onFailure(e -> {
            LOG.warn("lot service: reading past lots from {} failed, retrying in {} ms: {}", historian.describe(),
                    recoveryRetryMs, e.getMessage());
            retryTimer = vertx.setTimer(recoveryRetryMs, id -> recover());
        });
    }

    /**
     * A lot still open when the controller stopped: nobody tracks it any more, so it is closed as it was last
     * recorded and put up for review (a new version of its record, which the historian keeps instead of the old).
     */
    static LotRecord interrupted(LotRecord l) {
        List<ReleaseReason> reasons = new ArrayList<>(l.reasons());
        reasons.add(new ReleaseReason(INTERRUPTED, ReleaseDecision.REVIEW, "the controller stopped while the lot was "
                + "open: the record holds only what was known at " + java.time.Instant.ofEpochSecond(0, l.endNanos())));
        return LotHashes.sealed(new LotRecord(l.id(), l.line(), LotStatus.CLOSED, l.startNanos(), l.endNanos(),
                l.inputMassG(), l.productMassG(), l.divertedMassG(), l.diversions(), l.cqas(), l.spcSignals(), l.alarms(),
                l.setpointChanges(), l.lineStates(), l.completeness(), l.gaps(),
                l.decision() == null ? ReleaseDecision.REVIEW : l.decision().worse(ReleaseDecision.REVIEW), reasons, ""));
    }

    private record Recovered(Map<String, LotRecord> lots, List<LotSignature> signatures) {
    }

    /** A request that was refused: the failure code and message for the reply. */
    private static final class Refused extends RuntimeException {
        final int code;

        Refused(int code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }

    private interface Answer {
        JsonObject get();
    }

    private static void answer(Message<JsonObject> m, Answer answer) {
        try {
            m.reply(answer.get());
        } catch (Refused e) {
            m.fail(e.code, e.getMessage());
        } catch (RuntimeException e) {
            m.fail(BAD_REQUEST, "bad lot request " + m.body() + ": " + e.getMessage());
        }
    }

    private void onLot(LotRecord lot) {
        LotRecord previous = lots.put(lot.id(), lot);
        forgetOldest();
        boolean closedNow = lot.status() == LotStatus.CLOSED && (previous == null || previous.status() != LotStatus.CLOSED);
        if (closedNow && lot.decision() != null) {
            String reasons = lot.reasons().isEmpty() ? "every release rule holds"
                    : String.join("; ", lot.reasons().stream().map(r -> r.message()).toList());
            audit(new AuditRequest(RELEASE_RULES_USER, AuditActions.LOT_DECISION, lot.line(), lot.id(), "",
                    lot.decision().label(), reasons)).onFailure(e -> LOG.warn("lot {}: the audit trail did not take "
                    + "its decision: {}", lot.id(), e.getMessage()));
        }
    }

    /** Keeps memory bounded over a long run of many lines: beyond {@link #MAX_LOTS} the oldest lots are dropped. */
    private void forgetOldest() {
        if (lots.size() <= MAX_LOTS) {
            return;
        }
        lots.values().stream().sorted(Comparator.comparingLong(LotRecord::startNanos)).limit(lots.size() - MAX_LOTS)
                .map(LotRecord::id).toList().forEach(id -> {
                    lots.remove(id);
                    signatures.remove(id);
                });
    }

    private void remember(LotSignature s) {
        List<LotSignature> list = signatures.computeIfAbsent(s.lotId(), k -> new ArrayList<>());
        if (list.stream().noneMatch(x -> x.id().equals(s.id()))) {
            list.add(s);
        }
    }

    // ---- QUERY and GET ------------------------------------------------------------------------------------------

    private JsonObject query(JsonObject q) {
        String line = q.getString("line");
        Long from = q.getLong("from");
        Long to = q.getLong("to");
        ReleaseDecision decision = decision(q.getString("decision"));
        int limit = q.getInteger("limit", DEFAULT_LIMIT);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new Refused(BAD_REQUEST, "limit must be in [1, " + MAX_LIMIT + "], got " + limit);
        }
        JsonArray out = new JsonArray();
        lots.values().stream()
                .filter(l -> line == null || line.equals(l.line()))
                .filter(l -> from == null || l.startNanos() >= from * 1_000_000L)
                .filter(l -> to == null || l.startNanos() < to * 1_000_000L)
                .filter(l -> decision == null || decision == l.decision())
                .sorted(Comparator.comparingLong(LotRecord::startNanos).reversed().thenComparing(LotRecord::id))
                .limit(limit)
                .forEach(l -> out.add(summary(l)));
        return new JsonObject().put("lots", out);
    }

    private static ReleaseDecision decision(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        for (ReleaseDecision d : ReleaseDecision.values()) {
            if (d.name().equalsIgnoreCase(text) || d.label().equalsIgnoreCase(text)) {
                return d;
            }
        }
        throw new Refused(BAD_REQUEST, "decision must be RELEASE-READY, REVIEW or REJECT, got '" + text + "'");
    }

    /** What a lot list shows: figures and decision, reasons and signatures, without the statistics. */
    private JsonObject summary(LotRecord l) {
        JsonArray signed = new JsonArray();
        signatures.getOrDefault(l.id(), List.of()).forEach(s -> signed.add(new JsonObject().put("user", s.user())
                .put("fullName", s.fullName()).put("meaning", s.meaning()).put("timeNanos", s.timeNanos())));
        return new JsonObject().put("id", l.id()).put("line", l.line()).put("status", l.status().name())
                .put("startNanos", l.startNanos()).put("endNanos", l.endNanos())
                .put("start", l.startNanos() / 1_000_000).put("end", l.endNanos() / 1_000_000)
                .put("inputMassG", finite(l.inputMassG())).put("productMassG", finite(l.productMassG()))
                .put("divertedMassG", finite(l.divertedMassG()))
                .put("decision", l.decision() == null ? null : l.decision().name())
                .put("decisionLabel", l.decision() == null ? null : l.decision().label())
                .put("reasons", new JsonArray(l.reasons().stream().map(r -> (Object) r.message()).toList()))
                .put("completeness", l.completeness() == null ? null : finite(l.completeness().share()))
                .put("contentHash", l.contentHash()).put("signatures", signed);
    }

    private JsonObject get(JsonObject q) {
        LotRecord lot = lot(q.getString("id"));
        JsonArray signed = new JsonArray();
        for (LotSignature s : signatures.getOrDefault(lot.id(), List.of())) {
            signed.add(json(s).put("valid", LotSignatures.verify(s, lot)));
        }
        return new JsonObject().put("lot", new JsonObject(JournalJson.toText(lot))).put("signatures", signed)
                .put("verified", LotHashes.verify(lot));
    }

    private LotRecord lot(String id) {
        if (id == null || id.isBlank()) {
            throw new Refused(BAD_REQUEST, "a lot request needs the lot's id");
        }
        LotRecord lot = lots.get(id);
        if (lot == null) {
            throw new Refused(NOT_FOUND, "no lot '" + id + "'");
        }
        return lot;
    }

    // ---- SIGN ---------------------------------------------------------------------------------------------------

    private void sign(Message<JsonObject> m) {
        SignatureRequest r;
        LotRecord lot;
        String key;
        try {
            if (!recovered) {
                throw new Refused(UNAVAILABLE, "the lot history is still being read from the historian: try again shortly");
            }
            r = SignatureRequest.fromJson(m.body());
            List<String> missing = new ArrayList<>();
            blank(missing, "lotId", r.lotId());
            blank(missing, "user", r.user());
            blank(missing, "fullName", r.fullName());
            blank(missing, "meaning", r.meaning());
            blank(missing, "recordHash", r.recordHash());
            if (!missing.isEmpty()) {
                throw new Refused(BAD_REQUEST, "a signature needs " + String.join(", ", missing));
            }
            if (!LotSignatures.MEANINGS.contains(r.meaning())) {
                throw new Refused(BAD_REQUEST, "meaning must be APPROVED or REJECTED, got '" + r.meaning() + "'");
            }
            lot = lot(r.lotId());
            if (lot.status() != LotStatus.CLOSED) {
                throw new Refused(CONFLICT, "lot " + lot.id() + " is still open: only a closed lot can be signed");
            }
            if (!r.recordHash().equals(lot.contentHash())) {
                throw new Refused(CONFLICT, "record changed since it was shown: lot " + lot.id() + " is now "
                        + lot.contentHash() + ", the signer saw " + r.recordHash());
            }
            key = lot.id() + "\u0000" + r.user() + "\u0000" + r.meaning() + "\u0000" + lot.contentHash();
            boolean signedBefore = signatures.getOrDefault(lot.id(), List.of()).stream().anyMatch(s ->
                    s.user().equals(r.user()) && s.meaning().equals(r.meaning()) && s.recordHash().equals(lot.contentHash()));
            if (signedBefore || !signing.add(key)) {
                throw new Refused(CONFLICT, r.user() + " has already signed lot " + lot.id() + " as " + r.meaning());
            }
        } catch (Refused e) {
            m.fail(e.code, e.getMessage());
            return;
        } catch (RuntimeException e) {
            m.fail(BAD_REQUEST, "bad signature request " + m.body() + ": " + e.getMessage());
            return;
        }
        LotSignature signature = LotSignatures.sign(r, lot, clockNanos.getAsLong());
        audit(new AuditRequest(r.user(), AuditActions.LOT_SIGNATURE, lot.line(), lot.id(),
                lot.decision() == null ? "" : lot.decision().label(), r.meaning(),
                (r.comment() == null || r.comment().isBlank() ? "" : r.comment() + " ") + "(signature " + signature.id()
                        + " of record " + lot.contentHash() + ")"))
                .onComplete(ar -> {
                    signing.remove(key);
                    if (ar.failed()) {
                        m.fail(UNAVAILABLE, "signature not recorded: the audit trail did not take it ("
                                + ar.cause().getMessage() + ")");
                        return;
                    }
                    remember(signature);
                    vertx.eventBus().publish(LotAddresses.SIGNATURES, signature);
                    m.reply(json(signature));
                });
    }

    private Future<Object> audit(AuditRequest request) {
        return vertx.eventBus().request(AuditAddresses.APPEND, request.toJson(),
                new DeliveryOptions().setSendTimeout(auditTimeoutMs)).map(reply -> reply.body());
    }

    private static void blank(List<String> missing, String field, String value) {
        if (value == null || value.isBlank()) {
            missing.add(field);
        }
    }

    private static JsonObject json(LotSignature s) {
        return new JsonObject(JournalJson.toText(s));
    }

    // ---- FIGURES ------------------------------------------------------------------------------------------------

    private void figures(Message<JsonObject> m) {
        String line = m.body().getString("line");
        long now = clockNanos.getAsLong();
        long newestEnd = lots.values().stream().mapToLong(LotRecord::endNanos).max().orElse(now);
        long to;
        long from;
        try {
            // Lots run on the data's clock, which a simulator faster than real time puts ahead of the host's.
            to = m.body().getLong("to") != null ? m.body().getLong("to") * 1_000_000L : Math.max(now, newestEnd) + 1;
            from = m.body().getLong("from") != null ? m.body().getLong("from") * 1_000_000L : to - DAY_NANOS;
            if (line != null && !lines.contains(line)) {
                throw new Refused(NOT_FOUND, "no line '" + line + "'; the plant has " + lines);
            }
            if (to <= from) {
                throw new Refused(BAD_REQUEST, "the period must end after it starts: from " + from / 1_000_000
                        + " to " + to / 1_000_000 + " (epoch ms)");
            }
        } catch (Refused e) {
            m.fail(e.code, e.getMessage());
            return;
        } catch (RuntimeException e) {
            m.fail(BAD_REQUEST, "bad figures request " + m.body() + ": " + e.getMessage());
            return;
        }
        List<String> wanted = line == null ? lines : List.of(line);
        List<LotRecord> known = List.copyOf(lots.values());
        Map<String, List<LotSignature>> signed = new HashMap<>();
        signatures.forEach((id, list) -> signed.put(id, List.copyOf(list)));
        vertx.executeBlocking(() -> {
            JsonArray out = new JsonArray();
            for (String l : wanted) {
                out.add(QualityFigures.of(l, from, to, known, signed, historian.alarmJournal(l, from, to),
                        historian.lineStates(l, from - LOOK_BACK.toNanos(), to)).toJson());
            }
            return new JsonObject().put("figures", out);
        }, false).onComplete(ar -> {
            if (ar.succeeded()) {
                m.reply(ar.result());
            } else {
                m.fail(UNAVAILABLE, "quality figures unavailable: " + ar.cause().getMessage());
            }
        });
    }

    private static Double finite(double x) {
        return Double.isFinite(x) ? x : null;
    }

    @Override
    public Future<?> stop() {
        if (retryTimer >= 0) {
            vertx.cancelTimer(retryTimer);
        }
        return Future.all(consumers.stream().map(MessageConsumer::unregister).toList());
    }
}
