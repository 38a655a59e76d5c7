package org.flowpat.app.cli.spc;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import org.flowpat.pat.capability.Capability;
import org.flowpat.pat.capability.CapabilityIndices;
import org.flowpat.pat.capability.Interval;
import org.flowpat.pat.capability.SpecLimits;
import org.flowpat.pat.spc.CusumChart;
import org.flowpat.pat.spc.Dispersion;
import org.flowpat.pat.spc.Estimate;
import org.flowpat.pat.spc.EwmaChart;
import org.flowpat.pat.spc.IndividualsChart;
import org.flowpat.pat.spc.PhaseOne;
import org.flowpat.pat.spc.SigmaMethod;
import org.flowpat.pat.spc.SubgroupChart;

/**
 * Builds the JSON report of {@code flowpat spc} for the univariate charts: phase I estimate (or
 * the given center and sigma), one object per plotted point, the dispersion chart for Shewhart
 * charts and capability when specification limits are given. The charts are the streaming ones
 * of {@code org.flowpat.pat.spc}, replayed over the file.
 */
public final class SpcReport {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final String file;
    private final SeriesData data;
    private final ChartOptions o;

    private SpcReport(String file, SeriesData data, ChartOptions options) {
        this.file = file;
        this.data = data;
        this.o = options;
    }

    public static ObjectNode build(String file, SeriesData data, ChartOptions options) {
        try {
            return new SpcReport(file, data, options).build();
        } catch (IllegalArgumentException e) {
            throw new InputException(file + ": " + e.getMessage());
        }
    }

    private ObjectNode build() {
        int n = data.size();
        if (n == 0) {
            throw new InputException(file + ": no data points (all values missing)");
        }
        if (o.phase1() > n) {
            throw new InputException(file + ": --phase1 " + o.phase1() + " exceeds the " + n + (data.subgrouped() ? " subgroups" : " points")
                    + " in the file");
        }
        boolean estimate = Double.isNaN(o.center()) || Double.isNaN(o.sigma());
        int phaseOne = o.phase1() > 0 ? o.phase1() : estimate ? n : 0;
        SigmaMethod method = sigmaMethod();

        ObjectNode report = JSON.objectNode();
        report.put("chart", o.chart());
        report.put("file", file);
        double center = o.center();
        double sigma = o.sigma();
        Estimate est = null;
        if (estimate) {
            double[][] reference = Arrays.copyOf(data.groups(), phaseOne);
            est = data.subgrouped()
                    ? PhaseOne.subgroups(reference, method, o.constants(), o.exclude())
                    : PhaseOne.individuals(Arrays.stream(reference).mapToDouble(g -> g[0]).toArray(), o.constants(), o.exclude());
            center = Double.isNaN(center) ? est.center() : center;
            sigma = Double.isNaN(sigma) ? est.sigma() : sigma;
        }
        Json.number(report, "center", center);
        Json.number(report, "sigma", sigma);
        report.put("sigma_method", estimate && Double.isNaN(o.sigma()) ? switch (method) {
            case MOVING_RANGE -> "mr";
            case R_BAR -> "rbar";
            case S_BAR -> "sbar";
            case POOLED -> "pooled";
        } : "given");
        report.put("constants", o.constants() == org.flowpat.pat.spc.ChartConstants.EXACT ? "exact"
                : o.constants() == org.flowpat.pat.spc.ChartConstants.TABLE ? "table" : "qcc");
        report.put("phase1_count", phaseOne);
        report.put("points_count", n);
        report.put("missing", data.missing());
        ArrayNode excluded = report.putArray("excluded");
        if (est != null) {
            est.excluded().forEach(i -> excluded.add(i + 1));
        }
        if (data.subgrouped()) {
            report.put("max_subgroup_size", data.maxSubgroupSize());
        }

        switch (o.chart()) {
            case "imr" -> individuals(report, center, sigma, phaseOne);
            case "xbar-r" -> subgroups(report, center, sigma, phaseOne, Dispersion.RANGE);
            case "xbar-s" -> subgroups(report, center, sigma, phaseOne, Dispersion.STDDEV);
            case "ewma" -> ewma(report, center, sigma, phaseOne);
            case "cusum" -> cusum(report, center, sigma, phaseOne);
            default -> throw new InputException("unknown chart " + o.chart());
        }
        if (!Double.isNaN(o.lsl()) || !Double.isNaN(o.usl())) {
            capability(report, sigma, phaseOne, est);
        }
        return report;
    }

