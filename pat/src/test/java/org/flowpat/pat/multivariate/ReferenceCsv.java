package org.flowpat.pat.multivariate;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Reads the published reference data sets copied into test resources. */
final class ReferenceCsv {
    final List<String> header;
    final List<CSVRecord> records;

    private ReferenceCsv(List<String> header, List<CSVRecord> records) {
        this.header = header;
        this.records = records;
    }

    static ReferenceCsv load(String name) {
        String resource = "/reference-data/spc/" + name;
        try (Reader reader = new InputStreamReader(Objects.requireNonNull(ReferenceCsv.class.getResourceAsStream(resource), resource),
                StandardCharsets.UTF_8)) {
            var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(reader);
            return new ReferenceCsv(List.copyOf(parser.getHeaderNames()), parser.getRecords());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The named columns of every record as numbers. */
    double[][] matrix(List<String> columns) {
        List<double[]> rows = new ArrayList<>();
        for (CSVRecord r : records) {
            double[] row = new double[columns.size()];
            for (int j = 0; j < row.length; j++) {
                row[j] = Double.parseDouble(r.get(columns.get(j)));
            }
            rows.add(row);
        }
        return rows.toArray(double[][]::new);
    }
}
