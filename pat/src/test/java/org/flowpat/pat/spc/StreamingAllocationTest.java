package org.flowpat.pat.spc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/** The hot path (I-MR with all Nelson rules, EWMA, CUSUM, X-bar/S) allocates nothing per sample. */
class StreamingAllocationTest {

    @Test
    void updatesDoNotAllocate() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        double[] samples = new double[4096];
        Well19937c random = new Well19937c(5);
        for (int i = 0; i < samples.length; i++) {
            samples[i] = random.nextGaussian() + (i % 1000 == 0 ? Double.NaN : 0);
        }
        IndividualsChart imr = new IndividualsChart(0, 1, Signals.NELSON, ChartConstants.EXACT);
        EwmaChart ewma = new EwmaChart(0, 1, 0.2, 3);
        CusumChart cusum = new CusumChart(0, 1, 0.5, 5, 2.5, true);
        SubgroupChart xbar = new SubgroupChart(0, 1, Dispersion.STDDEV, Signals.NELSON, 8, ChartConstants.EXACT);
        long sink = 0;
        for (int warm = 0; warm < 50; warm++) {
            sink += run(samples, imr, ewma, cusum, xbar);
        }
        long before = threads.getThreadAllocatedBytes(thread);
        for (int rep = 0; rep < 250; rep++) {
            sink += run(samples, imr, ewma, cusum, xbar);
        }
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        long updates = 250L * samples.length;
        // A few hundred bytes may come from the measurement itself; per sample it must be zero.
        assertTrue(allocated < 1024, allocated + " bytes allocated over " + updates + " samples (sink " + sink + ")");
    }

    private static long run(double[] samples, IndividualsChart imr, EwmaChart ewma, CusumChart cusum, SubgroupChart xbar) {
        long flags = 0;
        for (int i = 0; i < samples.length; i++) {
            double x = samples[i];
            flags += imr.update(x) + ewma.update(x) + cusum.update(x);
            if ((i & 7) == 7) {
                flags += xbar.update(samples, i - 7, i + 1);
            }
        }
        return flags;
    }
}