    private SigmaMethod sigmaMethod() {
        if (!data.subgrouped()) {
            if (o.sigmaMethod() != null && o.sigmaMethod() != SigmaMethod.MOVING_RANGE) {
                throw new InputException(file + ": --sigma-method " + o.sigmaMethod() + " needs subgroups; individuals use the moving range");
            }
            return SigmaMethod.MOVING_RANGE;
        }
        if (o.sigmaMethod() != null) {
            return o.sigmaMethod();
        }
        return o.chart().equals("xbar-s") ? SigmaMethod.S_BAR : SigmaMethod.R_BAR;
    }

    private ObjectNode point(ArrayNode points, int i) {
        ObjectNode p = points.addObject();
        p.put("index", i + 1);
        if (data.subgrouped()) {
            p.put("subgroup", data.labels()[i]);
            p.put("n", data.groups()[i].length);
        } else {
            p.put("row", data.rows()[i]);
        }
        return p;
    }

    private static void finish(ObjectNode p, double value, double ucl, double lcl, boolean phaseOne) {
        Json.number(p, "value", value);
        Json.number(p, "ucl", ucl);
        Json.number(p, "lcl", lcl);
        p.put("phase", phaseOne ? "I" : "II");
    }

    private void individuals(ObjectNode report, double center, double sigma, int phaseOne) {
        if (data.subgrouped()) {
            throw new InputException(file + ": the imr chart takes individuals: one --value column and no --subgroup");
        }
        IndividualsChart chart = new IndividualsChart(center, sigma, o.rules(), o.constants());
        Json.number(report, "ucl", chart.ucl());
        Json.number(report, "lcl", chart.lcl());
        ObjectNode dispersion = JSON.objectNode();
        dispersion.put("statistic", "moving_range");
        Json.number(dispersion, "center", chart.movingRangeCenter());
        Json.number(dispersion, "ucl", chart.movingRangeUcl());
        dispersion.put("lcl", 0.0);
        ArrayNode points = report.putArray("points");
        ArrayNode dispPoints = dispersion.putArray("points");
        for (int i = 0; i < data.size(); i++) {
            int flags = chart.update(data.groups()[i][0]);
            ObjectNode p = point(points, i);
            finish(p, chart.value(), chart.ucl(), chart.lcl(), i < phaseOne);
            Json.signals(p, flags, o.rules());
            if (i > 0) {
                ObjectNode d = point(dispPoints, i);
                finish(d, chart.movingRange(), chart.movingRangeUcl(), 0.0, i < phaseOne);
                Json.signals(d, chart.movingRangeSignals(), 0);
            }
        }
        report.set("dispersion", dispersion);
    }

    private void subgroups(ObjectNode report, double center, double sigma, int phaseOne, Dispersion kind) {
        if (!data.subgrouped()) {
            throw new InputException(file + ": " + o.chart() + " needs subgroups: --subgroup COL (long form) or several --value columns (wide form)");
        }
        int maxSize = data.maxSubgroupSize();
        SubgroupChart chart = new SubgroupChart(center, sigma, kind, o.rules(), maxSize, o.constants());
        ObjectNode dispersion = JSON.objectNode();
        dispersion.put("statistic", kind == Dispersion.RANGE ? "range" : "stddev");
        // The headline limits are those of the largest subgroup; each point carries its own.
        Json.number(report, "ucl", chart.ucl(maxSize));
        Json.number(report, "lcl", chart.lcl(maxSize));
        Json.number(dispersion, "center", chart.dispersionCenter(maxSize));
        Json.number(dispersion, "ucl", chart.dispersionUcl(maxSize));
        Json.number(dispersion, "lcl", chart.dispersionLcl(maxSize));
        ArrayNode points = report.putArray("points");
        ArrayNode dispPoints = dispersion.putArray("points");
        for (int i = 0; i < data.size(); i++) {
            double[] g = data.groups()[i];
            int flags = chart.update(g, 0, g.length);
            ObjectNode p = point(points, i);
            finish(p, chart.value(), chart.ucl(), chart.lcl(), i < phaseOne);
            Json.signals(p, flags, o.rules());
            ObjectNode d = point(dispPoints, i);
            finish(d, chart.dispersionValue(), chart.dispersionUcl(), chart.dispersionLcl(), i < phaseOne);
            Json.number(d, "center", chart.dispersionCenter());
            Json.signals(d, chart.dispersionSignals(), 0);
        }
        report.set("dispersion", dispersion);
    }

    /** Values plotted by EWMA and CUSUM: observations, or subgroup means with sigma/√n (equal n required). */
    private double[] plottedValues() {
        double[] v = new double[data.size()];
        for (int i = 0; i < v.length; i++) {
            double[] g = data.groups()[i];
            if (g.length != data.groups()[0].length) {
                throw new InputException(file + ": " + o.chart() + " on subgroup means needs equal subgroup sizes; subgroup '"
                        + data.labels()[i] + "' has " + g.length + " values, subgroup '" + data.labels()[0] + "' has " + data.groups()[0].length);
            }
            v[i] = Arrays.stream(g).average().orElseThrow();
        }
        return v;
    }

