package org.flowpat.controller.lots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
import org.flowpat.controller.api.codec.JournalJson;
import org.junit.jupiter.api.Test;

/** The content hash covers every component of a lot record but itself, and survives the historian's JSON. */
class LotHashesTest {
    private static final LotRecord BASE = LotRecords.decided(LotRecords.good(), ReleaseDecision.RELEASE_READY, List.of());

    /** One record per component, differing from {@link #BASE} in that component only. */
    private static List<LotRecord> oneChangeEach() throws Exception {
        List<LotRecord> changed = new ArrayList<>();
        for (RecordComponent rc : LotRecord.class.getRecordComponents()) {
            if (rc.getName().equals("contentHash")) {
                continue;
            }
            Object[] args = new Object[LotRecord.class.getRecordComponents().length];
            RecordComponent[] all = LotRecord.class.getRecordComponents();
            for (int i = 0; i < all.length; i++) {
                args[i] = all[i].getAccessor().invoke(BASE);
                if (all[i].getName().equals(rc.getName())) {
                    args[i] = changedValue(rc.getName(), args[i]);
                }
            }
            Class<?>[] types = java.util.Arrays.stream(all).map(RecordComponent::getType).toArray(Class<?>[]::new);
            changed.add(LotRecord.class.getDeclaredConstructor(types).newInstance(args));
        }
        return changed;
    }

    private static Object changedValue(String component, Object value) {
        return switch (component) {
            case "id" -> value + "X";
            case "line" -> "L2";
            case "status" -> LotStatus.OPEN;
            case "startNanos", "endNanos" -> (Long) value + 1;
            case "inputMassG", "productMassG", "divertedMassG" -> Math.nextUp((Double) value);
            case "diversions" -> List.of(new DiversionCommand("L1", DiverterPosition.PRODUCT, "cqa:impurity", 1, 2, 0.5, 0.4));
            case "cqas" -> List.of(LotRecords.purity(98.8, 0.2, 2.17, 0), LotRecords.impurity(2.71));
            case "spcSignals" -> List.of(new SpcSignal("purity", 5, 98.1, List.of("ewma:below")));
            case "alarms" -> List.of(LotRecords.alarm("purity-low", "HIGH", org.flowpat.controller.api.AlarmState.ACTIVE_UNACKED));
            case "setpointChanges" -> List.of(LotRecords.setpointChange());
            case "lineStates" -> List.of(new LineStateChange("L1", LineState.STARTING, LineState.EXECUTE, "START", "ben", 1, ""));
            case "completeness" -> new Completeness(720, 719, 0, 1, 719 / 720.0);
            case "gaps" -> List.of(new Event("L1", Event.COMMUNICATION_GAP, 1, 2, List.of(), ""));
            case "decision" -> ReleaseDecision.REVIEW;
            case "reasons" -> List.of(new ReleaseReason("capability", ReleaseDecision.REVIEW, "purity Ppk 1.12 < 1.33"));
            default -> throw new IllegalArgumentException("no change defined for LotRecord." + component
                    + ": a new component must be covered by the content hash test");
        };
    }

    @Test
    void theHashChangesWhenAnyComponentChanges() throws Exception {
        String base = LotHashes.contentHash(BASE);
        Set<String> hashes = new HashSet<>(List.of(base));
        List<LotRecord> changed = oneChangeEach();
        assertEquals(LotRecord.class.getRecordComponents().length - 1, changed.size());
        for (LotRecord r : changed) {
            assertTrue(hashes.add(LotHashes.contentHash(r)), "a change gives a new hash: " + r);
        }
    }

    @Test
    void aSealedRecordVerifiesAndAChangedOneDoesNot() throws Exception {
        LotRecord sealed = LotHashes.sealed(BASE);
        assertTrue(sealed.contentHash().matches("[0-9a-f]{64}"), sealed.contentHash());
        assertTrue(LotHashes.verify(sealed));
        assertFalse(LotHashes.verify(BASE), "an unsealed record does not verify");
        for (LotRecord r : oneChangeEach()) {
            assertFalse(LotHashes.verify(LotHashes.withContentHash(r, sealed.contentHash())), "changed and kept the old hash: " + r);
        }
    }

    @Test
    void theHashDoesNotDependOnItselfAndSurvivesTheJournalJson() {
        LotRecord sealed = LotHashes.sealed(LotRecords.with(BASE, List.of(new CqaSummary("purity", "%", 1, 98.0,
                Double.NaN, 98.0, 98.0, 97.5, Double.NaN, Double.NaN, 0, 2, 3, 0))));
        assertEquals(LotHashes.contentHash(sealed), LotHashes.contentHash(LotHashes.withContentHash(sealed, "x")));
        LotRecord readBack = JournalJson.read(JournalJson.toText(sealed), LotRecord.class);
        assertEquals(sealed, readBack);
        assertTrue(LotHashes.verify(readBack));
        assertNotEquals(LotHashes.contentHash(sealed), LotHashes.contentHash(BASE));
    }
}
