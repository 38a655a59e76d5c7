package org.flowpat.controller.acquisition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.flowpat.controller.historian.influx.InfluxHistorian;

/**
 * What {@link AcquisitionBenchmark} asks InfluxDB directly, over its HTTP API: how many samples a database holds
 * (one query over every series, cheap enough to poll), and how fast InfluxDB ingests the same kind of points as raw
 * line protocol with nothing of FlowPAT in front.
 */
final class InfluxBenchProbe {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String url;

    InfluxBenchProbe(String url) {
        this.url = url;
    }

    /** Samples in {@code database} (points of the {@code samples} measurement, every line and signal). */
    long countSamples(String database) throws IOException, InterruptedException {
        JsonNode body = get("/query?db=" + encode(database) + "&q=" + encode("SELECT count(receive_delay_ns) FROM samples"));
        JsonNode values = body.path("results").path(0).path("series").path(0).path("values");
        return values.isMissingNode() || values.isEmpty() ? 0 : values.path(0).path(1).asLong();
    }

    /**
     * Points per second InfluxDB ingests when {@code seconds} of line protocol for these lines and signals (the same
     * measurement, tags and fields as the historian writes for a Good sample) are POSTed in requests of the historian's size, one
     * after the other; only the time inside requests counts.
     */
    double rawIngestPerSecond(String database, List<String> lines, List<String> signals, int seconds)
            throws IOException, InterruptedException {
        post("/query?q=" + encode("CREATE DATABASE \"" + database + "\""), "");
        String write = "/write?db=" + encode(database) + "&precision=ns";
        int perRequest = InfluxHistorian.MAX_POINTS_PER_REQUEST;
        long time = System.currentTimeMillis() * 1_000_000L;
        long points = 0;
        long inRequests = 0;
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        StringBuilder body = new StringBuilder(perRequest * 110);
        long n = 0;
        while (System.nanoTime() < end) {
            body.setLength(0);
            for (int i = 0; i < perRequest; i++, n++) {
                String line = lines.get((int) (n % lines.size()));
                String signal = signals.get((int) (n / lines.size() % signals.size()));
                body.append("samples,line=").append(line).append(",quality=GOOD,signal=").append(signal)
                        .append(" value=").append(20 + (n % 97) * 0.5).append(",receive_delay_ns=250000 ")
                        .append(time + n / ((long) lines.size() * signals.size()) * 1_000_000L).append('\n');
            }
            long t0 = System.nanoTime();
            post(write, body.toString());
            inRequests += System.nanoTime() - t0;
            points += perRequest;
        }
        return points / (inRequests / 1e9);
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(60))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("InfluxDB " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    private void post(String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IOException("InfluxDB " + path + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
