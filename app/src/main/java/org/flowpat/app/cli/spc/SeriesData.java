package org.flowpat.app.cli.spc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The points of a chart as read from the table: one observation per point (individuals) or one
 * subgroup per point, with labels. Missing cells are dropped and counted; a point whose
 * observations are all missing is dropped.
 *
 * @param groups the present observations of each point
 * @param labels the subgroup label of each point (null for individuals)
 * @param rows 1-based data row of each individual point (null for subgroups)
 * @param missing number of missing cells skipped
 */
public record SeriesData(double[][] groups, String[] labels, int[] rows, int missing) {

    public boolean subgrouped() {
        return labels != null;
    }

    public int size() {
        return groups.length;
    }

    public int maxSubgroupSize() {
        int max = 1;
        for (double[] g : groups) {
            max = Math.max(max, g.length);
        }
        return max;
    }

    /** All present observations of points [from, to). */
    public double[] observations(int from, int to) {
        return java.util.Arrays.stream(groups, from, to).flatMapToDouble(java.util.Arrays::stream).toArray();
    }

    /**
     * @param values the value column(s): one column per observation in wide form
     * @param subgroup the subgroup column (long form), or null
     */
    public static SeriesData read(CsvTable table, List<String> values, String subgroup, boolean subgroupsWanted) {
        int missing = 0;
        if (values.size() == 1 && subgroup == null) {
            if (subgroupsWanted) {
                throw new InputException(table.file() + ": subgroup charts need --subgroup COL (long form) or several --value columns (wide form)");
            }
            List<double[]> points = new ArrayList<>();
            List<Integer> rows = new ArrayList<>();
            for (int r = 0; r < table.rows(); r++) {
                double x = table.number(r, values.get(0));
                if (Double.isNaN(x)) {
                    missing++;
                } else {
                    points.add(new double[] {x});
                    rows.add(r + 1);
                }
            }
            return new SeriesData(points.toArray(double[][]::new), null, rows.stream().mapToInt(Integer::intValue).toArray(), missing);
        }
        if (values.size() == 1) {
            Map<String, List<Double>> groups = new LinkedHashMap<>();
            for (int r = 0; r < table.rows(); r++) {
                String label = table.text(r, subgroup);
                double x = table.number(r, values.get(0));
                List<Double> g = groups.computeIfAbsent(label, k -> new ArrayList<>());
                if (Double.isNaN(x)) {
                    missing++;
                } else {
                    g.add(x);
                }
            }
            groups.values().removeIf(List::isEmpty);
            return new SeriesData(groups.values().stream().map(g -> g.stream().mapToDouble(Double::doubleValue).toArray())
                    .toArray(double[][]::new), groups.keySet().toArray(String[]::new), null, missing);
        }
        // Wide form: each row is a subgroup; a --subgroup column, if given, labels it.
        List<double[]> groups = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int r = 0; r < table.rows(); r++) {
            double[] g = new double[values.size()];
            int n = 0;
            for (String column : values) {
                double x = table.number(r, column);
                if (Double.isNaN(x)) {
                    missing++;
                } else {
                    g[n++] = x;
                }
            }
            if (n > 0) {
                groups.add(java.util.Arrays.copyOf(g, n));
                labels.add(subgroup != null ? table.text(r, subgroup) : Integer.toString(r + 1));
            }
        }
        return new SeriesData(groups.toArray(double[][]::new), labels.toArray(String[]::new), null, missing);
    }
}
