package org.flowpat.controller.lots;

import java.util.List;
import org.flowpat.controller.api.AlarmState;
import org.flowpat.controller.api.AlarmTransition;
import org.flowpat.controller.api.AuditEntry;
import org.flowpat.controller.api.Completeness;
import org.flowpat.controller.api.CqaSummary;
import org.flowpat.controller.api.DiversionCommand;
import org.flowpat.controller.api.DiverterPosition;
import org.flowpat.controller.api.Event;
import org.flowpat.controller.api.LineState;
import org.flowpat.controller.api.LineStateChange;
import org.flowpat.controller.api.LotRecord;
import org.flowpat.controller.api.LotStatus;
import org.flowpat.controller.api.ReleaseDecision;
import org.flowpat.controller.api.ReleaseReason;
import org.flowpat.controller.api.SpcSignal;

/** Lot records for tests: a good closed lot, and copies of it with one thing changed. */
final class LotRecords {
    static final long START = 1_790_000_000_000_000_000L;
    static final long END = START + 1_200_000_000_000L;

    private LotRecords() {
    }

    static CqaSummary purity(double mean, double sd, double ppk, long outOfSpec) {
        return new CqaSummary("purity", "%", 240, mean, sd, mean - 3 * sd, mean + 3 * sd, 97.5, Double.NaN, ppk,
                outOfSpec, 0, 0, 0);
    }

    static CqaSummary impurity(double ppk) {
        return new CqaSummary("impurity", "%", 240, 0.7, 0.1, 0.4, 1.0, Double.NaN, 1.5, ppk, 0, 0, 0, 0);
    }

    /** A closed lot every default rule lets through (not yet evaluated, not sealed). */
    static LotRecord good() {
        return new LotRecord("LOT-L1-20260921-141320", "L1", LotStatus.CLOSED, START, END, 54, 53.5, 0.5,
                List.of(new DiversionCommand("L1", DiverterPosition.PRODUCT, "cqa:purity", START + 1, START + 2, 0.5, 0.4)),
                List.of(purity(98.8, 0.2, 2.17, 0), impurity(2.7)), List.of(), List.of(), List.of(),
                List.of(new LineStateChange("L1", LineState.STARTING, LineState.EXECUTE, "START", "anna", START, "")),
                new Completeness(720, 720, 0, 0, 1.0), List.of(), null, List.of(), "");
    }

    static LotRecord with(LotRecord r, List<CqaSummary> cqas) {
        return new LotRecord(r.id(), r.line(), r.status(), r.startNanos(), r.endNanos(), r.inputMassG(), r.productMassG(),
                r.divertedMassG(), r.diversions(), cqas, r.spcSignals(), r.alarms(), r.setpointChanges(), r.lineStates(),
                r.completeness(), r.gaps(), r.decision(), r.reasons(), r.contentHash());
    }

    static LotRecord withDiversions(LotRecord r, List<DiversionCommand> diversions) {
        return new LotRecord(r.id(), r.line(), r.status(), r.startNanos(), r.endNanos(), r.inputMassG(), r.productMassG(),
                r.divertedMassG(), diversions, r.cqas(), r.spcSignals(), r.alarms(), r.setpointChanges(), r.lineStates(),
                r.completeness(), r.gaps(), r.decision(), r.reasons(), r.contentHash());
    }

    static LotRecord withCompleteness(LotRecord r, double share) {
        long good = Math.round(720 * share);
        return new LotRecord(r.id(), r.line(), r.status(), r.startNanos(), r.endNanos(), r.inputMassG(), r.productMassG(),
                r.divertedMassG(), r.diversions(), r.cqas(), r.spcSignals(), r.alarms(), r.setpointChanges(), r.lineStates(),
                new Completeness(720, good, 0, 720 - good, good / 720.0), r.gaps(), r.decision(), r.reasons(), r.contentHash());
    }

    static LotRecord withMasses(LotRecord r, double product, double diverted) {
        return new LotRecord(r.id(), r.line(), r.status(), r.startNanos(), r.endNanos(), r.inputMassG(), product,
                diverted, r.diversions(), r.cqas(), r.spcSignals(), r.alarms(), r.setpointChanges(), r.lineStates(),
                r.completeness(), r.gaps(), r.decision(), r.reasons(), r.contentHash());
    }

    static LotRecord withSignals(LotRecord r, List<SpcSignal> signals) {
        return new LotRecord(r.id(), r.line(), r.status(), r.startNanos(), r.endNanos(), r.inputMassG(), r.productMassG(),
                r.divertedMassG(), r.diversions(), r.cqas(), signals, r.alarms(), r.setpointChanges(), r.lineStates(),
                r.completeness(), r.gaps(), r.decision(), r.reasons(), r.contentHash());
    }

    static LotRecord withGaps(LotRecord r, List<Event> gaps) {
        return new LotRecord(r.id(), r.line(), r.status(), r.startNanos(), r.endNanos(), r.inputMassG(), r.productMassG(),
                r.divertedMassG(), r.diversions(), r.cqas(), r.spcSignals(), r.alarms(), r.setpointChanges(), r.lineStates(),
                r.completeness(), gaps, r.decision(), r.reasons(), r.contentHash());
    }

    static LotRecord decided(LotRecord r, ReleaseDecision decision, List<ReleaseReason> reasons) {
        return new LotRecord(r.id(), r.line(), r.status(), r.startNanos(), r.endNanos(), r.inputMassG(), r.productMassG(),
                r.divertedMassG(), r.diversions(), r.cqas(), r.spcSignals(), r.alarms(), r.setpointChanges(), r.lineStates(),
                r.completeness(), r.gaps(), decision, reasons, r.contentHash());
    }

    static AlarmTransition alarm(String id, String priority, AlarmState to) {
        return new AlarmTransition("L1", id, id, "HIGH", priority, AlarmState.NORMAL, to, END - 1, 1.0, "system", "", "");
    }

    static AuditEntry setpointChange() {
        return new AuditEntry(3, START + 5, "anna", "setpoint.change", "L1", "R1.jacketSetpoint", "80", "81", "trim",
                "0".repeat(64), "f".repeat(64));
    }
}
