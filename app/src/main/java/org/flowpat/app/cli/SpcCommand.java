package org.flowpat.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.flowpat.app.cli.spc.ChartOptions;
import org.flowpat.app.cli.spc.CsvTable;
import org.flowpat.app.cli.spc.InputException;
import org.flowpat.app.cli.spc.SeriesData;
import org.flowpat.app.cli.spc.SpcReport;
import org.flowpat.app.cli.spc.T2Report;
import org.flowpat.pat.spc.ChartConstants;
import org.flowpat.pat.spc.SigmaMethod;
import org.flowpat.pat.spc.Signals;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code flowpat spc}: offline SPC on a CSV file, JSON on stdout. The format is in docs/spc-cli.md. */
@Command(name = "spc", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Offline statistical process control on a CSV file (with a header row); prints a JSON report.",
            "Bad input exits 2 with a message naming the file, line and column."})
public final class SpcCommand implements Callable<Integer> {
    static final int BAD_INPUT = 2;

    enum Chart { imr, xbar_r, xbar_s, ewma, cusum, t2 }

    enum Rules { nelson, we, none }

    enum Constants { exact, table, qcc }

    enum Method { mr, rbar, sbar, pooled }

    @Spec
    CommandSpec spec;

    @Option(names = "--chart", required = true, paramLabel = "CHART",
            description = "imr, xbar-r, xbar-s, ewma, cusum or t2", converter = ChartConverter.class)
    Chart chart;

    @Option(names = "--value", required = true, split = ",", paramLabel = "COL",
            description = "the measured column; several for t2, or for a wide-form subgroup (one row per subgroup)")
    List<String> values;

    @Option(names = "--subgroup", paramLabel = "COL", description = "rows with the same label form a subgroup (omitted: individuals)")
    String subgroup;

    @Option(names = "--phase1", paramLabel = "N", defaultValue = "0",
            description = "the first N points/subgroups estimate the limits; the rest are phase II (0: all when estimating)")
    int phase1;

    @Option(names = "--center", paramLabel = "X", description = "center (target) instead of the phase I estimate")
    Double center;

    @Option(names = "--sigma", paramLabel = "S", description = "sigma of one observation instead of the phase I estimate")
    Double sigma;

    @Option(names = "--sigma-method", paramLabel = "M", description = "phase I sigma: mr (individuals), rbar, sbar or pooled (subgroups)")
    Method sigmaMethod;

    @Option(names = "--exclude", description = "exclude out-of-control phase I points and re-estimate until none remain")
    boolean exclude;

    @Option(names = "--rules", paramLabel = "SET", defaultValue = "nelson", description = "run rules for imr and xbar charts: nelson, we or none (default ${DEFAULT-VALUE})")
    Rules rules;

    @Option(names = "--constants", paramLabel = "C", defaultValue = "exact",
            description = "chart constants: exact (default), table (d2, d3 to 3 decimals, c4 to 4) or qcc (d2 to 3 decimals)")
    Constants constants;

    @Option(names = "--lambda", paramLabel = "X", defaultValue = "0.2", description = "EWMA weight (default ${DEFAULT-VALUE})")
    double lambda;

    @Option(names = "--L", paramLabel = "X", defaultValue = "3", description = "EWMA limit width in sigmas (default ${DEFAULT-VALUE})")
    double limitWidth;

    @Option(names = "--start", paramLabel = "X", description = "EWMA start value (default: the center)")
    Double start;

    @Option(names = "--asymptotic", description = "EWMA asymptotic limits instead of time-varying ones")
    boolean asymptotic;

    @Option(names = "--k", paramLabel = "X", defaultValue = "0.5", description = "CUSUM reference value in sigmas (default ${DEFAULT-VALUE})")
    double k;

    @Option(names = "--h", paramLabel = "X", defaultValue = "5", description = "CUSUM decision interval in sigmas (default ${DEFAULT-VALUE})")
    double h;

    @Option(names = "--fir", description = "CUSUM fast initial response: start the sums at h/2")
    boolean fir;

    @Option(names = "--reset", description = "CUSUM: restart the sums after each signal")
    boolean resetAfterSignal;

