package org.flowpat.app.cli.spc;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file with a header row, read whole with Commons CSV. Cells are looked up by row and
 * column; every error names the file, the line and the column.
 */
public final class CsvTable {
    private final String file;
    private final List<String> header;
    private final List<CSVRecord> records;
    private final long[] lines;

    private CsvTable(String file, List<String> header, List<CSVRecord> records, long[] lines) {
        this.file = file;
        this.header = header;
        this.records = records;
        this.lines = lines;
    }

    public static CsvTable read(Path path) {
        String file = path.toString();
        if (!Files.isRegularFile(path)) {
            throw new InputException(file + ": no such file");
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).build();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8);
             CSVParser parser = format.parse(reader)) {
            List<String> header = parser.getHeaderNames();
            if (header.isEmpty()) {
                throw new InputException(file + " line 1: no header row");
            }
            List<CSVRecord> records = new ArrayList<>();
            List<Long> lines = new ArrayList<>();
            for (CSVRecord r : parser) {
                records.add(r);
                // The parser has consumed the record's line ending: its count is the record's last line
                // (1-based), which also counts skipped blank lines, unlike the record number.
                lines.add(parser.getCurrentLineNumber());
            }
            return new CsvTable(file, List.copyOf(header), records, lines.stream().mapToLong(Long::longValue).toArray());
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new InputException(file + ": cannot read: " + e.getMessage());
        } catch (IllegalArgumentException | IllegalStateException e) {
            // Commons CSV reports duplicate or empty header names and malformed quoting this way.
            throw new InputException(file + ": not a valid CSV file: " + e.getMessage());
        }
    }

    public String file() {
        return file;
    }

    public int rows() {
        return records.size();
    }

    /** The 1-based line of data row {@code row} in the file (the header is line 1). */
    public long line(int row) {
        return lines[row];
    }

    /** Checks that {@code name} is a column of the header. */
    public String column(String name, String option) {
        if (!header.contains(name)) {
            throw new InputException(file + " line 1: no column '" + name + "' (named by " + option + "); columns are " + header);
        }
        return name;
    }

    public String text(int row, String column) {
        CSVRecord r = records.get(row);
        if (!r.isSet(column)) {
            throw new InputException(file + " line " + line(row) + ", column '" + column + "': missing field (the row has only "
                    + r.size() + " of " + header.size() + " fields)");
        }
        return r.get(column);
    }

    /** The number in a cell; an empty cell, "NaN" or "NA" is missing (NaN). */
    public double number(int row, String column) {
        String s = text(row, column).trim();
        if (s.isEmpty() || s.equalsIgnoreCase("nan") || s.equals("NA")) {
            return Double.NaN;
        }
        try {
            double v = Double.parseDouble(s);
            if (Double.isInfinite(v) || s.toLowerCase(Locale.ROOT).contains("infinity")) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new InputException(file + " line " + line(row) + ", column '" + column + "': not a finite number: '" + s + "'");
        }
    }
}
