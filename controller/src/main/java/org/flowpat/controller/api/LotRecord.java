package org.flowpat.controller.api;

import java.util.List;

/**
 * The record of one lot, written to the historian when the lot closes (and as a snapshot while it is open): what a
 * quality reviewer releases from. {@code contentHash} is SHA-256 over the record's canonical content (every
 * component but itself); a signature is bound to it, so a signature does not verify against a changed record.
 *
 * @param inputMassG    reagent mass fed during the lot (all feeds)
 * @param productMassG  mass collected in the product vessel
 * @param divertedMassG mass sent to waste during the lot
 * @param diversions    the diverter intervals that overlap the lot, with their triggers
 * @param alarms        alarm transitions during the lot
 * @param setpointChanges the audit entries of setpoint and loop changes during the lot
 * @param gaps          communication gaps and other data events during the lot
 * @param reasons       why the decision is not RELEASE-READY (empty when it is)
 */
public record LotRecord(String id, String line, LotStatus status, long startNanos, long endNanos, double inputMassG,
                        double productMassG, double divertedMassG, List<DiversionCommand> diversions,
                        List<CqaSummary> cqas, List<SpcSignal> spcSignals, List<AlarmTransition> alarms,
                        List<AuditEntry> setpointChanges, List<LineStateChange> lineStates,
                        Completeness completeness, List<Event> gaps, ReleaseDecision decision,
                        List<ReleaseReason> reasons, String contentHash) {
    public LotRecord {
        diversions = diversions == null ? List.of() : List.copyOf(diversions);
        cqas = cqas == null ? List.of() : List.copyOf(cqas);
        spcSignals = spcSignals == null ? List.of() : List.copyOf(spcSignals);
        alarms = alarms == null ? List.of() : List.copyOf(alarms);
        setpointChanges = setpointChanges == null ? List.of() : List.copyOf(setpointChanges);
        lineStates = lineStates == null ? List.of() : List.copyOf(lineStates);
        gaps = gaps == null ? List.of() : List.copyOf(gaps);
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        contentHash = contentHash == null ? "" : contentHash;
    }
}
