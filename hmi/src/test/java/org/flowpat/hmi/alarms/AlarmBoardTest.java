package org.flowpat.hmi.alarms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.flowpat.controller.api.AlarmState;
import org.flowpat.controller.api.AlarmTransition;
import org.junit.jupiter.api.Test;

class AlarmBoardTest {
    private static AlarmTransition t(String id, String priority, AlarmState from, AlarmState to, long ms, double value,
                                     String firstOut) {
        return new AlarmTransition("L1", id, id + " name", "HIGH", priority, from, to, ms * 1_000_000L, value, "system",
                "", firstOut);
    }

    @Test
    void theActiveListPutsHigherPrioritiesFirstThenTheNewest() {
        AlarmBoard board = new AlarmBoard(100);
        board.accept(t("a", "LOW", AlarmState.NORMAL, AlarmState.ACTIVE_UNACKED, 1000, 1, "a"));
        board.accept(t("b", "HIGH", AlarmState.NORMAL, AlarmState.ACTIVE_UNACKED, 2000, 2, "b"));
        board.accept(t("c", "HIGH", AlarmState.NORMAL, AlarmState.ACTIVE_UNACKED, 3000, 3, "b"));
        board.accept(t("d", "MEDIUM", AlarmState.NORMAL, AlarmState.ACTIVE_UNACKED, 4000, 4, "d"));
        board.accept(t("d", "MEDIUM", AlarmState.ACTIVE_UNACKED, AlarmState.NORMAL, 5000, Double.NaN, ""));
        assertEquals(List.of("c", "b", "a"), board.active().stream().map(AlarmEntry::alarmId).toList());
        JsonObject json = board.activeJson();
        assertEquals(2, json.getJsonObject("byPriority").getInteger("HIGH"));
        assertEquals(1, json.getJsonObject("byPriority").getInteger("LOW"));
        assertEquals("b", json.getJsonObject("newestFirstOut").getString("id"),
                "c belongs to b's group; a is older");
    }

    @Test
    void anAcknowledgeKeepsTheActivationTimeValueAndFirstOut() {
        AlarmBoard board = new AlarmBoard(100);
        board.accept(t("a", "HIGH", AlarmState.NORMAL, AlarmState.ACTIVE_UNACKED, 1000, 7.5, "a"));
        board.accept(new AlarmTransition("L1", "a", "a name", "HIGH", "HIGH", AlarmState.ACTIVE_UNACKED,
                AlarmState.ACTIVE_ACKED, 9_000_000_000L, Double.NaN, "operator", "", ""));
        AlarmEntry e = board.active().get(0);
        assertEquals(AlarmState.ACTIVE_ACKED, e.state());
        assertEquals(1000L * 1_000_000L, e.activeSinceNanos());
        assertEquals(9_000_000_000L, e.sinceNanos());
        assertEquals(7.5, e.value());
        assertTrue(e.isFirstOutOfGroup());
        assertEquals("operator", e.user());
    }

    @Test
    void theJournalKeepsOnlyTheNewestTransitionsNewestFirst() {
        AlarmBoard board = new AlarmBoard(3);
        for (int i = 0; i < 10; i++) {
            board.accept(t("a" + i, "LOW", AlarmState.NORMAL, AlarmState.ACTIVE_UNACKED, i, i, ""));
        }
        assertEquals(List.of("a9", "a8", "a7"), board.history(50).stream().map(AlarmTransition::alarmId).toList());
        assertEquals(List.of("a9"), board.history(1).stream().map(AlarmTransition::alarmId).toList());
        assertThrows(IllegalArgumentException.class, () -> new AlarmBoard(0));
    }

    @Test
    void theJournalBackFillKeepsEachTransitionOnceAndNeverOverridesANewerLiveState() {
        AlarmBoard board = new AlarmBoard(100);
        // heard live after the HMI started: b was acknowledged
        AlarmTransition bAcked = t("b", "HIGH", AlarmState.ACTIVE_UNACKED, AlarmState.ACTIVE_ACKED, 5000, 2, "");
        board.accept(bAcked);
        // the journal, read a moment later, overlaps: it holds b's acknowledgement too, and older history
        board.preload(List.of(
                t("a", "LOW", AlarmState.NORMAL, AlarmState.ACTIVE_UNACKED, 1000, 1, "a"),
                t("b", "HIGH", AlarmState.NORMAL, AlarmState.ACTIVE_UNACKED, 2000, 2, "b"),
                t("c", "MEDIUM", AlarmState.NORMAL, AlarmState.ACTIVE_UNACKED, 3000, 3, "c"),
                t("c", "MEDIUM", AlarmState.ACTIVE_UNACKED, AlarmState.NORMAL, 4000, 3, ""),
                bAcked));
        assertEquals(List.of("b", "a"), board.active().stream().map(AlarmEntry::alarmId).toList(), "c returned to normal");
        AlarmEntry b = board.active().get(0);
        assertEquals(AlarmState.ACTIVE_ACKED, b.state(), "the live acknowledgement stands");
        assertEquals(List.of(5000L, 4000L, 3000L, 2000L, 1000L),
                board.history(50).stream().map(x -> x.timeNanos() / 1_000_000).toList(), "each transition once, in time order");
    }
}
