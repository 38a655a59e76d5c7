package org.flowpat.pat.spc;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Reads the published data sets in src/test/resources/reference-data/spc. */
final class ReferenceData {
    private final List<CSVRecord> records;

    private ReferenceData(List<CSVRecord> records) {
        this.records = records;
    }

    static ReferenceData load(String file) {
        String path = "/reference-data/spc/" + file;
        try (InputStream in = ReferenceData.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build();
            return new ReferenceData(format.parse(new InputStreamReader(in, StandardCharsets.UTF_8)).getRecords());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<CSVRecord> records() {
        return records;
    }

    double[] column(String name) {
        return records.stream().mapToDouble(r -> parse(r.get(name))).toArray();
    }

    /** Rows whose column {@code phaseColumn} equals {@code phase}, as values of {@code name}. */
    double[] column(String name, String phaseColumn, String phase) {
        return records.stream().filter(r -> r.get(phaseColumn).equals(phase)).mapToDouble(r -> parse(r.get(name))).toArray();
    }

    /** Long form: rows grouped by {@code groupColumn} in order of first appearance. */
    double[][] groupsLong(String groupColumn, String valueColumn, String phase) {
        Map<String, List<Double>> groups = new LinkedHashMap<>();
        for (CSVRecord r : records) {
            if (phase == null || r.get("phase").equals(phase)) {
                groups.computeIfAbsent(r.get(groupColumn), k -> new ArrayList<>()).add(parse(r.get(valueColumn)));
            }
        }
        return groups.values().stream().map(l -> l.stream().mapToDouble(Double::doubleValue).toArray()).toArray(double[][]::new);
    }

    /** Wide form: each row is a subgroup made of the given columns. */
    double[][] groupsWide(List<String> columns, String phase) {
        return records.stream().filter(r -> phase == null || r.get("phase").equals(phase))
                .map(r -> columns.stream().mapToDouble(c -> parse(r.get(c))).toArray()).toArray(double[][]::new);
    }

    private static double parse(String s) {
        return s.isBlank() ? Double.NaN : Double.parseDouble(s);
    }
}
