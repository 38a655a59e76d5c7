package org.flowpat.controller.historian;

import org.flowpat.controller.api.AlarmState;
import org.flowpat.controller.api.AlarmTransition;
import org.flowpat.controller.api.AuditEntry;
import org.flowpat.controller.api.Completeness;
import org.flowpat.controller.api.CqaSummary;
import org.flowpat.controller.api.Event;
import org.flowpat.controller.api.LotRecord;
import org.flowpat.controller.api.LotSignature;
import org.flowpat.controller.api.LotStatus;
import org.flowpat.controller.api.ReleaseDecision;
import org.flowpat.controller.api.ReleaseReason;
import org.flowpat.controller.api.SpcSignal;
import org.flowpat.controller.api.DiversionCommand;
import org.flowpat.controller.api.DiverterPosition;
import org.flowpat.controller.api.LineState;
import org.flowpat.controller.api.LineStateChange;
import org.flowpat.controller.api.Quality;
import org.flowpat.controller.api.SpcPhase;
import org.flowpat.controller.api.SpcResult;

import java.util.ArrayList;
import java.util.List;

/**
 * Deterministic quality records of one line: SPC results of two CQAs (NaN chart fields before phase II, signals,
 * excluded samples), alarm transitions (two alarms changing at the same nanosecond, text with quotes, commas,
 * backslashes and non-ASCII), diverter commands (an interval opened, re-planned and closed) and line state changes.
 */
final class JournalData {
    static final List<String> CQAS = List.of("assay", "impurity");

    private JournalData() {
    }