    private double plottedSigma(double sigma) {
        return data.subgrouped() ? sigma / Math.sqrt(data.groups()[0].length) : sigma;
    }

    private void ewma(ObjectNode report, double center, double sigma, int phaseOne) {
        double[] v = plottedValues();
        double start = Double.isNaN(o.start()) ? center : o.start();
        EwmaChart chart = new EwmaChart(center, plottedSigma(sigma), o.lambda(), o.limitWidth(), start, !o.asymptotic());
        report.put("lambda", o.lambda());
        report.put("L", o.limitWidth());
        report.put("start", start);
        report.put("limits", o.asymptotic() ? "asymptotic" : "time-varying");
        ArrayNode points = report.putArray("points");
        for (int i = 0; i < v.length; i++) {
            int flags = chart.update(v[i]);
            ObjectNode p = point(points, i);
            finish(p, chart.value(), chart.ucl(), chart.lcl(), i < phaseOne);
            Json.signals(p, flags, 0);
        }
    }

    private void cusum(ObjectNode report, double center, double sigma, int phaseOne) {
        double[] v = plottedValues();
        double headstart = o.fir() ? o.h() / 2 : 0.0;
        CusumChart chart = new CusumChart(center, plottedSigma(sigma), o.k(), o.h(), headstart, o.resetAfterSignal());
        report.put("k", o.k());
        report.put("h", o.h());
        Json.number(report, "K", chart.referenceValue());
        Json.number(report, "H", chart.decisionInterval());
        report.put("headstart", headstart);
        report.put("reset_after_signal", o.resetAfterSignal());
        ArrayNode points = report.putArray("points");
        for (int i = 0; i < v.length; i++) {
            int flags = chart.update(v[i]);
            ObjectNode p = point(points, i);
            finish(p, v[i], chart.decisionInterval(), -chart.decisionInterval(), i < phaseOne);
            Json.number(p, "upper", chart.upper());
            Json.number(p, "lower", -chart.lower());
            Json.signals(p, flags, 0);
        }
    }

    private void capability(ObjectNode report, double sigmaWithin, int phaseOne, Estimate est) {
        int to = phaseOne > 0 ? phaseOne : data.size();
        double[][] groups = Arrays.copyOf(data.groups(), to);
        if (est != null) {
            for (int i : est.excluded()) {
                groups[i] = new double[0];
            }
        }
        double[] x = Arrays.stream(groups).flatMapToDouble(Arrays::stream).toArray();
        double target = o.target();
        if (Double.isNaN(target) && !Double.isNaN(o.lsl()) && !Double.isNaN(o.usl())) {
            target = (o.lsl() + o.usl()) / 2;
        }
        SpecLimits spec = new SpecLimits(o.lsl(), o.usl(), target);
        if (x.length < 2) {
            throw new InputException(file + ": capability undefined: too few points, need at least 2 observations, have " + x.length);
        }
        double mean = Arrays.stream(x).average().orElseThrow();
        CapabilityIndices c = Capability.compute(mean, sigmaWithin, PhaseOne.overallSigma(x), x.length, spec, o.confidence());
        ObjectNode cap = report.putObject("capability");
        Json.number(cap, "lsl", spec.lsl());
        Json.number(cap, "usl", spec.usl());
        Json.number(cap, "target", spec.target());
        cap.put("n", c.n());
        cap.put("mean", c.mean());
        cap.put("sigma_within", c.sigmaWithin());
        cap.put("sigma_overall", c.sigmaOverall());
        cap.put("confidence", c.confidence());
        Json.number(cap, "cp", c.cp());
        Json.number(cap, "cpl", c.cpl());
        Json.number(cap, "cpu", c.cpu());
        Json.number(cap, "cpk", c.cpk());
        Json.number(cap, "cpm", c.cpm());
        Json.number(cap, "pp", c.pp());
        Json.number(cap, "ppl", c.ppl());
        Json.number(cap, "ppu", c.ppu());
        Json.number(cap, "ppk", c.ppk());
        interval(cap, "cp_ci", c.cpInterval());
        interval(cap, "cpk_ci", c.cpkInterval());
        interval(cap, "pp_ci", c.ppInterval());
        interval(cap, "ppk_ci", c.ppkInterval());
    }

    private static void interval(ObjectNode node, String field, Interval i) {
        if (!i.defined()) {
            node.putNull(field);
            return;
        }
        ArrayNode a = node.putArray(field);
        Json.number(a, i.low());
        Json.number(a, i.high());
    }
}
