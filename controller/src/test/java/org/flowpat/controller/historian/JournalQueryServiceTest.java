package org.flowpat.controller.historian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.flowpat.controller.api.AlarmTransition;
import org.flowpat.controller.api.HmiAddresses;
import org.flowpat.controller.api.LineStateChange;
import org.flowpat.controller.api.SpcResult;
import org.flowpat.controller.api.codec.JournalJson;
import org.flowpat.controller.historian.influx.InfluxHistorian;
import org.flowpat.controller.historian.influx.LocalInfluxd;
import org.flowpat.controller.historian.questdb.QuestDbHistorian;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * History requests of the HMI over the event bus (SPC results of a CQA, alarm transitions and state changes of a line), answered from
 * the journals of a real embedded QuestDB and a real InfluxDB: every record reads back exactly, in time order, cut
 * from the old end at the limit; bad requests are refused naming the field.
 */
@ExtendWith(InfluxdExtension.class)
class JournalQueryServiceTest {
    private static final String LINE = "JQS";
    private static final long HOUR = 3_600_000_000_000L;

    @TempDir
    Path tmp;

    private final List<Object> records = JournalData.all(LINE, TestData.BASE);

    @Test
    void questDbJournalsComeBackExactlyOverTheBus() throws Exception {
        try (QuestDbHistorian quest = QuestDbHistorian.open(tmp)) {
            quest.writeJournal(records);
            checkAgainst(quest);
        }
    }

    @Test
    void influxJournalsComeBackExactlyOverTheBus(LocalInfluxd influxd) throws Exception {
        try (InfluxHistorian influx = new InfluxHistorian(influxd.url(), "journal_query")) {
            influx.writeJournal(records);
            checkAgainst(influx);
        }
    }

    private void checkAgainst(Historian historian) throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            vertx.deployVerticle(new JournalQueryService(historian)).await(10, TimeUnit.SECONDS);
            for (String cqa : JournalData.CQAS) {
                List<SpcResult> expected = JournalData.expected(records, JournalKind.SPC, SpcResult.class).stream()
                        .filter(r -> r.cqa().equals(cqa)).toList();
                JsonObject all = ask(vertx, HmiAddresses.SPC_HISTORY, range().put("cqa", cqa));
                assertEquals(expected, decode(all.getJsonArray("results"), SpcResult.class), "SPC results of " + cqa);
                assertFalse(all.getBoolean("truncated"));
                assertEquals(cqa, all.getString("cqa"));

                JsonObject newest = ask(vertx, HmiAddresses.SPC_HISTORY, range().put("cqa", cqa).put("limit", 7));
                assertEquals(expected.subList(expected.size() - 7, expected.size()),
                        decode(newest.getJsonArray("results"), SpcResult.class), "the newest 7 of " + cqa);
                assertTrue(newest.getBoolean("truncated"));
            }
            List<AlarmTransition> alarms = JournalData.expected(records, JournalKind.ALARMS, AlarmTransition.class);
            JsonObject reply = ask(vertx, HmiAddresses.ALARM_HISTORY, range());
            assertEquals(alarms, decode(reply.getJsonArray("transitions"), AlarmTransition.class));
            assertEquals(LINE, reply.getString("line"));

            JsonObject states = ask(vertx, HmiAddresses.LINE_STATE_HISTORY, range().put("limit", 2));
            List<LineStateChange> changes = JournalData.expected(records, JournalKind.LINE_STATES, LineStateChange.class);
            assertEquals(changes.subList(changes.size() - 2, changes.size()),
                    decode(states.getJsonArray("changes"), LineStateChange.class), "the newest 2 line states");

            // Part of the range: only the transitions from 2 s on.
            long from = TestData.BASE + 2_000_000_000L;
            JsonObject part = ask(vertx, HmiAddresses.ALARM_HISTORY, new JsonObject().put("line", LINE)
                    .put("fromNanos", from).put("toNanos", TestData.BASE + HOUR));
            assertEquals(alarms.stream().filter(a -> a.timeNanos() >= from).toList(),
                    decode(part.getJsonArray("transitions"), AlarmTransition.class));
        } finally {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void badRequestsAreRefusedNamingTheField() throws Exception {
        try (QuestDbHistorian quest = QuestDbHistorian.open(tmp)) {
            Vertx vertx = Vertx.vertx();
            try {
                vertx.deployVerticle(new JournalQueryService(quest)).await(10, TimeUnit.SECONDS);
                assertRefused(vertx, HmiAddresses.SPC_HISTORY, range(), "cqa");
                assertRefused(vertx, HmiAddresses.ALARM_HISTORY, range().put("line", " "), "line");
                assertRefused(vertx, HmiAddresses.ALARM_HISTORY, new JsonObject().put("line", LINE).put("toNanos", 5L), "fromNanos");
                assertRefused(vertx, HmiAddresses.ALARM_HISTORY, range().put("toNanos", TestData.BASE), "toNanos");
                assertRefused(vertx, HmiAddresses.SPC_HISTORY, range().put("cqa", "assay").put("limit", 0), "limit");
                assertRefused(vertx, HmiAddresses.SPC_HISTORY, "assay please", "JSON object");
            } finally {
                vertx.close().await(10, TimeUnit.SECONDS);
            }
        }
    }

    private static JsonObject range() {
        return new JsonObject().put("line", LINE).put("fromNanos", TestData.BASE).put("toNanos", TestData.BASE + HOUR);
    }

    private static JsonObject ask(Vertx vertx, String address, JsonObject request) throws Exception {
        return vertx.eventBus().<JsonObject>request(address, request).await(10, TimeUnit.SECONDS).body();
    }

    private static <T> List<T> decode(JsonArray array, Class<T> type) {
        return array.stream().map(o -> JournalJson.read(((JsonObject) o).encode(), type)).toList();
    }

    private static void assertRefused(Vertx vertx, String address, Object body, String named) {
        ReplyException refusal;
        try {
            vertx.eventBus().request(address, body).await(10, TimeUnit.SECONDS);
            throw new AssertionError("expected a refusal of " + body);
        } catch (ReplyException e) {
            refusal = e;
        } catch (CompletionException e) {
            refusal = (ReplyException) e.getCause();
        } catch (Exception e) {
            throw new AssertionError("expected a refusal, got " + e, e);
        }
        assertEquals(JournalQueryService.BAD_QUERY, refusal.failureCode(), refusal.getMessage());
        assertTrue(refusal.getMessage().contains(named), refusal.getMessage());
    }
}
