package org.flowpat.app.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.flowpat.pat.multivariate.HotellingModel;
import org.flowpat.pat.multivariate.HotellingT2;
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
 * Hotelling T² scoring of new samples for p = 10 against a fixed model, in samples per second
 * (target ≥ 2 million on one core), next to a straightforward Commons Math baseline
 * (RealVector/RealMatrix per sample) so the speed-up is a ratio. Both score the same batch.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class T2Benchmark {
    static final int P = 10;
    static final int BATCH = 1024;

    private HotellingModel model;
    /** The batch packed sample after sample, as an acquisition buffer would hold it. */
    private double[] packed;
    private double[][] samples;
    private RealMatrix inverse;
    private RealVector mean;

    @Setup
    public void setUp() {
        Random random = new Random(20240601);
        double[][] reference = new double[500][P];
        for (double[] row : reference) {
            double common = random.nextGaussian();
            for (int j = 0; j < P; j++) {
                row[j] = 100 + 5 * common + (1 + j) * random.nextGaussian();
            }
        }
        model = HotellingT2.individuals(reference, null, 0.001).model();
        inverse = MatrixUtils.createRealMatrix(model.inverseCovariance());
        mean = new ArrayRealVector(model.mean());
        samples = new double[BATCH][P];
        packed = new double[BATCH * P];
        for (int i = 0; i < BATCH; i++) {
            double common = random.nextGaussian();
            for (int j = 0; j < P; j++) {
                samples[i][j] = 100 + 5 * common + (1 + j) * random.nextGaussian();
                packed[i * P + j] = samples[i][j];
            }
        }
    }

    /** The fitted model: packed triangular whitening (p(p+1)/2 multiply-adds), no allocation. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public double fittedModel() {
        double sum = 0;
        for (int i = 0; i < BATCH; i++) {
            sum += model.t2(packed, i * P);
        }
        return sum;
    }

    /** Baseline: (x - mean)ᵀ·S⁻¹·(x - mean) with Commons Math vectors, allocating per sample. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public double commonsMathBaseline() {
        double sum = 0;
        for (int i = 0; i < BATCH; i++) {
            RealVector d = new ArrayRealVector(samples[i]).subtract(mean);
            sum += d.dotProduct(inverse.operate(d));
        }
        return sum;
    }
}
