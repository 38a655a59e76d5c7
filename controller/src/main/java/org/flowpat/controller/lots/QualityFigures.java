package org.flowpat.controller.lots;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.flowpat.controller.api.AlarmState;
import org.flowpat.controller.api.AlarmTransition;
import org.flowpat.controller.api.LineState;
import org.flowpat.controller.api.LineStateChange;
import org.flowpat.controller.api.LotRecord;
import org.flowpat.controller.api.LotSignature;
import org.flowpat.controller.api.LotStatus;
import org.flowpat.controller.api.ReleaseDecision;

/**
 * Quality-management figures of one line over a period, as quality staff and purchasers ask for them: lots made
 * (closed lots that started in the period), released first time (RELEASE-READY at close and approved, never
 * rejected), rejected (REJECT at close or a REJECTED signature), diverted share of the lots' output, alarm
 * activations per hour, and the share of the period the line spent in Execute.
 *
 * @param divertedShare diverted / (product + diverted) over the lots made; NaN without output
 */
public record QualityFigures(String line, long fromNanos, long toNanos, int lotsMade, int releasedFirstTime,
                             int rejected, double divertedShare, int alarms, double alarmsPerHour,
                             double uptimeShare) {

    /**
     * @param lots        the line's lots (any period; those starting in it are counted)
     * @param signatures  signatures by lot id
     * @param alarms      the line's alarm transitions in the period
     * @param lineStates  the line's state changes up to the end of the period, by time (earlier ones give the
     *                    state at its start)
     */
    public static QualityFigures of(String line, long fromNanos, long toNanos, List<LotRecord> lots,
                                    Map<String, List<LotSignature>> signatures, List<AlarmTransition> alarms,
                                    List<LineStateChange> lineStates) {
        if (toNanos <= fromNanos) {
            throw new IllegalArgumentException("the period must end after it starts: from " + fromNanos + " to " + toNanos);
        }
        int made = 0;
        int firstTime = 0;
        int rejected = 0;
        double product = 0;
        double diverted = 0;
        for (LotRecord lot : lots) {
            if (!lot.line().equals(line) || lot.status() != LotStatus.CLOSED || lot.startNanos() < fromNanos
                    || lot.startNanos() >= toNanos) {
                continue;
            }
            made++;
            List<LotSignature> signed = signatures.getOrDefault(lot.id(), List.of());
            boolean approved = signed.stream().anyMatch(s -> LotSignatures.APPROVED.equals(s.meaning()));
            boolean refused = signed.stream().anyMatch(s -> LotSignatures.REJECTED.equals(s.meaning()));
            if (lot.decision() == ReleaseDecision.RELEASE_READY && approved && !refused) {
                firstTime++;
            }
            if (lot.decision() == ReleaseDecision.REJECT || refused) {
                rejected++;
            }
            if (Double.isFinite(lot.productMassG()) && Double.isFinite(lot.divertedMassG())) {
                product += lot.productMassG();
                diverted += lot.divertedMassG();
            }
        }
        long activations = alarms.stream().filter(a -> a.line().equals(line) && a.to() == AlarmState.ACTIVE_UNACKED
                && a.timeNanos() >= fromNanos && a.timeNanos() < toNanos).count();
        double hours = (toNanos - fromNanos) / 3.6e12;
        return new QualityFigures(line, fromNanos, toNanos, made, firstTime, rejected,
                product + diverted > 0 ? diverted / (product + diverted) : Double.NaN, (int) activations,
                activations / hours, executeNanos(lineStates, fromNanos, toNanos) / (double) (toNanos - fromNanos));
    }

    /** Time in Execute within the period, from the state changes (the state before the first one is unknown: not Execute). */
    static long executeNanos(List<LineStateChange> changes, long fromNanos, long toNanos) {
        long total = 0;
        LineState state = null;
        long since = fromNanos;
        for (LineStateChange c : changes.stream().sorted(java.util.Comparator.comparingLong(LineStateChange::timeNanos)).toList()) {
            long t = Math.min(Math.max(c.timeNanos(), fromNanos), toNanos);
            if (state == LineState.EXECUTE) {
                total += t - since;
            }
            state = c.to();
            since = t;
        }
        if (state == LineState.EXECUTE) {
            total += toNanos - since;
        }
        return total;
    }

    public JsonObject toJson() {
        return new JsonObject().put("line", line).put("from", fromNanos / 1_000_000).put("to", toNanos / 1_000_000)
                .put("lotsMade", lotsMade).put("releasedFirstTime", releasedFirstTime).put("rejected", rejected)
                .put("divertedShare", finite(divertedShare)).put("alarms", alarms)
                .put("alarmsPerHour", finite(alarmsPerHour)).put("uptimeShare", finite(uptimeShare));
    }

    private static Double finite(double x) {
        return Double.isFinite(x) ? x : null;
    }
}
