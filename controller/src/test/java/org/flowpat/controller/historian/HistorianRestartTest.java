package org.flowpat.controller.historian;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import org.flowpat.controller.api.Addresses;
import org.flowpat.controller.api.HistorianStatus;
import org.flowpat.controller.api.Sample;
import org.flowpat.controller.api.SampleBatch;
import org.flowpat.controller.historian.influx.InfluxHistorian;
import org.flowpat.controller.historian.influx.LocalInfluxd;
import org.flowpat.controller.spool.SpoolConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The controller stops while InfluxDB is down: what the spool acknowledged stays on disk, and the next start
 * writes it once InfluxDB is back; the spool alarm is raised on the way down and cleared on the way up.
 */
@ExtendWith(InfluxdExtension.class)
class HistorianRestartTest {
    @TempDir
    Path tmp;

    private static <T> T await(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    @Test
    void aBacklogLeftOnDiskAtStopIsWrittenAfterTheNextStart(LocalInfluxd influxd) throws Exception {
        SpoolConfig spool = SpoolConfig.defaults(tmp.resolve("spool")).withSegmentBytes(16 << 10).withCapacityBytes(192 << 10);
        List<Sample> samples = TestData.samples("RS", 800, TestData.BASE, 1_000_000L); // 3,200 samples, ~168 KiB spooled: past the 80 % alarm, short of full
        List<HistorianStatus> statuses = new CopyOnWriteArrayList<>();
        DeploymentOptions worker = new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER);
        Vertx vertx = Vertx.vertx();
        try (InfluxHistorian historian = new InfluxHistorian(influxd.url(), "restart")) {
            vertx.eventBus().<HistorianStatus>consumer(Addresses.HISTORIAN_STATUS, m -> statuses.add(m.body()));
            influxd.stop();
            String first = await(vertx.deployVerticle(new HistorianVerticle(historian, spool, Duration.ofMillis(300)), worker));
            for (int i = 0; i < samples.size(); i += 32) {
                await(vertx.eventBus().request(Addresses.SAMPLES, new SampleBatch(samples.subList(i, i + 32))));
            }
            await(vertx.undeploy(first)); // gives up draining after 300 ms: InfluxDB is down

            influxd.start();
            String second = await(vertx.deployVerticle(new HistorianVerticle(historian, spool, Duration.ofSeconds(30)), worker));
            await(vertx.undeploy(second));
            assertEquals(samples.size(), historian.countSamples("RS", TestData.BASE, TestData.BASE + 3_600_000_000_000L));
            assertEquals(TestData.ofSignal(samples, "P1.pressure"),
                    historian.raw("RS", "P1.pressure", TestData.BASE, TestData.BASE + 3_600_000_000_000L));
            assertTrue(statuses.stream().anyMatch(HistorianStatus::alarm), "alarm raised while down: " + statuses);
            for (int i = 0; i < 500 && statuses.get(statuses.size() - 1).alarm(); i++) {
                Thread.sleep(10); // the last status is delivered on the event loop, just after the drain
            }
            assertFalse(statuses.get(statuses.size() - 1).alarm(), "alarm cleared once written: " + statuses);
        } finally {
            await(vertx.close());
        }
    }
}
