package org.flowpat.pat.multivariate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Random;
import java.util.function.DoubleSupplier;
import org.flowpat.pat.chemometrics.PlsCalibration;
import org.flowpat.pat.chemometrics.PlsPredictor;
import org.flowpat.pat.chemometrics.Preprocessing;
import org.flowpat.pat.rtd.RtdConvolver;
import org.flowpat.pat.rtd.SampledRtd;
import org.flowpat.pat.rtd.TanksInSeries;
import org.junit.jupiter.api.Test;

/** The hot paths of fitted models allocate nothing per sample (measured with the JVM's per-thread counter). */
class AllocationFreeTest {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** Bytes allocated by this thread while running {@code body} 100 000 times (after a warm-up). */
    private static long allocated(DoubleSupplier body) {
        double sink = 0;
        for (int i = 0; i < 20_000; i++) {
            sink += body.getAsDouble();
        }
        long before = THREADS.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 100_000; i++) {
            sink += body.getAsDouble();
        }
        long bytes = THREADS.getCurrentThreadAllocatedBytes() - before;
        assertTrue(Double.isFinite(sink));
        return bytes;
    }

    @Test
    void scoringAllocatesNothingPerSample() {
        Random random = new Random(1);
        double[][] reference = HotellingT2Test.correlatedData(random, 200, 10);
        HotellingModel hotelling = HotellingT2.individuals(reference, null, 0.01).model();
        PcaModel pca = PcaModel.fit(reference, null, 3, true, 0.01);
        PcaMonitor monitor = pca.monitor();
        double[] x = reference[7];
        double[] contributions = new double[10];
        SampledRtd kernel = SampledRtd.of(new TanksInSeries(5, 3), 0.1);
        RtdConvolver convolver = new RtdConvolver(kernel, 0);
        double[][] spectra = new double[30][50];
        double[] y = new double[30];
        for (int i = 0; i < 30; i++) {
            y[i] = random.nextDouble();
            for (int w = 0; w < 50; w++) {
                spectra[i][w] = y[i] * Math.exp(-0.5 * Math.pow((w - 25) / 6.0, 2)) + 0.01 * random.nextGaussian();
            }
        }
        PlsPredictor predictor = PlsCalibration.fit(spectra, y, 2, Preprocessing.SNV, 0.01).predictor();
        double[] value = new double[1];

        // a budget far below one allocation per call (100 000 calls); a TLAB refill may count once
        long budget = 4096;
        assertTrue(allocated(() -> hotelling.t2(x)) < budget);
        assertTrue(allocated(() -> hotelling.t2(x, 0)) < budget);
        assertTrue(allocated(() -> {
            hotelling.contributions(x, contributions);
            return contributions[0];
        }) < budget);
        assertTrue(allocated(() -> {
            monitor.evaluate(x);
            monitor.t2Contributions(contributions);
            monitor.speContributions(contributions);
            return monitor.t2() + monitor.spe();
        }) < budget);
        assertTrue(allocated(() -> convolver.push(1.0)) < budget);
        assertTrue(allocated(() -> {
            predictor.predict(spectra[3], value);
            return value[0] + predictor.q();
        }) < budget);
        assertEquals(1.0, convolver.push(1.0), 1e-9); // after 240 000 unit samples the outlet is at the inlet value
    }
}