    static List<SpcResult> spc(String line, int n, long start, long step) {
        List<SpcResult> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long t = start + i * step + 7;
            for (int k = 0; k < CQAS.size(); k++) {
                boolean monitoring = i >= 10;
                boolean included = i % 9 != 4;
                double value = i % 17 == 3 ? Double.NaN : 98.5 + Math.sin(i / 3.0 + k) / 3;
                double chart = monitoring && included ? 98.5 + i * 1e-3 : Double.NaN;
                int signals = monitoring && i % 11 == 0 ? (1 << 12) | 0b101 : 0;
                out.add(new SpcResult(line, CQAS.get(k), "AT1." + CQAS.get(k), t, value,
                        i % 9 == 4 ? Quality.UNCERTAIN : Quality.GOOD, included,
                        monitoring ? SpcPhase.MONITORING : i < 5 ? SpcPhase.SETTLING : SpcPhase.REFERENCE,
                        chart, monitoring ? 0.1 / 3 : Double.NaN, signals, chart / 100, 0, chart, chart + 0.05, chart - 0.05,
                        signals == 0 ? 0 : 1 << 13, monitoring ? i * 0.125 : Double.NaN, monitoring ? -i * 0.0625 : Double.NaN,
                        0, i % 5 != 0, i % 5 > 1));
            }
        }
        return out;
    }

    static List<AlarmTransition> alarms(String line, long start) {
        return List.of(
                new AlarmTransition(line, "P1.pressure.HH", "Pressure \"very\" high, check BPR", "HH", "HIGH",
                        AlarmState.NORMAL, AlarmState.ACTIVE_UNACKED, start + 1_000, 19.75, "system", "", "P1.pressure.HH"),
                // A consequential alarm at the same nanosecond as its root cause.
                new AlarmTransition(line, "FT1.flow.L", "Flow low", "L", "LOW",
                        AlarmState.NORMAL, AlarmState.SUPPRESSED, start + 1_000, Double.NaN, "root:P1.pressure.HH",
                        "consequence of P1.pressure.HH", "P1.pressure.HH"),
                new AlarmTransition(line, "P1.pressure.HH", "Pressure \"very\" high, check BPR", "HH", "HIGH",
                        AlarmState.ACTIVE_UNACKED, AlarmState.ACTIVE_ACKED, start + 2_000_000_123L, 19.5, "müller",
                        "seen, valve C\\3 opened", ""),
                new AlarmTransition(line, "P1.pressure.HH", "Pressure \"very\" high, check BPR", "HH", "HIGH",
                        AlarmState.ACTIVE_ACKED, AlarmState.NORMAL, start + 9_000_000_001L, 12.0, "system", "", ""));
    }

    static List<DiversionCommand> diversions(String line, long start) {
        long from = start + 3_000_000_017L;
        return List.of(
                new DiversionCommand(line, DiverterPosition.WASTE, "startup", start, start + 60_000_000_000L, 0, 0),
                new DiversionCommand(line, DiverterPosition.PRODUCT, "startup", start, start + 61_500_000_003L, 12.625, 0),
                new DiversionCommand(line, DiverterPosition.WASTE, "cqa:impurity", from, from + 40_000_000_000L, 0.5, 0.25),
                new DiversionCommand(line, DiverterPosition.PRODUCT, "cqa:impurity", from, from + 47_000_000_000L, 3.1, 2.7));
    }

    static List<LineStateChange> lineStates(String line, long start) {
        return List.of(
                new LineStateChange(line, LineState.STOPPED, LineState.RESETTING, "RESET", "anna", start + 5, null),
                new LineStateChange(line, LineState.RESETTING, LineState.IDLE, "", "system", start + 500_000_005L, ""),
                new LineStateChange(line, LineState.IDLE, LineState.STARTING, "START", "anna", start + 900_000_000L, "lot 42"),
                new LineStateChange(line, LineState.STARTING, LineState.EXECUTE, "", "system", start + 1_900_000_000L, ""),
                new LineStateChange(line, LineState.EXECUTE, LineState.HOLDING, "", "interlock:P1.pressure.HH",
                        start + 2_000_000_000L, "pressure, high"));
    }

    /** Every record of the line, in the order a controller would publish them. */
    static List<Object> all(String line, long start) {
        List<Object> all = new ArrayList<>(spc(line, 40, start, 250_000_000L));
        all.addAll(alarms(line, start));
        all.addAll(diversions(line, start));
        all.addAll(lineStates(line, start));
        return all;
    }

    /**
     * Release records of one line: the open snapshot and the closed record of one lot (the second replaces the
     * first), a second lot, a signature, and two audit entries of the plant's chain (journaled under the pseudo-line
     * {@link JournalKind#AUDIT_CHAIN}, whatever their line).
     */
    static List<Object> release(String line, long start) {
        long end = start + 1_200_000_000_000L;
        AuditEntry setpoint = new AuditEntry(1, start + 10, "anna", "setpoint.change", line, "P2.flowSetpoint", "1.5",
                "1.6", "conversion \"low\", ±0.1", "0".repeat(64), "a".repeat(64));
        AuditEntry signed = new AuditEntry(2, end + 5, "quinn", "lot.signature", line, "LOT-" + line + "-1", "",
                "APPROVED", "", "a".repeat(64), "b".repeat(64));
        LotRecord open = new LotRecord("LOT-" + line + "-1", line, LotStatus.OPEN, start, 0, 0, 0, 0, null, null, null,
                null, null, null, null, null, null, null, null);
        LotRecord closed = new LotRecord("LOT-" + line + "-1", line, LotStatus.CLOSED, start, end, 2400.5, 2210.25, 190.25,
                List.of(new DiversionCommand(line, DiverterPosition.WASTE, "cqa:impurity", start + 7, start + 90_000_000_000L, 12.5, 11)),
                List.of(new CqaSummary("impurity", "%", 240, 0.71, 0.05, 0.6, 0.85, Double.NaN, 1.5, 5.27, 0, 2, 17, 1)),
                List.of(new SpcSignal("impurity", start + 99, 0.85, List.of("we2"))), null, List.of(setpoint), null,
                new Completeness(240, 238, 1, 1, 238 / 240.0),
                List.of(new Event(line, Event.COMMUNICATION_GAP, start + 50, start + 60, List.of("AT1.impurity"), "gap")),
                ReleaseDecision.REVIEW, List.of(new ReleaseReason("spc-signal", ReleaseDecision.REVIEW, "impurity: 1 SPC signal")),
                "c".repeat(64));
        LotRecord second = new LotRecord("LOT-" + line + "-2", line, LotStatus.OPEN, end, 0, 0, 0, 0, null, null, null,
                null, null, null, null, null, null, null, null);
        LotSignature signature = new LotSignature("3f2c", "LOT-" + line + "-1", line, "quinn", "Quinn Q.", "APPROVED",
                "reviewed, \"fine\"", end + 5, "c".repeat(64), "d".repeat(64));
        return List.of(setpoint, open, closed, second, signature, signed);
    }

    /** The records of one type, in the order the read methods return them. */
    static <T> List<T> expected(List<?> records, JournalKind kind, Class<T> type) {
        return records.stream().filter(type::isInstance).sorted(kind.order()).map(type::cast).toList();
    }
}
