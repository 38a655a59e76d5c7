package org.flowpat.app.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.flowpat.app.bench.CpuTimeCheck;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code flowpat bench [NAME]}: runs the JMH benchmarks in {@code org.flowpat.app.bench} through
 * the JMH Runner API (2 warm-up and 3 measured iterations of 1 s, one fork, GC profiler) and
 * prints samples per second, bytes allocated per sample and the speed-up over the baseline.
 * Forks reuse java.class.path, so this works from the shaded jar.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Runs a benchmark and prints its figures; without a name, lists the benchmarks."})
public final class BenchCommand implements Callable<Integer> {
    /** name -> (benchmark class, description). */
    private static final Map<String, String[]> BENCHMARKS = new LinkedHashMap<>();

    static {
        BENCHMARKS.put("spc", new String[] {"org.flowpat.app.bench.SpcBenchmark",
            "streaming I-MR + 8 Nelson tests + EWMA + CUSUM on one CQA, vs a DescriptiveStatistics window baseline"});
        BENCHMARKS.put("t2", new String[] {"org.flowpat.app.bench.T2Benchmark",
            "Hotelling T² scoring (p = 10), vs a Commons Math RealMatrix baseline"});
    }

    /** name -> (class with a main printing its figures, description); extra arguments go to that main. */
    private static final Map<String, String[]> PROGRAMS = new LinkedHashMap<>();

    static {
        PROGRAMS.put("sim", new String[] {"org.flowpat.simulator.engine.SpeedBenchmark",
            "one simulated line as fast as possible: multiple of real time [HOURS] [STEP_S]"});
        PROGRAMS.put("opcua-scale", new String[] {"org.flowpat.simulator.server.ScaleBenchmark",
            "scale mode at 10 Hz into one Milo subscription: changes/s, latency, CPU [SECONDS] [LINES] [RATE_HZ]"});
        PROGRAMS.put("acquisition", new String[] {"org.flowpat.controller.acquisition.AcquisitionBenchmark",
            "simulator + controller acquisition: samples/s on the event bus, source-to-bus latency, heap"});
        PROGRAMS.put("historian", new String[] {"org.flowpat.controller.historian.HistorianBenchmark",
            "spool -> InfluxDB (started on loopback) and QuestDB: samples/s vs raw line protocol"});
        PROGRAMS.put("diversion", new String[] {"org.flowpat.controller.diversion.DiversionBenchmark",
            "fault scenarios in closed loop: detection delay, off-spec mass in product, diverted vs RTD-optimal"});
        PROGRAMS.put("live", new String[] {"org.flowpat.app.bench.LiveLatencyBenchmark",
            "simulator + controller + HMI + 50 WebSocket sessions: sample-to-screen latency, delivery, server CPU"});
        PROGRAMS.put("trends", new String[] {"org.flowpat.controller.historian.TrendQueryBenchmark",
            "24 h trend of 10 signals through the trend service from InfluxDB (loopback) and QuestDB: query time"});
        PROGRAMS.put("monitoring", new String[] {"org.flowpat.app.bench.MonitoringBenchmark",
            "100 simulated lines, all monitoring live: controller CPU, sample-to-SPC and sample-to-alarm latency"});
        PROGRAMS.put("control", new String[] {"org.flowpat.controller.control.ControlBenchmark",
            "jacket temperature PID on the simulated line: overshoot and settling after setpoint steps and disturbances"});
    }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "the benchmark; none lists them")
    String name;

    @Parameters(index = "1..*", paramLabel = "ARG", description = "arguments of the program benchmarks")
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() throws RunnerException {
        PrintWriter out = spec.commandLine().getOut();
        if (name == null) {
            out.println("Available benchmarks (run: flowpat bench NAME):");
            BENCHMARKS.forEach((n, b) -> out.printf("  %-12s %s%n", n, b[1]));
            PROGRAMS.forEach((n, b) -> out.printf("  %-12s %s%n", n, b[1]));
            out.flush();
            return 0;
        }
        String[] program = PROGRAMS.get(name);
        if (program != null) {
            return runProgram(program[0]);
        }
        String[] benchmark = BENCHMARKS.get(name);
        if (benchmark == null) {
            List<String> names = new ArrayList<>(BENCHMARKS.keySet());
            names.addAll(PROGRAMS.keySet());
            spec.commandLine().getErr().println("flowpat bench: unknown benchmark '" + name + "'; available: " + names);
            spec.commandLine().getErr().flush();
            return 2;
        }
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + benchmark[0].replace(".", "\\.") + "\\.")
                .warmupIterations(2).warmupTime(TimeValue.seconds(1))
                .measurementIterations(3).measurementTime(TimeValue.seconds(1))
                .forks(1)
                .addProfiler(GCProfiler.class);
        Collection<RunResult> results = new Runner(options.build()).run();
        report(out, results);
        if (name.equals("spc")) {
            cpuTimeReport(out);
        }
        return 0;
    }

    private Integer runProgram(String className) {
        try {
            Class.forName(className).getMethod("main", String[].class).invoke(null, (Object) args.toArray(String[]::new));
            return 0;
        } catch (java.lang.reflect.InvocationTargetException e) {
            spec.commandLine().getErr().println("flowpat bench " + name + ": " + e.getCause());
            spec.commandLine().getErr().flush();
            return 1;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("benchmark program " + className + " is missing from this build", e);
        }
    }

    private static void cpuTimeReport(PrintWriter out) {
        out.println("Per CPU-second of this thread (not lowered by other load on the machine), 2 s each:");
        CpuTimeCheck.Figures[] figures = CpuTimeCheck.spc();
        for (CpuTimeCheck.Figures f : figures) {
            out.printf("  %-20s %,.0f samples/CPU-s   allocation %.3f B/sample (ThreadMXBean)%n",
                    f.name(), f.samplesPerCpuSecond(), f.bytesPerSample());
        }
        out.printf("  speed-up over baseline: %.1fx%n", figures[0].samplesPerCpuSecond() / figures[1].samplesPerCpuSecond());
        out.flush();
    }

    @SuppressWarnings("rawtypes") // JMH's getSecondaryResults() is a Map<String, Result> with a raw Result
    private static void report(PrintWriter out, Collection<RunResult> results) {
        List<String[]> rows = new ArrayList<>();
        double fastest = 0;
        double baseline = Double.NaN;
        for (RunResult r : results) {
            String method = r.getParams().getBenchmark();
            method = method.substring(method.lastIndexOf('.') + 1);
            Result<?> primary = r.getPrimaryResult();
            double perSecond = primary.getScore();
            double bytes = Double.NaN;
            for (Map.Entry<String, Result> e : r.getSecondaryResults().entrySet()) {
                if (e.getKey().endsWith("gc.alloc.rate.norm")) {
                    bytes = e.getValue().getScore();
                }
            }
            if (method.toLowerCase(java.util.Locale.ROOT).contains("baseline")) {
                baseline = perSecond;
            } else {
                fastest = Math.max(fastest, perSecond);
            }
            rows.add(new String[] {method, String.format("%,.0f samples/s (± %,.0f)", perSecond, primary.getScoreError()),
                String.format("%.3f B/sample", bytes)});
        }
        out.println();
        out.println("Results (one operation = one sample, one thread):");
        for (String[] row : rows) {
            out.printf("  %-20s %-40s allocation %s%n", row[0], row[1], row[2]);
        }
        if (!Double.isNaN(baseline) && baseline > 0) {
            out.printf("  speed-up over baseline: %.1fx%n", fastest / baseline);
        }
        out.flush();
    }
}
