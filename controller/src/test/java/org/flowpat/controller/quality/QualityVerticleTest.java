package org.flowpat.controller.quality;

import static org.flowpat.controller.quality.QualityFixtures.SECOND;
import static org.flowpat.controller.quality.QualityFixtures.good;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.flowpat.config.model.AlarmDefinition;
import org.flowpat.config.model.AlarmPriority;
import org.flowpat.config.model.AlarmType;
import org.flowpat.config.model.ChartSettings;
import org.flowpat.controller.api.Addresses;
import org.flowpat.controller.api.AlarmAction;
import org.flowpat.controller.api.AlarmState;
import org.flowpat.controller.api.AlarmTransition;
import org.flowpat.controller.api.Event;
import org.flowpat.controller.api.QualityAddresses;
import org.flowpat.controller.api.Sample;
import org.flowpat.controller.api.SampleBatch;
import org.flowpat.controller.api.SpcPhase;
import org.flowpat.controller.api.SpcResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The verticle on a real (local) event bus: samples in, SPC results and alarm transitions out, actions answered. */
class QualityVerticleTest {
    private Vertx vertx;
    private final List<SpcResult> spc = new CopyOnWriteArrayList<>();
    private final List<AlarmTransition> alarms = new CopyOnWriteArrayList<>();

    @BeforeEach
    void deploy() throws Exception {
        vertx = Vertx.vertx();
        QualityCodecs.register(vertx.eventBus());
        vertx.eventBus().<SpcResult>consumer(QualityAddresses.SPC, m -> spc.add(m.body()));
        vertx.eventBus().<AlarmTransition>consumer(QualityAddresses.ALARMS, m -> alarms.add(m.body()));
        var line = QualityFixtures.withQuality(
                List.of(new ChartSettings("impurity", "NELSON", 0.7, 0.1, null, null, null, null, null, null, null)),
                List.of(new AlarmDefinition("imp-high", "Impurity high", AlarmType.HIGH, AlarmPriority.HIGH,
                        "AT1.impurity", null, 1.25, null, null, 0.1, null, null, null),
                        new AlarmDefinition("comm", "Communication loss", AlarmType.COMMUNICATION_LOSS, AlarmPriority.HIGH,
                                null, null, null, null, null, null, null, null, null)));
        await(vertx.deployVerticle(new QualityVerticle(line)));
    }

    @AfterEach
    void close() throws Exception {
        await(vertx.close());
    }

    private static <T> T await(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 5 * SECOND;
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            Thread.sleep(10);
        }
    }

    @Test
    void samplesBecomeSpcResultsAndAlarmTransitionsAndAnAcknowledgeIsAnswered() throws Exception {
        List<Sample> batch = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            batch.add(good("AT1.impurity", 0.7 + 0.01 * (i % 5), i * SECOND));
        }
        batch.add(good("AT1.impurity", 1.4, 20 * SECOND));
        batch.add(good("R1.temperature", 80, 20 * SECOND));
        vertx.eventBus().publish(Addresses.SAMPLES, new SampleBatch(batch));
        waitFor(() -> spc.size() == 21 && alarms.size() == 1, "21 SPC results and one alarm");
        SpcResult last = spc.get(20);
        assertEquals(SpcPhase.MONITORING, last.phase());
        assertTrue(last.signalNames().contains("i:limit"), last.signalNames().toString());
        assertEquals(AlarmState.ACTIVE_UNACKED, alarms.get(0).to());

        String state = await(vertx.eventBus().<String>request(QualityAddresses.alarmActions("L1"),
                new AlarmAction("L1", "imp-high", "ACKNOWLEDGE", "olga", "operator", 0, null))).body();
        assertEquals("ACTIVE_ACKED", state);
        waitFor(() -> alarms.size() == 2, "the acknowledge transition");
        assertEquals("olga", alarms.get(1).user());
    }

    @Test
    void aCommunicationGapEventRaisesAndClearsTheCommunicationLossAlarm() throws Exception {
        long start = System.currentTimeMillis() * 1_000_000L;
        vertx.eventBus().publish(Addresses.EVENTS, new Event("L1", Event.COMMUNICATION_GAP, start, Event.OPEN, List.of(), ""));
        waitFor(() -> states("comm").size() == 1, "the communication-loss alarm");
        assertEquals(List.of(AlarmState.ACTIVE_UNACKED), states("comm"));
        waitFor(() -> states("imp-high").size() == 1, "the value alarm suppressed as a consequence");
        assertEquals(List.of(AlarmState.SUPPRESSED), states("imp-high"));
        vertx.eventBus().publish(Addresses.EVENTS, new Event("L1", Event.COMMUNICATION_GAP, start, start + SECOND, List.of(), ""));
        waitFor(() -> states("comm").size() == 2, "the return to normal");
        assertEquals(AlarmState.RETURNED_UNACKED, states("comm").get(1));
        waitFor(() -> states("imp-high").size() == 2, "the end of the suppression");
        assertEquals(AlarmState.NORMAL, states("imp-high").get(1));
    }

    private List<AlarmState> states(String alarmId) {
        return alarms.stream().filter(a -> a.alarmId().equals(alarmId)).map(AlarmTransition::to).toList();
    }

    @Test
    void anOperatorWhoTriesToShelveGetsA403() throws Exception {
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> await(vertx.eventBus().request(QualityAddresses.alarmActions("L1"),
                        new AlarmAction("L1", "imp-high", "SHELVE", "otto", "operator", 600, "nuisance"))));
        ReplyException reply = (ReplyException) e.getCause();
        assertEquals(403, reply.failureCode());
        assertTrue(reply.getMessage().contains("otto"), reply.getMessage());
    }

    @Test
    void theRecordsSurviveTheWireForm() {
        SpcResult r = new SpcResult("L1", "impurity", "AT1.impurity", 5, 0.9, org.flowpat.controller.api.Quality.GOOD,
                true, SpcPhase.MONITORING, 0.7, 0.1, 4096, Double.NaN, 0, 0.75, 0.8, 0.6, 0, 0.1, 0, 0, true, true);
        var codec = new org.flowpat.controller.api.codec.JsonRecordCodec<>(SpcResult.class);
        io.vertx.core.buffer.Buffer wire = io.vertx.core.buffer.Buffer.buffer();
        codec.encodeToWire(wire, r);
        assertEquals(r, codec.decodeFromWire(0, wire));
    }
}
