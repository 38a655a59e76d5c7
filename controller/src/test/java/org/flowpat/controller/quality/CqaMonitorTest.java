package org.flowpat.controller.quality;

import static org.flowpat.controller.quality.QualityFixtures.SECOND;
import static org.flowpat.controller.quality.QualityFixtures.good;
import static org.flowpat.controller.quality.QualityFixtures.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.flowpat.config.model.ChartSettings;
import org.flowpat.config.model.Line;
import org.flowpat.controller.api.Quality;
import org.flowpat.controller.api.SpcPhase;
import org.flowpat.controller.api.SpcResult;
import org.junit.jupiter.api.Test;

/** CQA monitoring: phase I from given or estimated limits, phase II on every sample, bad data kept out. */
class CqaMonitorTest {
    private static final double CENTER = 0.7;
    private static final double SIGMA = 0.1;

    private static ChartSettings given(String rules) {
        return new ChartSettings("impurity", rules, CENTER, SIGMA, null, null, null, null, null, null, 0.2);
    }

    private static ChartSettings estimated(int settle, int reference) {
        return new ChartSettings("impurity", "NELSON", null, null, reference, settle, null, null, null, null, null);
    }

    @Test
    void givenLimitsMonitorFromTheFirstSampleAndFlagAPointBeyondThreeSigma() {
        CqaMonitor monitor = new CqaMonitor(QualityFixtures.withQuality(List.of(given("NELSON")), List.of()));
        SpcResult first = monitor.accept(good("AT1.impurity", CENTER, 0)).get(0);
        assertEquals(SpcPhase.MONITORING, first.phase());
        assertEquals(CENTER, first.center(), 1e-12);
        assertFalse(first.signalled());
        SpcResult high = monitor.accept(good("AT1.impurity", CENTER + 3.5 * SIGMA, SECOND)).get(0);
        assertTrue(high.signalNames().contains("i:limit"), high.signalNames().toString());
        assertTrue(high.signalNames().contains("i:nelson1"), high.signalNames().toString());
    }

    @Test
    void cusumAndEwmaCatchASmallShiftTheIChartMisses() {
        CqaMonitor monitor = new CqaMonitor(QualityFixtures.withQuality(List.of(given("NONE")), List.of()));
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 100; i++) {
            monitor.accept(good("AT1.impurity", CENTER + SIGMA * random.nextGaussian(), i * SECOND));
        }
        int firstCusum = -1;
        int firstEwma = -1;
        for (int i = 0; i < 100 && (firstCusum < 0 || firstEwma < 0); i++) {
            // a 1.5-sigma shift without noise: invisible to the 3-sigma I chart
            SpcResult r = monitor.accept(good("AT1.impurity", CENTER + 1.5 * SIGMA, (100 + i) * SECOND)).get(0);
            assertEquals(0, r.individualsSignals());
            if (firstCusum < 0 && r.cusumSignals() != 0) {
                firstCusum = i;
            }
            if (firstEwma < 0 && r.ewmaSignals() != 0) {
                firstEwma = i;
            }
        }
        assertTrue(firstCusum >= 0 && firstCusum < 20, "CUSUM detects a 1.5σ shift within 20 samples: " + firstCusum);
        assertTrue(firstEwma >= 0 && firstEwma < 20, "EWMA detects a 1.5σ shift within 20 samples: " + firstEwma);
    }

    @Test
    void limitsAreEstimatedFromTheReferencePeriodAfterSteadyState() {
        Line line = QualityFixtures.withQuality(List.of(estimated(10, 50)), List.of());
        CqaMonitor monitor = new CqaMonitor(line);
        CqaChart chart = monitor.chart("impurity");
        long t = 0;
        // start-up: out of spec, never settles
        for (int i = 0; i < 30; i++) {
            monitor.accept(good("AT1.impurity", 3.0, t += SECOND));
        }
        assertEquals(SpcPhase.SETTLING, chart.phase());
        SplittableRandom random = new SplittableRandom(3);
        double mean = 0.8;
        double sd = 0.05;
        SpcResult last = null;
        for (int i = 0; i < 10; i++) {
            last = monitor.accept(good("AT1.impurity", mean + sd * random.nextGaussian(), t += SECOND)).get(0);
        }
        assertEquals(SpcPhase.REFERENCE, last.phase());
        for (int i = 0; i < 50; i++) {
            last = monitor.accept(good("AT1.impurity", mean + sd * random.nextGaussian(), t += SECOND)).get(0);
        }
        assertEquals(SpcPhase.MONITORING, chart.phase());
        SpcResult watched = monitor.accept(good("AT1.impurity", mean, t + SECOND)).get(0);
        assertEquals(mean, watched.center(), 3 * sd / Math.sqrt(50), "estimated center");
        assertEquals(sd, watched.sigma(), 0.3 * sd, "estimated sigma");
        assertTrue(Double.isFinite(watched.ewmaUcl()) && watched.ewmaUcl() > watched.center());
    }

    @Test
    void badAndNanSamplesAreExcludedAndCountedApartFromUncertainOnes() {
        CqaMonitor monitor = new CqaMonitor(QualityFixtures.withQuality(List.of(estimated(0, 10)), List.of()));
        long t = 0;
        for (int i = 0; i < 9; i++) {
            monitor.accept(good("AT1.impurity", 0.7 + 0.01 * (i % 3), t += SECOND));
        }
        SpcResult bad = monitor.accept(sample("AT1.impurity", 0.7, Quality.BAD, t += SECOND)).get(0);
        SpcResult nan = monitor.accept(good("AT1.impurity", Double.NaN, t += SECOND)).get(0);
        SpcResult uncertain = monitor.accept(sample("AT1.impurity", 9.0, Quality.UNCERTAIN, t += SECOND)).get(0);
        assertFalse(bad.included() || nan.included() || uncertain.included());
        assertFalse(uncertain.knownGood(), "uncertain material is not known good");
        CqaChart chart = monitor.chart("impurity");
        assertEquals(new CqaChart.SampleCounts(9, 1, 2), chart.counts());
        assertEquals(SpcPhase.REFERENCE, chart.phase(), "excluded samples did not fill the reference period");
        monitor.accept(good("AT1.impurity", 0.71, t + SECOND));
        assertEquals(SpcPhase.MONITORING, chart.phase());
    }

    @Test
    void knownGoodMeansInsideTheSpecTightenedByTheGuardBand() {
        // impurity: usl 1.5, guard band 0.2 -> known good up to 1.3
        CqaMonitor monitor = new CqaMonitor(QualityFixtures.withQuality(List.of(given("NONE")), List.of()));
        assertTrue(monitor.accept(good("AT1.impurity", 1.29, 0)).get(0).knownGood());
        SpcResult nearLimit = monitor.accept(good("AT1.impurity", 1.31, SECOND)).get(0);
        assertTrue(nearLimit.inSpec());
        assertFalse(nearLimit.knownGood());
        assertFalse(monitor.accept(good("AT1.impurity", 1.6, 2 * SECOND)).get(0).inSpec());
    }

    @Test
    void samplesOfOtherSignalsAndLinesAreIgnored() {
        CqaMonitor monitor = new CqaMonitor(QualityFixtures.bundledLine());
        assertEquals(List.of(), monitor.accept(good("R1.temperature", 80, 0)));
        assertEquals(List.of(), monitor.accept(new org.flowpat.controller.api.Sample("L2", "AT1.purity", 98, 0, 0, 0)));
        assertEquals(1, monitor.accept(good("AT1.purity", 98.8, 0)).size());
        assertFalse(monitor.allKnownGood(), "not every CQA has reported yet");
    }
}
