package org.flowpat.app.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.flowpat.pat.spc.ChartConstants;
import org.flowpat.pat.spc.CusumChart;
import org.flowpat.pat.spc.EwmaChart;
import org.flowpat.pat.spc.IndividualsChart;
import org.flowpat.pat.spc.Signals;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One CQA monitored on every sample: I-MR with all eight Nelson tests, EWMA (λ 0.2, L 3,
 * asymptotic limits) and CUSUM (k 0.5, h 5). One operation is one sample, so the score is samples per second
 * (target ≥ 20 million on one core, allocation 0 B per sample). {@link #baseline} does the same
 * work by re-scanning a {@code DescriptiveStatistics} window, so the ratio is the speed-up.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class SpcBenchmark {
    static final int BATCH = 4096;

    private double[] samples;
    private IndividualsChart imr;
    private EwmaChart ewma;
    private CusumChart cusum;
    private WindowBaseline window;

    @Setup
    public void setUp() {
        Random random = new Random(20240601);
        samples = new double[BATCH];
        for (int i = 0; i < BATCH; i++) {
            // In control with occasional sustained shifts, so the rules do real work.
            double shift = (i / 512) % 4 == 3 ? 1.0 : 0.0;
            samples[i] = 100 + 2 * (random.nextGaussian() + shift);
        }
        imr = new IndividualsChart(100, 2, Signals.NELSON, ChartConstants.EXACT);
        ewma = new EwmaChart(100, 2, 0.2, 3, 100, false);
        cusum = new CusumChart(100, 2, 0.5, 5);
        window = new WindowBaseline(100, 2, 0.2, 3, 0.5, 5);
        checkBothFlagTheSameSamples();
    }

    private void checkBothFlagTheSameSamples() {
        IndividualsChart i2 = new IndividualsChart(100, 2, Signals.NELSON, ChartConstants.EXACT);
        EwmaChart e2 = new EwmaChart(100, 2, 0.2, 3, 100, false);
        CusumChart c2 = new CusumChart(100, 2, 0.5, 5);
        WindowBaseline b2 = new WindowBaseline(100, 2, 0.2, 3, 0.5, 5);
        int flagged = 0;
        for (int i = 0; i < BATCH; i++) {
            double x = samples[i];
            int s = i2.update(x) | i2.movingRangeSignals() | e2.update(x) | c2.update(x);
            boolean streaming = s != 0;
            boolean baseline = b2.update(x) != 0;
            if (streaming != baseline) {
                throw new IllegalStateException("streaming and baseline disagree at sample " + i);
            }
            flagged += streaming ? 1 : 0;
        }
        if (flagged == 0 || flagged == BATCH) {
            throw new IllegalStateException("benchmark data should flag some samples, flagged " + flagged);
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int streaming() {
        int flags = 0;
        double[] x = samples;
        for (int i = 0; i < x.length; i++) {
            flags += imr.update(x[i]) + ewma.update(x[i]) + cusum.update(x[i]);
        }
        return flags;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int baseline() {
        int flags = 0;
        double[] x = samples;
        for (int i = 0; i < x.length; i++) {
            flags += window.update(x[i]);
        }
        return flags;
    }
}
