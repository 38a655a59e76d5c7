package org.flowpat.controller.historian.influx;

import org.flowpat.controller.historian.HistorianException;
import org.influxdb.InfluxDB;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * InfluxQL requests to one database for the roll-up classes: errors become {@link HistorianException}s naming the
 * server and the query, and each statement's rows can be read separately (several statements go in one request).
 */
final class InfluxQl {
    /** InfluxDB's message when a query names a database it does not have (yet). */
    static final String DATABASE_NOT_FOUND = "database not found";
    private static final String NOT_EXECUTED = "not executed";

    private final InfluxDB influx;
    private final String url;
    private final String database;

    InfluxQl(InfluxDB influx, String url, String database) {
        this.influx = influx;
        this.url = url;
        this.database = database;
    }

    /** A read-only request (GET); statements separated by {@code ;}. */
    QueryResult query(String q) throws HistorianException {
        return run(q, false);
    }

    /** A request that writes ({@code SELECT ... INTO}); InfluxDB wants those POSTed. */
    QueryResult execute(String q) throws HistorianException {
        return run(q, true);
    }

    private QueryResult run(String q, boolean post) throws HistorianException {
        QueryResult result;
        try {
            result = influx.query(new Query(q, database, post));
        } catch (RuntimeException e) {
            throw new HistorianException("InfluxDB " + url + " query failed: " + e.getMessage() + " [" + q + "]", e);
        }
        if (result.hasError()) {
            throw new HistorianException("InfluxDB " + url + " refused the query: " + result.getError() + " [" + q + "]");
        }
        String error = null;
        for (QueryResult.Result r : result.getResults()) {
            // After a failed statement InfluxDB reports the rest as "not executed": name the cause instead.
            if (r.hasError() && (error == null || error.equals(NOT_EXECUTED))) {
                error = r.getError();
            }
        }
        if (error != null) {
            throw new HistorianException("InfluxDB " + url + " refused the query: " + error + " [" + q + "]");
        }
        return result;
    }

    /** The rows of statement {@code index} (0-based), all series together. */
    static List<List<Object>> rows(QueryResult result, int index) {
        List<List<Object>> rows = new ArrayList<>();
        QueryResult.Result r = result.getResults().get(index);
        if (r.getSeries() != null) {
            for (QueryResult.Series s : r.getSeries()) {
                rows.addAll(s.getValues());
            }
        }
        return rows;
    }

    /** Times come back as RFC 3339 text, which keeps all nine decimals (JSON numbers would not). */
    static long nanos(Object time) {
        Instant t = Instant.parse((String) time);
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    String url() {
        return url;
    }
}
