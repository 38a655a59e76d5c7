package org.flowpat.controller.historian;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import org.flowpat.controller.api.Addresses;
import org.flowpat.controller.api.AlarmTransition;
import org.flowpat.controller.api.DiversionCommand;
import org.flowpat.controller.api.LineStateChange;
import org.flowpat.controller.api.QualityAddresses;
import org.flowpat.controller.api.SpcResult;
import org.flowpat.controller.api.Event;
import org.flowpat.controller.api.HistorianStatus;
import org.flowpat.controller.api.Sample;
import org.flowpat.controller.api.SampleBatch;
import org.flowpat.controller.historian.influx.InfluxHistorian;
import org.flowpat.controller.historian.questdb.QuestDbHistorian;
import org.flowpat.controller.spool.Spool;
import org.flowpat.controller.spool.SpoolConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

class HistorianVerticleTest {
    @TempDir
    Path tmp;
    private Vertx vertx;

    @BeforeEach
    void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void closeVertx() throws Exception {
        await(vertx.close());
    }

    private static <T> T await(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    private String deploy(HistorianVerticle verticle) throws Exception {
        return await(vertx.deployVerticle(verticle, new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER)));
    }

    @Test
    void samplesAndEventsFromTheBusAreStoredAndDrainedBeforeStopCompletes() throws Exception {
        List<Sample> samples = TestData.samples("VB", 2_500, TestData.BASE, 1_000_000L); // 10,000 samples
        try (QuestDbHistorian historian = QuestDbHistorian.open(tmp.resolve("data"))) {
            HistorianVerticle verticle = new HistorianVerticle(historian, SpoolConfig.defaults(tmp.resolve("spool")), Duration.ofSeconds(30));
            String id = deploy(verticle);
            long lastSequence = 0;
            for (int i = 0; i < samples.size(); i += 100) {
                if (i % 1000 == 0) {
                    // request(): the reply is the spool sequence, sent once the batch is on disk
                    Message<Long> ack = await(vertx.eventBus().request(Addresses.SAMPLES, new SampleBatch(samples.subList(i, i + 100))));
                    assertTrue(ack.body() > lastSequence, "sequence numbers increase");
                    lastSequence = ack.body();
                } else {
                    vertx.eventBus().publish(Addresses.SAMPLES, new SampleBatch(samples.subList(i, i + 100)));
                }
            }
            Event gap = new Event("VB", Event.COMMUNICATION_GAP, TestData.BASE + 5, TestData.BASE + 9_000_000_005L, List.of("P1.pressure"), "");
            await(vertx.eventBus().request(Addresses.EVENTS, gap));
            await(vertx.undeploy(id)); // completes only after the spool is drained into the database
            assertEquals(samples.size(), historian.countSamples("VB", TestData.BASE, TestData.BASE + 3_600_000_000_000L));
            assertEquals(List.of(gap), historian.events("VB", TestData.BASE, TestData.BASE + 3_600_000_000_000L));
        }
    }

    @Test
    void qualityRecordsFromTheBusAreJournaled() throws Exception {
        List<Object> records = JournalData.all("VQ", TestData.BASE);
        long to = TestData.BASE + 3_600_000_000_000L;
        try (QuestDbHistorian historian = QuestDbHistorian.open(tmp.resolve("data"))) {
            String id = deploy(new HistorianVerticle(historian, SpoolConfig.defaults(tmp.resolve("spool")), Duration.ofSeconds(30)));
            for (Object r : records) {
                String address = r instanceof SpcResult ? QualityAddresses.SPC : r instanceof AlarmTransition ? QualityAddresses.ALARMS
                        : r instanceof DiversionCommand ? QualityAddresses.DIVERSION : QualityAddresses.LINE_STATE;
                // request(): acknowledged once on disk, so every record is in the spool before undeploying
                Message<Long> ack = await(vertx.eventBus().request(address, r));
                assertTrue(ack.body() > 0);
            }
            await(vertx.undeploy(id));
            assertEquals(JournalData.expected(records, JournalKind.SPC, SpcResult.class).stream()
                    .filter(r -> r.cqa().equals("assay")).toList(), historian.spcResults("VQ", "assay", TestData.BASE, to));
            assertEquals(JournalData.expected(records, JournalKind.ALARMS, AlarmTransition.class), historian.alarmJournal("VQ", TestData.BASE, to));
            assertEquals(JournalData.expected(records, JournalKind.DIVERSIONS, DiversionCommand.class), historian.diversions("VQ", TestData.BASE, to));
            assertEquals(JournalData.expected(records, JournalKind.LINE_STATES, LineStateChange.class), historian.lineStates("VQ", TestData.BASE, to));
        }
    }

    @Test
    void whenTheDatabaseIsDownTheAlarmIsPublishedAndStopKeepsTheBacklogOnDisk() throws Exception {
        int deadPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            deadPort = s.getLocalPort(); // closed again: nothing listens there
        }
        SpoolConfig small = SpoolConfig.defaults(tmp.resolve("spool")).withSegmentBytes(8 << 10).withCapacityBytes(64 << 10);
        CompletableFuture<HistorianStatus> alarm = new CompletableFuture<>();
        vertx.eventBus().<HistorianStatus>consumer(Addresses.HISTORIAN_STATUS, m -> alarm.complete(m.body()));
        try (InfluxHistorian down = new InfluxHistorian("http://127.0.0.1:" + deadPort, "nowhere")) {
            HistorianVerticle verticle = new HistorianVerticle(down, small, Duration.ofMillis(500));
            String id = deploy(verticle);
            List<Sample> samples = TestData.samples("DN", 400, TestData.BASE, 1_000_000L);
            int accepted = 0;
            ReplyException refused = null;
            for (int i = 0; i < samples.size() && refused == null; i += 8) {
                try {
                    await(vertx.eventBus().request(Addresses.SAMPLES, new SampleBatch(samples.subList(i, i + 8))));
                    accepted++;
                } catch (ExecutionException e) {
                    refused = (ReplyException) e.getCause();
                }
            }
            HistorianStatus status = alarm.get(10, TimeUnit.SECONDS);
            assertTrue(status.alarm());
            assertTrue(status.fillRatio() >= 0.8 && status.fillRatio() < 1.0, "alarm at " + status.fillRatio());
            assertNotNull(refused, "a full spool refuses the request");
            assertEquals(HistorianVerticle.SPOOL_FAILURE, refused.failureCode());

            long t0 = System.nanoTime();
            await(vertx.undeploy(id));
            assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(15), "stop is bounded by the drain timeout");
            try (Spool reopened = Spool.open(small)) {
                List<Integer> sizes = new ArrayList<>();
                assertEquals(accepted, reopened.lastAppended() - reopened.confirmed(), "every accepted batch waits on disk");
                sizes.add(reopened.poll(1 << 20, 0).size());
                assertEquals(accepted, sizes.get(0));
            }
        }
    }
}
