package org.flowpat.pat.rtd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class SampledRtdTest {

    @Test
    void samplingKeepsMassMeanAndVariance() {
        TanksInSeries rtd = new TanksInSeries(6, 4);
        SampledRtd sampled = SampledRtd.of(rtd, 0.01);
        assertEquals(1, java.util.Arrays.stream(sampled.weights()).sum(), 1e-12);
        assertEquals(rtd.mean(), sampled.mean(), 1e-5);
        assertEquals(rtd.variance(), sampled.variance(), 1e-4);
        for (double p : new double[] {0.001, 0.5, 0.999}) {
            assertEquals(rtd.quantile(p), sampled.quantile(p), 0.01);
        }
    }

    @Test
    void integratedCumulativeMatchesTheContinuousModel() {
        TanksInSeries rtd = new TanksInSeries(3, 2);
        SampledRtd sampled = SampledRtd.of(rtd, 0.002);
        for (double t : new double[] {0.5, 3, 7, 40}) {
            assertEquals(rtd.integratedCumulative(t), sampled.integratedCumulative(t), 1e-5, "t = " + t);
        }
        // and against the numerical default of the interface
        ResidenceTimeDistribution numeric = new ResidenceTimeDistribution() {
            public double density(double t) { return rtd.density(t); }
            public double cumulative(double t) { return rtd.cumulative(t); }
            public double quantile(double p) { return rtd.quantile(p); }
            public double mean() { return rtd.mean(); }
            public double variance() { return rtd.variance(); }
        };
        for (double t : new double[] {0.5, 3, 7, 40}) {
            assertEquals(rtd.integratedCumulative(t), numeric.integratedCumulative(t), 1e-9, "t = " + t);
        }
    }

    @Test
    void tanksInSeriesUnitsInSeriesAddUpToOneLongerTrain() {
        // 3 tanks of 1 min + 5 tanks of 1 min = 8 tanks of 1 min: Gamma(3) * Gamma(5) = Gamma(8)
        RtdUnit a = RtdUnit.tanksInSeries(6, 3);
        RtdUnit b = RtdUnit.tanksInSeries(10, 5);
        SampledRtd line = RtdUnit.line(List.of(a, b), 2, 0.005);
        TanksInSeries exact = new TanksInSeries(8, 8);
        assertEquals(exact.mean(), line.mean(), 1e-3);
        assertEquals(exact.variance(), line.variance(), 2e-3);
        for (double p : new double[] {0.0005, 0.05, 0.5, 0.95, 0.9995}) {
            assertEquals(exact.quantile(p), line.quantile(p), 0.01, "p = " + p);
        }
    }

    @Test
    void seriesOfDifferentModelsAddsMeansAndVariances() {
        AxialDispersion tube = new AxialDispersion(3, 50);
        TanksInSeries mixer = new TanksInSeries(1, 2);
        SampledRtd line = SampledRtd.series(0.002, List.of(tube, mixer));
        assertEquals(tube.mean() + mixer.mean(), line.mean(), 1e-4);
        assertEquals(tube.variance() + mixer.variance(), line.variance(), 1e-3 * (tube.variance() + mixer.variance()));
    }

    @Test
    void stepResponseOfTheConvolverIsTheSampledCdf() {
        TanksInSeries rtd = new TanksInSeries(2, 3);
        SampledRtd kernel = SampledRtd.of(rtd, 0.05);
        double[] inlet = new double[400];
        java.util.Arrays.fill(inlet, 1.0);
        double[] outlet = RtdConvolver.predict(kernel, inlet, 0.0);
        for (int n = 0; n < inlet.length; n++) {
            assertEquals(rtd.cumulative((n + 0.5) * 0.05), outlet[n], 1e-9, "sample " + n);
        }
    }

    @Test
    void streamingMatchesBatchAndFlowChangeKeepsSteadyState() {
        SampledRtd slow = SampledRtd.of(new TanksInSeries(4, 5), 0.1);
        SampledRtd fast = SampledRtd.of(new TanksInSeries(1, 5), 0.1);
        double[] inlet = new double[300];
        for (int i = 0; i < inlet.length; i++) {
            inlet[i] = Math.sin(i / 10.0) + (i > 100 ? 1 : 0);
        }
        RtdConvolver streaming = new RtdConvolver(slow, 0.0);
        double[] batch = RtdConvolver.predict(slow, inlet, 0.0);
        for (int i = 0; i < inlet.length; i++) {
            assertEquals(batch[i], streaming.push(inlet[i]), 1e-12);
        }
        // a line at steady state stays there through a flow change, in both directions
        RtdConvolver steady = new RtdConvolver(fast, 2.5);
        assertEquals(2.5, steady.push(2.5), 1e-12);
        steady.setKernel(slow);
        assertEquals(2.5, steady.push(2.5), 1e-12);
        steady.setKernel(fast);
        assertEquals(2.5, steady.push(2.5), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> steady.setKernel(SampledRtd.of(new TanksInSeries(1, 5), 0.2)));
    }

    @Test
    void switchingToALongerKernelKeepsTheInletHistory() {
        // the flow drops: the kernel gets longer; the prediction must use the inlet history seen so far
        SampledRtd fast = SampledRtd.of(new TanksInSeries(1, 5), 0.1);
        SampledRtd slow = SampledRtd.of(new TanksInSeries(4, 5), 0.1);
        double[] inlet = new double[slow.length() + 30];
        for (int i = 0; i < inlet.length; i++) {
            inlet[i] = Math.cos(i / 7.0);
        }
        double[] expected = RtdConvolver.predict(slow, inlet, 0.0);

        // with capacity for the slow kernel the switch is exact
        RtdConvolver sized = new RtdConvolver(fast, 0.0, slow.length());
        // with the default capacity only the fast kernel's span is known; older ages repeat the oldest kept value
        RtdConvolver minimal = new RtdConvolver(fast, 0.0);
        for (int i = 0; i < inlet.length - 1; i++) {
            sized.push(inlet[i]);
            minimal.push(inlet[i]);
        }
        sized.setKernel(slow);
        minimal.setKernel(slow);
        double last = inlet[inlet.length - 1];
        assertEquals(expected[inlet.length - 1], sized.push(last), 1e-12);
        double approximate = 0;
        double[] w = slow.weights();
        for (int k = 0; k < w.length; k++) {
            int age = Math.min(k, fast.length()); // ages 1..L were kept before the last push
            approximate += w[k] * inlet[inlet.length - 1 - age];
        }
        assertEquals(approximate, minimal.push(last), 1e-12);
    }

    @Test
    void badWeightsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new SampledRtd(0.1, new double[] {0.5, 0.2}));
        assertThrows(IllegalArgumentException.class, () -> new SampledRtd(0.1, new double[] {1.5, -0.5}));
        assertThrows(IllegalArgumentException.class, () -> new SampledRtd(0, new double[] {1}));
        assertArrayEquals(new double[] {1}, new SampledRtd(1, new double[] {1}).weights());
    }
}