    @Option(names = "--lsl", paramLabel = "X", description = "lower specification limit (capability)")
    Double lsl;

    @Option(names = "--usl", paramLabel = "X", description = "upper specification limit (capability)")
    Double usl;

    @Option(names = "--target", paramLabel = "X", description = "target for Cpm (default: mid-specification)")
    Double target;

    @Option(names = "--confidence", paramLabel = "X", defaultValue = "0.95", description = "confidence level of the capability intervals (default ${DEFAULT-VALUE})")
    double confidence;

    @Option(names = "--alpha", paramLabel = "X", defaultValue = "0.0027", description = "t2 false-alarm probability (default ${DEFAULT-VALUE})")
    double alpha;

    @Parameters(index = "0", paramLabel = "FILE.csv", description = "the data, with a header row")
    Path file;

    /** Picocli enum names cannot contain '-', so map the chart names by hand. */
    static final class ChartConverter implements picocli.CommandLine.ITypeConverter<Chart> {
        @Override
        public Chart convert(String value) {
            for (Chart c : Chart.values()) {
                if (c.name().replace('_', '-').equals(value)) {
                    return c;
                }
            }
            throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a chart; use imr, xbar-r, xbar-s, ewma, cusum or t2");
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            ObjectNode report = report();
            out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
            out.flush();
            return 0;
        } catch (InputException e) {
            err.println("flowpat spc: " + e.getMessage());
            err.flush();
            return BAD_INPUT;
        }
    }

    private ObjectNode report() {
        CsvTable table = CsvTable.read(file);
        for (String v : values) {
            table.column(v, "--value");
        }
        if (subgroup != null) {
            table.column(subgroup, "--subgroup");
        }
        if (phase1 < 0) {
            throw new InputException("--phase1 must be 0 or more, got " + phase1);
        }
        if (chart == Chart.t2) {
            return t2(table);
        }
        if (values.size() > 1 && (chart == Chart.imr)) {
            throw new InputException("--chart imr takes one --value column, got " + values);
        }
        boolean wantsSubgroups = chart == Chart.xbar_r || chart == Chart.xbar_s;
        SeriesData data = SeriesData.read(table, values, subgroup, wantsSubgroups);
        ChartOptions options = new ChartOptions(chart.name().replace('_', '-'), phase1, nan(center), nan(sigma),
                switch (rules) {
                    case nelson -> Signals.NELSON;
                    case we -> Signals.WESTERN_ELECTRIC;
                    case none -> 0;
                },
                switch (constants) {
                    case exact -> ChartConstants.EXACT;
                    case table -> ChartConstants.TABLE;
                    case qcc -> ChartConstants.QCC;
                },
                sigmaMethod == null ? null : switch (sigmaMethod) {
                    case mr -> SigmaMethod.MOVING_RANGE;
                    case rbar -> SigmaMethod.R_BAR;
                    case sbar -> SigmaMethod.S_BAR;
                    case pooled -> SigmaMethod.POOLED;
                },
                exclude, lambda, limitWidth, nan(start), asymptotic, k, h, fir, resetAfterSignal,
                nan(lsl), nan(usl), nan(target), confidence);
        ObjectNode report = SpcReport.build(table.file(), data, options);
        report.put("rules", chart == Chart.imr || wantsSubgroups ? rules.name() : "none");
        return report;
    }

    private ObjectNode t2(CsvTable table) {
        double[][] rows = new double[table.rows()][values.size()];
        String[] labels = subgroup == null ? null : new String[table.rows()];
        for (int r = 0; r < table.rows(); r++) {
            for (int j = 0; j < values.size(); j++) {
                rows[r][j] = table.number(r, values.get(j));
            }
            if (labels != null) {
                labels[r] = table.text(r, subgroup);
            }
        }
        try {
            return T2Report.build(rows, labels, List.copyOf(values), phase1, alpha);
        } catch (IllegalArgumentException e) {
            throw new InputException(table.file() + ": " + e.getMessage());
        }
    }

    private static double nan(Double v) {
        return v == null ? Double.NaN : v;
    }
}
