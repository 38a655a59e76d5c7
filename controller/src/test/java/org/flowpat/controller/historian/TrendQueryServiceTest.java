package org.flowpat.controller.historian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.flowpat.controller.api.HmiAddresses;
import org.flowpat.controller.api.Sample;
import org.flowpat.controller.api.TrendPoint;
import org.flowpat.controller.api.TrendQuery;
import org.flowpat.controller.api.TrendSeries;
import org.flowpat.controller.historian.questdb.QuestDbHistorian;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Trend requests over the event bus, answered from a real embedded QuestDB historian. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrendQueryServiceTest {
    private static final String SIGNAL = TestData.SIGNALS.get(0);
    private static final int N = 300;
    private static final long STEP = 100_000_000L; // 10 Hz

    private Vertx vertx;
    private QuestDbHistorian historian;
    private List<Sample> stored;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        historian = QuestDbHistorian.open(dir);
        stored = TestData.samples("L1", N, TestData.BASE, STEP);
        historian.write(stored, List.of());
        vertx = Vertx.vertx();
        vertx.deployVerticle(new TrendQueryService(historian)).await(10, TimeUnit.SECONDS);
    }

    @AfterAll
    void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
        historian.close();
    }

    private TrendSeries ask(TrendQuery q) throws Exception {
        JsonObject reply = vertx.eventBus().<JsonObject>request(HmiAddresses.TRENDS, q.toJson())
                .await(10, TimeUnit.SECONDS).body();
        return TrendSeries.fromJson(reply);
    }

    private ReplyException refusal(Object body) {
        try {
            vertx.eventBus().request(HmiAddresses.TRENDS, body).await(10, TimeUnit.SECONDS);
        } catch (ReplyException e) {
            return e;
        } catch (CompletionException e) {
            return (ReplyException) e.getCause();
        } catch (Exception e) {
            throw new AssertionError("expected a refusal, got " + e, e);
        }
        throw new AssertionError("expected a refusal of " + body);
    }

    @Test
    void rawQueryReturnsEverySampleWithItsStatus() throws Exception {
        TrendSeries series = ask(new TrendQuery("L1", SIGNAL, TestData.BASE, TestData.BASE + N * STEP, 0, 10_000));
        List<Sample> expected = TestData.ofSignal(stored, SIGNAL);
        assertEquals(expected.size(), series.points().size());
        assertFalse(series.truncated());
        for (int i = 0; i < expected.size(); i++) {
            TrendPoint p = series.points().get(i);
            // QuestDB keeps nanoseconds; statuses and NaN survive the JSON trip
            assertEquals(expected.get(i).sourceTimeNanos(), p.timeNanos(), "time of point " + i);
            assertEquals(expected.get(i).statusCode(), p.statusCode(), "status of point " + i);
            assertEquals(Double.isFinite(expected.get(i).value()), Double.isFinite(p.value()), "finiteness of point " + i);
            if (Double.isFinite(p.value())) {
                assertEquals(expected.get(i).value(), p.value(), 1e-12);
            }
        }
    }

    @Test
    void rawRowsBeyondMaxPointsAreCutFromTheOldEnd() throws Exception {
        TrendSeries series = ask(new TrendQuery("L1", SIGNAL, TestData.BASE, TestData.BASE + N * STEP, 0, 50));
        List<Sample> expected = TestData.ofSignal(stored, SIGNAL);
        assertTrue(series.truncated());
        assertEquals(50, series.points().size());
        assertEquals(expected.get(expected.size() - 1).sourceTimeNanos(), series.points().get(49).timeNanos());
    }

    @Test
    void downsampledQueryMatchesAnIndependentComputation() throws Exception {
        Duration bucket = Duration.ofSeconds(5);
        TrendSeries series = ask(new TrendQuery("L1", SIGNAL, TestData.BASE, TestData.BASE + N * STEP,
                bucket.toMillis(), 10_000));
        List<TrendBucket> expected = TestData.expectedTrend(TestData.ofSignal(stored, SIGNAL), bucket);
        assertEquals(expected.size(), series.points().size());
        for (int i = 0; i < expected.size(); i++) {
            TrendPoint p = series.points().get(i);
            assertEquals(expected.get(i).startNanos(), p.timeNanos());
            assertEquals(expected.get(i).mean(), p.value(), 1e-9);
            assertEquals(expected.get(i).min(), p.min(), 1e-9);
            assertEquals(expected.get(i).max(), p.max(), 1e-9);
            assertEquals(expected.get(i).count(), p.count());
        }
    }

    @Test
    void aStepThatDoesNotDivideADayIsRefusedAsBadQuery() {
        ReplyException e = refusal(new TrendQuery("L1", SIGNAL, TestData.BASE, TestData.BASE + N * STEP, 7_000, 100).toJson());
        assertEquals(TrendQueryService.BAD_QUERY, e.failureCode());
        assertTrue(e.getMessage().contains("bucket"), e.getMessage());
    }

    @Test
    void aQueryWithoutSignalIsRefusedNamingIt() {
        ReplyException e = refusal(new JsonObject().put("line", "L1").put("fromNanos", 0L).put("toNanos", 10L));
        assertEquals(TrendQueryService.BAD_QUERY, e.failureCode());
        assertTrue(e.getMessage().contains("signal"), e.getMessage());
    }

    @Test
    void aBodyThatIsNotJsonIsRefused() {
        ReplyException e = refusal("R1.temperature please");
        assertEquals(TrendQueryService.BAD_QUERY, e.failureCode());
    }
}
