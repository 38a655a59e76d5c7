package org.flowpat.controller.historian;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.flowpat.controller.api.Quality;
import org.flowpat.controller.api.Sample;
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
import java.util.ArrayList;
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
    void aPlainGoodSampleIsStoredWithoutStatusAndReadsBackAsZeroWhileEveryOtherCodeIsKept(LocalInfluxd influxd) throws Exception {
        String line = newLine();
        long goodLocalOverride = 0x00D80000L; // Good severity, but not plain Good: its code must survive
        long uncertain = Quality.UNCERTAIN_CODE | 0x00A30000L;
        long bad = Quality.BAD_CODE | 0x00310000L;
        long[] codes = {Quality.GOOD_CODE, goodLocalOverride, uncertain, bad};
        List<Sample> written = new ArrayList<>();
        for (int i = 0; i < codes.length; i++) {
            long t = TestData.BASE + i * 1_000_000L;
            written.add(new Sample(line, "R1.temperature", 20.5 + i, t, t + 700 + i, codes[i]));
        }
        historian.write(written, List.of());

        assertEquals(written, historian.raw(line, "R1.temperature", TestData.BASE, TestData.BASE + 1_000_000_000L));
        assertEquals(written.size(), historian.countSamples(line, TestData.BASE, TestData.BASE + 1_000_000_000L));
        String q = URLEncoder.encode("SELECT \"status\" FROM samples WHERE line='" + line + "'", StandardCharsets.UTF_8);
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(influxd.url() + "/query?db=flowpat_test&q=" + q))
                .GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        // Only points that hold the field come back: the three non-zero codes, not the plain Good one.
        List<Long> stored = new ArrayList<>();
        new ObjectMapper().readTree(body).path("results").path(0).path("series").path(0).path("values")
                .forEach(row -> stored.add(row.path(1).asLong()));
        assertEquals(List.of(goodLocalOverride, uncertain, bad), stored, body);
    }

    @Test
    void aPointWrittenTwiceInOneWriteKeepsTheLaterValueAcrossParallelRequests() throws Exception {
        // Several lines and more points than several requests hold: the write goes out as parallel requests.
        List<String> lines = List.of(newLine(), newLine(), newLine(), newLine(), newLine());
        int perLine = InfluxHistorian.MAX_POINTS_PER_REQUEST;
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < perLine; i++) {
            for (String line : lines) {
                long t = TestData.BASE + i * 1_000_000L;
                samples.add(new Sample(line, "R1.temperature", i, t, t + 1, Quality.GOOD_CODE));
            }
        }
        for (String line : lines) {
            // The first point again (same series and time, as a replay), beyond one request behind it, with another value.
            samples.add(new Sample(line, "R1.temperature", -1.5, TestData.BASE, TestData.BASE + 2, Quality.GOOD_CODE));
        }
        historian.write(samples, List.of());
        long end = TestData.BASE + perLine * 1_000_000L;
        for (String line : lines) {
            List<Sample> stored = historian.raw(line, "R1.temperature", TestData.BASE, end);
            assertEquals(perLine, stored.size(), line);
            assertEquals(new Sample(line, "R1.temperature", -1.5, TestData.BASE, TestData.BASE + 2, Quality.GOOD_CODE),
                    stored.get(0), line + ": the later copy wins");
            assertEquals(perLine - 1, stored.get(perLine - 1).value(), line);
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
