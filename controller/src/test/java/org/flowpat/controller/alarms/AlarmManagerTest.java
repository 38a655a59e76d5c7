package org.flowpat.controller.alarms;

import static org.flowpat.controller.quality.QualityFixtures.SECOND;
import static org.flowpat.controller.quality.QualityFixtures.good;
import static org.flowpat.controller.quality.QualityFixtures.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.flowpat.config.model.AlarmDefinition;
import org.flowpat.config.model.AlarmPriority;
import org.flowpat.config.model.AlarmType;
import org.flowpat.controller.api.AlarmState;
import org.flowpat.controller.api.AlarmTransition;
import org.flowpat.controller.api.LineState;
import org.flowpat.controller.api.Quality;
import org.flowpat.controller.quality.QualityFixtures;
import org.junit.jupiter.api.Test;

/** The ISA-18.2 life cycle, shelving, suppression and flood protection of the alarm manager. */
class AlarmManagerTest {
    private final List<AlarmTransition> journal = new ArrayList<>();

    private static AlarmDefinition high(String id, String signal, double limit, double deadband, double onDelayS,
                                        List<String> suppressedIn) {
        return new AlarmDefinition(id, id, AlarmType.HIGH, AlarmPriority.HIGH, signal, null, limit, null, null,
                deadband, onDelayS, null, suppressedIn);
    }

    private static AlarmDefinition of(String id, AlarmType type, String signal) {
        return new AlarmDefinition(id, id, type, AlarmPriority.HIGH, signal, null, null, null, null, null, null, null,
                null);
    }

    private AlarmManager manager(AlarmDefinition... alarms) {
        return new AlarmManager(QualityFixtures.withQuality(List.of(), List.of(alarms)), journal::add);
    }

    private List<AlarmState> statesOf(String id) {
        return journal.stream().filter(t -> t.alarmId().equals(id)).map(AlarmTransition::to).toList();
    }

    @Test
    void activeUnackedReturnsUnackedAndAnAcknowledgeAttributedToTheUserEndsIt() {
        AlarmManager m = manager(high("imp", "AT1.impurity", 1.25, 0.1, 0, null));
        m.onSample(good("AT1.impurity", 1.3, SECOND));
        m.onSample(good("AT1.impurity", 1.2, 2 * SECOND));   // inside the deadband: still active
        assertEquals(AlarmState.ACTIVE_UNACKED, m.alarm("imp").state());
        m.onSample(good("AT1.impurity", 1.1, 3 * SECOND));
        assertEquals(AlarmState.RETURNED_UNACKED, m.alarm("imp").state());
        assertTrue(m.acknowledge("imp", "olga", 4 * SECOND));
        assertEquals(List.of(AlarmState.ACTIVE_UNACKED, AlarmState.RETURNED_UNACKED, AlarmState.NORMAL), statesOf("imp"));
        AlarmTransition ack = journal.get(2);
        assertEquals("olga", ack.user());
        assertEquals(AlarmState.RETURNED_UNACKED, ack.from());
        assertEquals(1.3, journal.get(0).value(), 1e-12);
        assertFalse(m.acknowledge("imp", "olga", 5 * SECOND), "nothing left to acknowledge");
    }

    @Test
    void anAlarmAcknowledgedWhileActiveReturnsStraightToNormal() {
        AlarmManager m = manager(high("imp", "AT1.impurity", 1.25, 0, 0, null));
        m.onSample(good("AT1.impurity", 1.4, SECOND));
        m.acknowledge("imp", "olga", 2 * SECOND);
        m.onSample(good("AT1.impurity", 1.0, 3 * SECOND));
        assertEquals(List.of(AlarmState.ACTIVE_UNACKED, AlarmState.ACTIVE_ACKED, AlarmState.NORMAL), statesOf("imp"));
    }

