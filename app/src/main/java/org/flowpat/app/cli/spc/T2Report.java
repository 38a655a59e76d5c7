package org.flowpat.app.cli.spc;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowpat.pat.multivariate.HotellingModel;
import org.flowpat.pat.multivariate.HotellingPhase1;
import org.flowpat.pat.multivariate.HotellingT2;

/**
 * The Hotelling T² chart of {@code flowpat spc --chart t2}: phase I limits on the leading
 * points (or subgroups), phase II limits on the rest, and per-variable contributions
 * c_j = n(x_j - x̄_j)(S⁻¹(x - x̄))_j (they sum to T²) on every point that signals.
 */
public final class T2Report {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private T2Report() {
    }

    /** rows[i] = the observation vector of data row i (NaN = missing); labels[i] = its subgroup label, or labels == null for individuals;
     *  phase1 = number of leading points/subgroups in phase I (0 = all); returns the JSON report object. Throws IllegalArgumentException with a clear message on bad input. */
    public static ObjectNode build(double[][] rows, String[] labels, List<String> columns, int phase1, double alpha) {
        if (rows == null || rows.length == 0) {
            throw new IllegalArgumentException("t2 chart: no data rows");
        }
        if (columns == null || columns.isEmpty()) {
            throw new IllegalArgumentException("t2 chart: no variables (columns) given");
        }
        if (labels != null && labels.length != rows.length) {
            throw new IllegalArgumentException("t2 chart: " + rows.length + " data rows but " + labels.length + " subgroup labels");
        }
        if (phase1 < 0) {
            throw new IllegalArgumentException("t2 chart: phase I count must be ≥ 0 (0 = all), got " + phase1);
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("t2 chart: alpha must be in (0, 1), got " + alpha);
        }
        int p = columns.size();
        List<double[]> complete = new ArrayList<>();
        List<String> completeLabels = new ArrayList<>();
        List<Integer> completeRows = new ArrayList<>();
        int missing = 0;
        for (int i = 0; i < rows.length; i++) {
            double[] row = rows[i];
            if (row == null || row.length != p) {
                throw new IllegalArgumentException("t2 chart: data row " + (i + 1) + " has " + (row == null ? 0 : row.length)
                        + " values, expected " + p + " (" + columns + ")");
            }
            boolean hasNaN = false;
            for (int j = 0; j < p; j++) {
                if (Double.isNaN(row[j])) {
                    hasNaN = true;
                } else if (Double.isInfinite(row[j])) {
                    throw new IllegalArgumentException("t2 chart: data row " + (i + 1) + ", column " + columns.get(j) + " is infinite");
                }
            }
            if (hasNaN) {
                missing++;
                continue;
            }
            complete.add(row);
            completeRows.add(i + 1);
            if (labels != null) {
                if (labels[i] == null) {
                    throw new IllegalArgumentException("t2 chart: data row " + (i + 1) + " has no subgroup label");
                }
                completeLabels.add(labels[i]);
            }
        }
        return labels == null
                ? individuals(complete, completeRows, columns, phase1, alpha, missing)
                : subgroups(complete, completeLabels, columns, phase1, alpha, missing);
    }

    private static ObjectNode individuals(List<double[]> points, List<Integer> dataRows, List<String> columns, int phase1,
                                          double alpha, int missing) {
        int m = phaseOneCount(phase1, points.size(), "points");
        HotellingPhase1 fit = HotellingT2.individuals(points.subList(0, m).toArray(double[][]::new), columns, alpha);
        HotellingModel model = fit.model();
        ObjectNode report = header(model, fit, alpha, missing);
        ArrayNode out = report.putArray("points");
        for (int i = 0; i < points.size(); i++) {
            double[] x = points.get(i);
            // "row" ties the point back to its data row when rows with missing values were skipped
            out.add(point(i + 1, null, model, x, i < m, fit).put("row", dataRows.get(i)));
        }
        return report;
    }

    private static ObjectNode subgroups(List<double[]> rows, List<String> labels, List<String> columns, int phase1, double alpha, int missing) {
        Map<String, List<double[]>> groups = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            groups.computeIfAbsent(labels.get(i), k -> new ArrayList<>()).add(rows.get(i));
        }
        List<String> names = new ArrayList<>(groups.keySet());
        int size = groups.get(names.get(0)).size();
        for (String name : names) {
            int n = groups.get(name).size();
            if (n != size) {
                throw new IllegalArgumentException("t2 chart: subgroup '" + name + "' has " + n + " complete rows but subgroup '"
                        + names.get(0) + "' has " + size + "; T² for subgroups needs equal subgroup sizes");
            }
        }
        int m = phaseOneCount(phase1, names.size(), "subgroups");
        double[][][] reference = new double[m][][];
        for (int j = 0; j < m; j++) {
            reference[j] = groups.get(names.get(j)).toArray(double[][]::new);
        }
        HotellingPhase1 fit = HotellingT2.subgroups(reference, columns, alpha);
        HotellingModel model = fit.model();
        ObjectNode report = header(model, fit, alpha, missing);
        report.put("subgroup_size", size);
        ArrayNode out = report.putArray("points");
        for (int j = 0; j < names.size(); j++) {
            double[] mean = mean(groups.get(names.get(j)), columns.size());
            out.add(point(j + 1, names.get(j), model, mean, j < m, fit));
        }
        return report;
    }

    private static ObjectNode header(HotellingModel model, HotellingPhase1 fit, double alpha, int missing) {
        ObjectNode report = JSON.objectNode();
        report.put("chart", "t2");
        report.putNull("center");
        report.putNull("sigma");
        ArrayNode variables = report.putArray("variables");
        model.variables().forEach(variables::add);
        ArrayNode mean = report.putArray("mean");
        for (double v : model.mean()) {
            mean.add(v);
        }
        report.put("covariance_determinant", model.determinant());
        report.put("ucl_phase1", fit.uclPhase1());
        report.put("ucl_phase2", fit.uclPhase2());
        report.put("alpha", alpha);
        report.put("missing", missing);
        report.put("phase1_count", model.referenceSize());
        return report;
    }

    private static ObjectNode point(int index, String subgroup, HotellingModel model, double[] x, boolean phaseOne, HotellingPhase1 fit) {
        double value = model.t2(x);
        double ucl = phaseOne ? fit.uclPhase1() : fit.uclPhase2();
        ObjectNode point = JSON.objectNode();
        point.put("index", index);
        if (subgroup != null) {
            point.put("subgroup", subgroup);
        }
        point.put("value", value);
        point.put("ucl", ucl);
        point.put("lcl", 0.0);
        point.put("phase", phaseOne ? "I" : "II");
        ArrayNode signals = point.putArray("signals");
        if (value > ucl) {
            signals.add("limit");
            ObjectNode contributions = point.putObject("contributions");
            double[] c = model.contributions(x);
            for (int j = 0; j < c.length; j++) {
                contributions.put(model.variables().get(j), c[j]);
            }
        }
        return point;
    }

    private static int phaseOneCount(int phase1, int available, String what) {
        if (phase1 > available) {
            throw new IllegalArgumentException("t2 chart: phase I asks for " + phase1 + " " + what + " but there are only "
                    + available + " (after skipping rows with missing values)");
        }
        return phase1 == 0 ? available : phase1;
    }

    private static double[] mean(List<double[]> rows, int p) {
        double[] mean = new double[p];
        for (double[] row : rows) {
            for (int j = 0; j < p; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < p; j++) {
            mean[j] /= rows.size();
        }
        return mean;
    }
}
