package org.flowpat.controller.historian.influx;

import org.flowpat.controller.historian.HistorianException;
import org.flowpat.controller.historian.TrendBucket;
import org.influxdb.dto.QueryResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.flowpat.controller.historian.HistorianSchema.*;
import static org.flowpat.controller.historian.influx.InfluxRollups.*;

/**
 * A downsampled trend read mostly from the 1-minute roll-ups: the whole minutes the roll-ups cover come from
 * {@value InfluxRollups#MEASUREMENT}, the rest of the range (a part minute at the start, the minutes not rolled up
 * yet at the end) from the raw samples, all in one request; buckets split between the parts are merged here. Gives
 * what the raw query alone gives (the mean up to the summation order) when the bucket is a whole number of minutes.
 */
final class RollupTrend {
    private RollupTrend() {
    }

    /** The part of one bucket one statement saw: merged by adding counts and sums, taking the extremes. */
    record Partial(long startNanos, double min, double max, double sum, long count) {
        Partial plus(Partial other) {
            return new Partial(startNanos, Math.min(min, other.min), Math.max(max, other.max), sum + other.sum,
                    count + other.count);
        }

        TrendBucket bucket() {
            return new TrendBucket(startNanos, min, sum / count, max, count);
        }
    }

    static List<TrendBucket> read(InfluxQl ql, String line, String signal, long fromNanos, long toNanos, long bucketMillis,
                                  InfluxRollups.Span rolledUp) throws HistorianException {
        if (rolledUp.fromNanos() < fromNanos || rolledUp.toNanos() > toNanos) {
            throw new IllegalArgumentException("roll-up span " + rolledUp + " is not inside [" + fromNanos + ", " + toNanos + ")");
        }
        String series = "\"" + LINE + "\"=" + quoteInflux(line) + " AND \"" + SIGNAL + "\"=" + quoteInflux(signal);
        String groupBy = " GROUP BY time(" + bucketMillis + "ms) fill(none)";
        List<String> statements = new ArrayList<>();
        statements.add("SELECT min(\"" + MIN + "\"),max(\"" + MAX + "\"),sum(\"" + SUM + "\"),sum(\"" + COUNT + "\") FROM \""
                + MEASUREMENT + "\" WHERE " + series + " AND time >= " + rolledUp.fromNanos() + " AND time < " + rolledUp.toNanos()
                + groupBy);
        String raw = "SELECT min(\"" + VALUE + "\"),max(\"" + VALUE + "\"),sum(\"" + VALUE + "\"),count(\"" + VALUE + "\") FROM \""
                + SAMPLES + "\" WHERE " + series + " AND \"" + QUALITY + "\" != '" + BAD + "' AND ";
        if (fromNanos < rolledUp.fromNanos()) {
            statements.add(raw + "time >= " + fromNanos + " AND time < " + rolledUp.fromNanos() + groupBy);
        }
        if (rolledUp.toNanos() < toNanos) {
            statements.add(raw + "time >= " + rolledUp.toNanos() + " AND time < " + toNanos + groupBy);
        }
        QueryResult result = ql.query(String.join("; ", statements));
        Map<Long, Partial> buckets = new TreeMap<>();
        for (int i = 0; i < statements.size(); i++) {
            for (List<Object> row : InfluxQl.rows(result, i)) {
                Partial p = new Partial(InfluxQl.nanos(row.get(0)), (Double) row.get(1), (Double) row.get(2), (Double) row.get(3),
                        Math.round((Double) row.get(4)));
                buckets.merge(p.startNanos(), p, Partial::plus);
            }
        }
        return buckets.values().stream().map(Partial::bucket).toList();
    }
}