    @Test
    void theOnDelayIgnoresAShortExcursionAndRaisesASustainedOne() {
        AlarmManager m = manager(high("imp", "AT1.impurity", 1.25, 0, 10, null));
        m.onSample(good("AT1.impurity", 1.4, 0));
        m.onSample(good("AT1.impurity", 1.0, 5 * SECOND));
        m.tick(20 * SECOND);
        assertEquals(List.of(), journal, "a 5 s excursion does not pass a 10 s on-delay");
        m.onSample(good("AT1.impurity", 1.4, 30 * SECOND));
        m.tick(39 * SECOND);
        assertEquals(AlarmState.NORMAL, m.alarm("imp").state());
        m.tick(40 * SECOND);
        assertEquals(AlarmState.ACTIVE_UNACKED, m.alarm("imp").state());
        assertEquals(40 * SECOND, journal.get(0).timeNanos());
    }

    @Test
    void onlyEngineersAndAdminsMayShelveAndATimedShelveExpiresIntoTheCurrentState() {
        AlarmManager m = manager(high("imp", "AT1.impurity", 1.25, 0, 0, null));
        AlarmPermissionException denied = assertThrows(AlarmPermissionException.class,
                () -> m.shelve("imp", "otto", "operator", Duration.ofMinutes(10), "nuisance", 0));
        assertTrue(denied.getMessage().contains("otto") && denied.getMessage().contains("operator"), denied.getMessage());
        assertThrows(IllegalArgumentException.class, () -> m.shelve("imp", "erin", "engineer", Duration.ofMinutes(10), " ", 0));
        m.shelve("imp", "erin", "engineer", Duration.ofMinutes(10), "analyzer being recalibrated", 0);
        assertEquals(AlarmState.SHELVED, m.alarm("imp").state());
        assertEquals("erin", journal.get(0).user());
        assertEquals("analyzer being recalibrated", journal.get(0).reason());
        m.onSample(good("AT1.impurity", 1.4, 60 * SECOND));
        assertEquals(1, journal.size(), "a shelved alarm is not annunciated");
        m.tick(599 * SECOND);
        assertEquals(AlarmState.SHELVED, m.alarm("imp").state());
        m.tick(600 * SECOND);
        assertEquals(AlarmState.ACTIVE_UNACKED, m.alarm("imp").state(), "expiry brings the active alarm back unacknowledged");
    }

    @Test
    void aManualUnshelveReturnsAnActiveAlarmAcknowledged() {
        AlarmManager m = manager(high("imp", "AT1.impurity", 1.25, 0, 0, null));
        m.shelve("imp", "ada", "ADMIN", Duration.ofHours(1), "maintenance", 0);
        m.onSample(good("AT1.impurity", 1.4, SECOND));
        assertTrue(m.unshelve("imp", "ada", 2 * SECOND));
        assertEquals(AlarmState.ACTIVE_ACKED, m.alarm("imp").state());
        assertEquals("ada", journal.get(journal.size() - 1).user());
    }

    @Test
    void alarmsAreSuppressedInTheirConfiguredLineStates() {
        AlarmManager m = manager(high("imp", "AT1.impurity", 1.25, 0, 0, List.of("STOPPED", "IDLE")));
        m.onLineState(LineState.STOPPED, 0);
        assertEquals(AlarmState.SUPPRESSED, m.alarm("imp").state());
        assertEquals("linestate:STOPPED", journal.get(0).user());
        m.onSample(good("AT1.impurity", 1.4, SECOND));
        assertEquals(AlarmState.SUPPRESSED, m.alarm("imp").state());
        m.onLineState(LineState.EXECUTE, 2 * SECOND);
        assertEquals(AlarmState.ACTIVE_UNACKED, m.alarm("imp").state(), "still active when suppression ends");
    }

