package org.flowpat.controller.historian;

import org.flowpat.controller.api.SampleBatch;
import org.flowpat.controller.api.codec.RecordEncoding;
import org.flowpat.controller.historian.influx.InfluxHistorian;
import org.flowpat.controller.historian.influx.LocalInfluxd;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.flowpat.controller.spool.Spool;
import org.flowpat.controller.spool.SpoolConfig;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

@ExtendWith(InfluxdExtension.class)
class InfluxHistorianTest extends HistorianContract {
    private InfluxHistorian historian;

    @BeforeAll
    void connect(LocalInfluxd influxd) {
        historian = new InfluxHistorian(influxd.url(), "flowpat_test");
    }

    @AfterAll
    void disconnect() {
        historian.close();
    }

    @Override
    Historian historian() {
        return historian;
    }

    @Test
    void theDatabaseIsCreatedOnFirstWrite(LocalInfluxd influxd) throws Exception {
        try (InfluxHistorian fresh = new InfluxHistorian(influxd.url(), "created_here")) {
            String line = newLine();
            fresh.write(TestData.samples(line, 3, TestData.BASE, 1000), List.of());
            assertEquals(3L * TestData.SIGNALS.size(), fresh.countSamples(line, TestData.BASE, TestData.BASE + 1_000_000_000L));
        }
    }

    @Test
    void pointsTheDatabaseRefusesForGoodAreSetAsideAndTheWriterMovesOn(LocalInfluxd influxd) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String create = URLEncoder.encode("CREATE DATABASE short_lived WITH DURATION 1h", StandardCharsets.UTF_8);
        assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(influxd.url() + "/query?q=" + create))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        Path spoolDir = tmp.resolve("spool-rejects");
        long now = System.currentTimeMillis() * 1_000_000L;
        try (InfluxHistorian shortLived = new InfluxHistorian(influxd.url(), "short_lived");
             Spool spool = Spool.open(SpoolConfig.defaults(spoolDir))) {
            SpoolDrainer drainer = new SpoolDrainer(spool, shortLived, 1 << 20, Duration.ofMillis(20), Duration.ofMillis(200)).start();
            // A year-old batch (replayed from an old spool, say) is beyond the one-hour retention period.
            long old = spool.append(RecordEncoding.encode(new SampleBatch(TestData.samples("RJ", 5, TestData.BASE, 1000))));
            for (int i = 0; i < 500 && spool.confirmed() < old; i++) {
                Thread.sleep(10);
            }
            spool.append(RecordEncoding.encode(new SampleBatch(TestData.samples("RJ", 5, now, 1000))));
            assertTrue(drainer.drainAndStop(Duration.ofSeconds(30)), "the writer did not stall on the refused batch");
            assertEquals(1, drainer.rejectedRecords());
            assertEquals(5L * TestData.SIGNALS.size(), shortLived.countSamples("RJ", now, now + 1_000_000_000L));
        }
        Path rejected = spoolDir.resolve(Spool.REJECTED_DIR);
        String name = "00000000000000000001-00000000000000000001";
        byte[] kept = Files.readAllBytes(rejected.resolve(name + ".seg"));
        // One record: a 16-byte header (length, CRC, sequence), then the batch exactly as it was spooled.
        assertEquals(new SampleBatch(TestData.samples("RJ", 5, TestData.BASE, 1000)),
                RecordEncoding.decode(kept, 16, kept.length - 16), "the refused samples are kept");
        String reason = Files.readString(rejected.resolve(name + ".reason.txt"));
        assertTrue(reason.contains("retention"), reason);
    }

    @Test
    void journalNumbersAreFloatFieldsAndTheRecordIsAStringField(LocalInfluxd influxd) throws Exception {
        try (InfluxHistorian db = new InfluxHistorian(influxd.url(), "journal_fields")) {
            String line = newLine();
            db.writeJournal(JournalData.all(line, TestData.BASE));
            db.writeJournal(JournalData.release(line, TestData.BASE));
        }
        HttpClient http = HttpClient.newHttpClient();
        for (JournalKind kind : JournalKind.values()) {
            String q = URLEncoder.encode("SHOW FIELD KEYS FROM \"" + kind.table() + "\"", StandardCharsets.UTF_8);
            String body = http.send(HttpRequest.newBuilder(URI.create(influxd.url() + "/query?db=journal_fields&q=" + q)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(body.contains("[\"" + JournalKind.JSON + "\",\"string\"]"), kind + ": " + body);
            for (String number : kind.numberColumns()) {
                assertTrue(body.contains("[\"" + number + "\",\"float\"]"), kind + " " + number + ": " + body);
            }
            assertFalse(body.contains("integer"), kind + ": " + body);
        }
    }

    @Test
    void aDatabaseThatIsNotThereFailsTheWriteWithItsAddress() throws Exception {
        try (InfluxHistorian nowhere = new InfluxHistorian("http://127.0.0.1:1", "x")) {
            HistorianException e = assertThrows(HistorianException.class,
                    () -> nowhere.write(TestData.samples("L1", 1, TestData.BASE, 1), List.of()));
            assertTrue(e.getMessage().contains("127.0.0.1:1"), e.getMessage());
        }
    }
}
