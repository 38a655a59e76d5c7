package org.flowpat.hmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.flowpat.config.Plants;
import org.flowpat.controller.api.Addresses;
import org.flowpat.controller.api.Quality;
import org.flowpat.controller.api.MultivariateResult;
import org.flowpat.controller.api.PatAddresses;
import org.flowpat.controller.api.PatCodecs;
import org.flowpat.controller.api.PatPrediction;
import org.flowpat.controller.api.QualityAddresses;
import org.flowpat.controller.api.SpcPhase;
import org.flowpat.controller.api.SpcResult;
import org.flowpat.controller.quality.QualityCodecs;
import org.flowpat.controller.api.Sample;
import org.flowpat.controller.api.SampleBatch;
import org.flowpat.controller.api.codec.ControllerCodecs;
import org.flowpat.controller.historian.TrendQueryService;
import org.flowpat.controller.historian.questdb.QuestDbHistorian;
import org.flowpat.hmi.auth.Users;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** {@code /api/trends} answered by a real embedded QuestDB historian through TrendQueryService, and the live WebSocket. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrendsAndLiveTest {
    private static final long BASE = 1_763_000_000_000L * 1_000_000L; // 2025-11-13, epoch ns
    private static final long PERIOD = 500_000_000L;                   // 2 Hz
    private static final int N = 240;                                  // two minutes
    private Vertx vertx;
    private QuestDbHistorian historian;
    private HmiServer server;
    private List<Sample> stored;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        vertx = Vertx.vertx();
        ControllerCodecs.register(vertx.eventBus());
        historian = QuestDbHistorian.open(dir);
        stored = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            long t = BASE + i * PERIOD;
            stored.add(new Sample("L1", "R1.temperature", 80 + Math.sin(i / 9.0), t, t, i == 17 ? Quality.BAD_CODE : Quality.GOOD_CODE));
            stored.add(new Sample("L1", "R1.pressure", 6 + i * 0.01, t, t, Quality.GOOD_CODE));
        }
        historian.write(stored, List.of());
        vertx.deployVerticle(new TrendQueryService(historian)).await(10, TimeUnit.SECONDS);
        server = HmiServer.start(vertx, HmiOptions.of(Plants.bundled(), Users.demo(), 0, true)).await(10, TimeUnit.SECONDS);
    }

    @AfterAll
    void stop() throws Exception {
        server.close().await(10, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
        historian.close();
    }

    private ApiClient operator() {
        ApiClient c = new ApiClient(vertx, server.port());
        assertEquals(200, c.login("operator", Users.DEMO_PASSWORD).statusCode());
        return c;
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    @Test
    void rawTrendReturnsEveryStoredSampleOfTheSignal() {
        HttpResponse<Buffer> r = operator().get("/api/trends?signal=L1/R1.temperature&from=" + ms(BASE) + "&to="
                + ms(BASE + N * PERIOD));
        assertEquals(200, r.statusCode(), r.bodyAsString());
        JsonArray points = r.bodyAsJsonObject().getJsonArray("points");
        List<Sample> temperature = stored.stream().filter(s -> s.signal().equals("R1.temperature")).toList();
        assertEquals(temperature.size(), points.size());
        for (int i = 0; i < points.size(); i++) {
            assertEquals(ms(temperature.get(i).sourceTimeNanos()), points.getJsonArray(i).getLong(0));
            assertEquals(temperature.get(i).value(), points.getJsonArray(i).getDouble(1), 1e-12);
            assertEquals(temperature.get(i).statusCode(), points.getJsonArray(i).getLong(5));
        }
        assertEquals("degC", r.bodyAsJsonObject().getString("unit"));
    }

    @Test
    void steppedTrendAveragesUsableSamplesPerBucket() {
        String from = java.time.Instant.ofEpochMilli(ms(BASE)).toString();
        HttpResponse<Buffer> r = operator().get("/api/trends?signal=L1/R1.pressure&from=" + from + "&to="
                + ms(BASE + N * PERIOD) + "&step=10s");
        assertEquals(200, r.statusCode(), r.bodyAsString());
        JsonArray points = r.bodyAsJsonObject().getJsonArray("points");
        long bucket = 10_000_000_000L;
        int buckets = (int) ((N * PERIOD) / bucket);
        assertEquals(buckets, points.size());
        for (int b = 0; b < buckets; b++) {
            long start = BASE + b * bucket;
            double mean = stored.stream().filter(s -> s.signal().equals("R1.pressure")
                    && s.sourceTimeNanos() >= start && s.sourceTimeNanos() < start + bucket)
                    .mapToDouble(Sample::value).average().orElseThrow();
            JsonArray p = points.getJsonArray(b);
            assertEquals(ms(start), p.getLong(0));
            assertEquals(mean, p.getDouble(1), 1e-9, "mean of bucket " + b);
        }
    }

    @Test
    void badTrendParametersAre400NamingTheParameter() {
        ApiClient c = operator();
        assertEquals("signal", c.get("/api/trends?signal=R1.temperature").bodyAsJsonObject().getString("field"));
        assertEquals("signal", c.get("/api/trends?signal=L1/R1.nothing").bodyAsJsonObject().getString("field"));
        assertEquals("from", c.get("/api/trends?signal=L1/R1.temperature&from=yesterday").bodyAsJsonObject().getString("field"));
        assertEquals("step", c.get("/api/trends?signal=L1/R1.temperature&step=7s").bodyAsJsonObject().getString("field"));
        HttpResponse<Buffer> reversed = c.get("/api/trends?signal=L1/R1.temperature&from=2000&to=1000");
        assertEquals(400, reversed.statusCode());
        assertEquals(401, new ApiClient(vertx, server.port()).get("/api/trends?signal=L1/R1.temperature").statusCode());
    }

    @Test
    void theWebSocketSendsOnlySubscribedSignalsAndOnlyTheLatestPerFlush() throws Exception {
        ApiClient c = operator();
        WebSocketClient wsClient = vertx.createWebSocketClient();
        List<JsonObject> frames = new CopyOnWriteArrayList<>();
        WebSocket ws = openLive(wsClient, c, frames);
        try {
            ws.writeTextMessage(new JsonObject().put("subscribe", new JsonArray().add("L1/R1.temperature")).encode());
            assertTrue(waitFor(() -> frames.stream().anyMatch(f -> "subscribed".equals(f.getString("type")))), "subscription confirmed");

            long t = System.currentTimeMillis() * 1_000_000L;
            List<Sample> burst = new ArrayList<>();
            for (int i = 0; i < 50; i++) {  // a burst far faster than the flush interval
                burst.add(new Sample("L1", "R1.temperature", 70 + i, t + i, t + i, Quality.GOOD_CODE));
                burst.add(new Sample("L1", "R1.pressure", 5, t + i, t + i, Quality.GOOD_CODE));
            }
            vertx.eventBus().publish(Addresses.SAMPLES, new SampleBatch(burst));
            assertTrue(waitFor(() -> samples(frames).stream().anyMatch(s -> s.getDouble("value") == 119.0)), "the newest value arrives");
            List<JsonObject> received = samples(frames);
            assertTrue(received.stream().allMatch(s -> s.getString("signal").equals("L1/R1.temperature")), "only the subscribed signal");
            assertTrue(received.size() < 50, "drop-to-latest: " + received.size() + " frames for a burst of 50");
        } finally {
            ws.close();
            wsClient.close();
        }
    }

    @Test
    void aBurstGoesOutInMessagesOfBoundedSizeWithNothingLost() throws Exception {
        ApiClient c = operator();
        WebSocketClient wsClient = vertx.createWebSocketClient();
        List<JsonObject> frames = new CopyOnWriteArrayList<>();
        WebSocket ws = openLive(wsClient, c, frames);
        try {
            ws.writeTextMessage(new JsonObject().put("subscribe", new JsonArray().add("L1/*")).encode());
            assertTrue(waitFor(() -> frames.stream().anyMatch(f -> "subscribed".equals(f.getString("type")))), "subscription confirmed");

            long t = System.currentTimeMillis() * 1_000_000L + 3_600_000_000_000L; // newer than anything the plant holds
            int n = 700; // distinct signals in one batch: nothing to conflate, more than one message's worth
            List<Sample> burst = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                burst.add(new Sample("L1", "BURST.s" + i, i, t, t, Quality.GOOD_CODE));
            }
            vertx.eventBus().publish(Addresses.SAMPLES, new SampleBatch(burst));
            assertTrue(waitFor(() -> burstValues(frames) == n), "every value of the burst arrives: " + burstValues(frames));
            List<Integer> sizes = frames.stream().filter(f -> "samples".equals(f.getString("type")))
                    .map(f -> (int) f.getJsonArray("samples").stream()
                            .filter(o -> ((JsonObject) o).getString("signal").startsWith("L1/BURST.")).count())
                    .filter(k -> k > 0).toList();
            assertTrue(sizes.size() >= 3, "split into several messages: " + sizes);
            assertTrue(sizes.stream().allMatch(k -> k <= 256), "none larger than 256 samples: " + sizes);
        } finally {
            ws.close();
            wsClient.close();
        }
    }

    /** A logged-in live WebSocket whose every message lands in {@code frames}. */
    private WebSocket openLive(WebSocketClient wsClient, ApiClient c, List<JsonObject> frames) throws Exception {
        WebSocket ws = wsClient.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(server.port())
                .setURI("/ws/live").addHeader("Cookie", c.cookieHeader())).await(10, TimeUnit.SECONDS);
        ws.textMessageHandler(text -> frames.add(new JsonObject(text)));
        return ws;
    }

    private static long burstValues(List<JsonObject> frames) {
        return samples(frames).stream().filter(s -> s.getString("signal").startsWith("L1/BURST.")).count();
    }

    @Test
    void controlChartResultsArriveEveryOneInOrderForTheSubscribedCqaOnly() throws Exception {
        QualityCodecs.register(vertx.eventBus());
        ApiClient c = operator();
        WebSocketClient wsClient = vertx.createWebSocketClient();
        List<JsonObject> frames = new CopyOnWriteArrayList<>();
        WebSocket ws = openLive(wsClient, c, frames);
        try {
            ws.writeTextMessage(new JsonObject().put("spc", new JsonArray().add("L1/colour")).encode());
            assertTrue(waitFor(() -> frames.stream().anyMatch(f -> "spc[0]".equals(f.getString("field")))), "a bad CQA is named");
            ws.writeTextMessage(new JsonObject().put("spc", new JsonArray().add("L1/purity")).encode());
            assertTrue(waitFor(() -> frames.stream().anyMatch(f -> "subscribed".equals(f.getString("type")))), "subscription confirmed");

            long t = System.currentTimeMillis() * 1_000_000L;
            int n = 40; // a burst far faster than the flush interval: a chart still needs every point
            for (int i = 0; i < n; i++) {
                for (String cqa : List.of("purity", "impurity")) {
                    vertx.eventBus().publish(QualityAddresses.SPC, new SpcResult("L1", cqa, "AT1." + cqa, t + i * 1_000_000L,
                            98 + i * 0.01, Quality.GOOD, true, SpcPhase.MONITORING, 98.5, 0.2, 0, 0.1, 0, 98.5, 98.7, 98.3,
                            0, 0, 0, 0, true, true));
                }
            }
            assertTrue(waitFor(() -> spc(frames).size() >= n), "every result arrives: " + spc(frames).size());
            List<JsonObject> received = spc(frames);
            assertEquals(n, received.size());
            for (int i = 0; i < n; i++) {
                assertEquals("purity", received.get(i).getString("cqa"));
                assertEquals((t + i * 1_000_000L) / 1_000_000, received.get(i).getLong("time"), "in order");
                assertEquals(98.5 + 3 * 0.2, received.get(i).getDouble("ucl"), 1e-9);
            }
        } finally {
            ws.close();
            wsClient.close();
        }
    }

    @Test
    void multivariateResultsAndPredictionsArriveForTheFollowedLineOnly() throws Exception {
        PatCodecs.register(vertx.eventBus());
        ApiClient c = operator();
        WebSocketClient wsClient = vertx.createWebSocketClient();
        List<JsonObject> frames = new CopyOnWriteArrayList<>();
        WebSocket ws = openLive(wsClient, c, frames);
        try {
            ws.writeTextMessage(new JsonObject().put("multivariate", new JsonArray().add("L1")).encode());
            assertTrue(waitFor(() -> frames.stream().anyMatch(f -> "subscribed".equals(f.getString("type")))), "subscription confirmed");
            long t = System.currentTimeMillis() * 1_000_000L;
            for (String line : List.of("L2", "L1")) {
                vertx.eventBus().publish(PatAddresses.MULTIVARIATE, new MultivariateResult(line, t, SpcPhase.MONITORING,
                        List.of(80.0, 1.5), 14.2, 12.0, 0.5, 3.0, true, false,
                        List.of(new MultivariateResult.Contribution("R1.temperature", 11.0, 0.4, 0.92),
                                new MultivariateResult.Contribution("P1.flow", 3.2, 0.1, 0.3)), 300, 2));
                vertx.eventBus().publish(PatAddresses.PREDICTIONS, new PatPrediction(line, "AT1.spectrum", t, Quality.GOOD,
                        Map.of("P", 0.49), Map.of("purity", 98.7), 30.0, 18.3, 0.001, 0.0013, true, 10, 0));
            }
            assertTrue(waitFor(() -> of(frames, "multivariate").size() == 1 && of(frames, "pat").size() == 1),
                    "one of each, for L1: " + frames);
            JsonObject mv = of(frames, "multivariate").get(0);
            assertEquals("L1", mv.getString("line"));
            assertTrue(mv.getBoolean("t2Signal"));
            assertEquals("R1.temperature", mv.getJsonArray("contributions").getJsonObject(0).getString("variable"));
            JsonObject pat = of(frames, "pat").get(0);
            assertEquals(98.7, pat.getJsonObject("cqas").getDouble("purity"));
            assertTrue(pat.getBoolean("outsideModel"));
        } finally {
            ws.close();
            wsClient.close();
        }
    }

    private static List<JsonObject> of(List<JsonObject> frames, String type) {
        List<JsonObject> out = new ArrayList<>();
        frames.stream().filter(f -> type.equals(f.getString("type")))
                .forEach(f -> f.getJsonArray("results").forEach(r -> out.add((JsonObject) r)));
        return out;
    }

    private static List<JsonObject> spc(List<JsonObject> frames) {
        List<JsonObject> out = new ArrayList<>();
        frames.stream().filter(f -> "spc".equals(f.getString("type")))
                .forEach(f -> f.getJsonArray("results").forEach(r -> out.add((JsonObject) r)));
        return out;
    }

    @Test
    void theWebSocketNamesABadSubscriptionAndNeedsALogin() throws Exception {
        ApiClient c = operator();
        WebSocketClient wsClient = vertx.createWebSocketClient();
        try {
            List<JsonObject> frames = new CopyOnWriteArrayList<>();
            WebSocket ws = openLive(wsClient, c, frames);
            ws.writeTextMessage("{\"subscribe\": [\"L1/R1.temperature\", \"L1/NOPE.x\"]}");
            ws.writeTextMessage("not json");
            assertTrue(waitFor(() -> frames.size() >= 2));
            assertEquals("subscribe[1]", frames.get(0).getString("field"));
            assertEquals("error", frames.get(1).getString("type"));
            ws.close();

            boolean refused;
            try {
                wsClient.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(server.port()).setURI("/ws/live"))
                        .await(10, TimeUnit.SECONDS);
                refused = false;
            } catch (Exception e) {
                refused = true;
            }
            assertTrue(refused, "an anonymous WebSocket is refused");
        } finally {
            wsClient.close();
        }
    }

    @Test
    void logoutClosesTheSessionsWebSocket() throws Exception {
        ApiClient c = operator();
        WebSocketClient wsClient = vertx.createWebSocketClient();
        try {
            WebSocket ws = wsClient.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(server.port())
                    .setURI("/ws/live").addHeader("Cookie", c.cookieHeader())).await(10, TimeUnit.SECONDS);
            AtomicReference<Short> closedWith = new AtomicReference<>();
            ws.closeHandler(v -> closedWith.set(ws.closeStatusCode()));
            Thread.sleep(300);
            assertEquals(null, closedWith.get(), "open while logged in");
            assertEquals(200, c.post("/api/logout", new JsonObject()).statusCode());
            assertTrue(waitFor(() -> closedWith.get() != null, Duration.ofSeconds(8)), "closed after logout");
            assertEquals((short) 1008, closedWith.get());
        } finally {
            wsClient.close();
        }
    }

    private static List<JsonObject> samples(List<JsonObject> frames) {
        List<JsonObject> out = new ArrayList<>();
        for (JsonObject f : frames) {
            if ("samples".equals(f.getString("type"))) {
                f.getJsonArray("samples").forEach(s -> out.add((JsonObject) s));
            }
        }
        return out;
    }

    private static boolean waitFor(BooleanSupplier condition) throws InterruptedException {
        return waitFor(condition, Duration.ofSeconds(5));
    }

    private static boolean waitFor(BooleanSupplier condition, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(20);
        }
        return condition.getAsBoolean();
    }
}