    @Test
    void anAnalyzerFaultRaisesOneAlarmNotAFloodOfConsequentialOnes() {
        List<AlarmDefinition> defs = new ArrayList<>();
        defs.add(of("analyzer-fault", AlarmType.ANALYZER_FAULT, "AT1.purity"));
        for (int i = 0; i < 100; i++) {
            defs.add(high("imp-" + i, i % 2 == 0 ? "AT1.impurity" : "AT1.conversion", 1.25 + i * 0.001, 0, 0, null));
        }
        defs.add(new AlarmDefinition("pump-b", "pump-b", AlarmType.DEVIATION, AlarmPriority.MEDIUM, "P2.flow", null,
                0.1, null, 1.5, null, null, null, null));
        AlarmManager m = manager(defs.toArray(AlarmDefinition[]::new));
        m.onSample(sample("AT1.purity", 0, Quality.BAD, SECOND));
        // the faulty analyzer now reports garbage with Uncertain status on every channel
        for (int k = 0; k < 5; k++) {
            m.onSample(sample("AT1.impurity", 50 + k, Quality.UNCERTAIN, (2 + k) * SECOND));
            m.onSample(sample("AT1.conversion", 50 + k, Quality.UNCERTAIN, (2 + k) * SECOND));
        }
        m.onSample(good("P2.flow", 1.0, 10 * SECOND));   // an independent alarm still gets through
        List<AlarmTransition> annunciated = journal.stream().filter(t -> t.to() == AlarmState.ACTIVE_UNACKED).toList();
        assertEquals(List.of("analyzer-fault", "pump-b"), annunciated.stream().map(AlarmTransition::alarmId).toList());
        assertEquals(100, m.suppressedActivations(), "every consequential activation is counted");
        assertEquals("analyzer-fault", annunciated.get(0).firstOut());
        assertEquals("analyzer-fault", annunciated.get(1).firstOut(), "grouped behind the first out");
        assertTrue(m.alarm("imp-7").active(), "the condition is still tracked");
        assertEquals("root:analyzer-fault", m.alarm("imp-7").suppressedBy());

        // the analyzer recovers with good values: the consequential alarms clear silently
        m.onSample(good("AT1.impurity", 0.7, 20 * SECOND));
        m.onSample(good("AT1.conversion", 0.7, 20 * SECOND));
        m.onSample(good("AT1.purity", 98.8, 21 * SECOND));
        assertEquals(AlarmState.RETURNED_UNACKED, m.alarm("analyzer-fault").state());
        assertEquals(AlarmState.NORMAL, m.alarm("imp-7").state());
        assertEquals(2, journal.stream().filter(t -> t.to() == AlarmState.ACTIVE_UNACKED).count());
    }

    @Test
    void aCommunicationLossSuppressesEveryValueAlarmOfTheLine() {
        AlarmManager m = manager(of("comm", AlarmType.COMMUNICATION_LOSS, null), high("p", "R1.pressure", 12, 0, 0, null),
                high("t", "R1.temperature", 90, 0, 0, null), of("spool", AlarmType.SPOOL_FILLING, null));
        m.onCommunication(true, SECOND);
        m.onSample(sample("R1.pressure", 20, Quality.UNCERTAIN, 2 * SECOND));
        m.onSample(sample("R1.temperature", 120, Quality.UNCERTAIN, 2 * SECOND));
        m.onSpoolFilling(true, 0.9, 3 * SECOND);
        assertEquals(List.of("comm", "spool"), journal.stream().filter(t -> t.to() == AlarmState.ACTIVE_UNACKED)
                .map(AlarmTransition::alarmId).toList(), "the spool is not a consequence of the line's communication");
        assertEquals(2, m.suppressedActivations());
    }

    @Test
    void unknownAlarmsAndAnonymousActionsAreRefusedWithAClearMessage() {
        AlarmManager m = manager(high("imp", "AT1.impurity", 1.25, 0, 0, null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.acknowledge("nope", "olga", 0));
        assertTrue(e.getMessage().contains("nope") && e.getMessage().contains("imp"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> m.acknowledge("imp", " ", 0));
    }
}
