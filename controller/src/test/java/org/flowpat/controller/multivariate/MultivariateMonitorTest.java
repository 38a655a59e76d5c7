package org.flowpat.controller.multivariate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.flowpat.config.Plants;
import org.flowpat.config.model.Line;
import org.flowpat.config.model.MultivariateSettings;
import org.flowpat.config.scenario.Scenario;
import org.flowpat.config.scenario.Scenarios;
import org.flowpat.controller.api.MultivariateResult;
import org.flowpat.controller.api.Quality;
import org.flowpat.controller.api.Sample;
import org.flowpat.controller.api.SpcPhase;
import org.junit.jupiter.api.Test;

/** PCA T²/SPE monitoring of the bundled line against the simulator. */
class MultivariateMonitorTest {
    /** Observations per scenario run (one per analyzer scan, 5 s). */
    record Run(List<MultivariateResult> results, MultivariateMonitor monitor, double faultStartS) {
        List<MultivariateResult> monitoring(double fromS, double toS) {
            return results.stream().filter(r -> r.phase() == SpcPhase.MONITORING
                    && r.timeNanos() >= fromS * 1e9 && r.timeNanos() < toS * 1e9).toList();
        }
    }

    static Run run(String scenarioName, long seed, double untilS) throws Exception {
        Line line = Plants.bundled().lines().get(0);
        MultivariateSettings settings = line.quality().multivariate();
        Scenario scenario = Scenarios.bundled(scenarioName);
        MultivariateMonitor monitor = new MultivariateMonitor(line, settings);
        SimulatedRun sim = new SimulatedRun(Plants.bundled(), scenario, seed, settings.variables());
        List<MultivariateResult> results = new ArrayList<>();
        while (sim.timeS() < untilS) {
            for (Sample s : sim.step()) {
                monitor.accept(s).ifPresent(results::add);
            }
        }
        double faultS = scenario.faults().stream().mapToDouble(f -> f.startS()).min().orElse(Double.NaN);
        return new Run(results, monitor, faultS);
    }

    @Test
    void anInControlRunSignalsAtAboutTheFalseAlarmRate() throws Exception {
        int observations = 0;
        int t2 = 0;
        int spe = 0;
        for (long seed = 1; seed <= 3; seed++) {
            Run r = run("nominal", seed, 3600);
            assertNotNull(r.monitor().model(), "phase I complete within the hour, seed " + seed);
            for (MultivariateResult m : r.monitoring(0, 3600)) {
                observations++;
                t2 += m.t2Signal() ? 1 : 0;
                spe += m.speSignal() ? 1 : 0;
            }
        }
        double alpha = Plants.bundled().lines().get(0).quality().multivariate().alpha();
        System.out.printf("in control: %d observations, T² signals %.2f %%, SPE signals %.2f %% (alpha %.0f %%)%n",
                observations, 100.0 * t2 / observations, 100.0 * spe / observations, 100 * alpha);
        assertTrue(observations > 900, "observations " + observations);
        assertTrue(t2 <= 3 * alpha * observations, "T² false alarms " + t2 + " of " + observations);
        assertTrue(spe <= 3 * alpha * observations, "SPE false alarms " + spe + " of " + observations);
    }

    @Test
    void aTemperatureExcursionSignalsWithTheReactorTemperatureAndImpurityAmongTheTopContributors() throws Exception {
        Run r = run("temperature-excursion", 1, 2400);
        assertEquals(SpcPhase.MONITORING, r.monitor().phase(), "fitted before the fault");
        List<MultivariateResult> before = r.monitoring(0, r.faultStartS());
        List<MultivariateResult> during = r.monitoring(r.faultStartS() + 300, 2400);
        long signalledBefore = before.stream().filter(MultivariateResult::signalled).count();
        long signalledDuring = during.stream().filter(MultivariateResult::signalled).count();
        System.out.printf("temperature excursion: signalled %d of %d before, %d of %d from 5 min after onset; top %s%n",
                signalledBefore, before.size(), signalledDuring, during.size(),
                top3(during.get(during.size() - 1)));
        assertTrue(signalledDuring >= 0.9 * during.size(), signalledDuring + " of " + during.size());
        long explained = during.stream().filter(m -> m.contributions().subList(0, 3).stream()
                .anyMatch(c -> c.variable().equals("R1.temperature") || c.variable().equals("AT1.impurity"))).count();
        assertTrue(explained >= 0.9 * during.size(), "R1.temperature or AT1.impurity in the top 3: " + explained
                + " of " + during.size());
    }

    @Test
    void aWeakReagentFeedSignalsWithTheConversionAmongTheTopContributors() throws Exception {
        Run r = run("feed-drift", 1, 2700);
        List<MultivariateResult> during = r.monitoring(r.faultStartS() + 600, 2700);
        long signalled = during.stream().filter(MultivariateResult::signalled).count();
        long conversionOrPurityFirst = during.stream().filter(m -> m.topContributor().equals("AT1.conversion")
                || m.topContributor().equals("AT1.purity")).count();
        System.out.printf("feed drift: signalled %d of %d from 10 min after onset; top %s%n", signalled, during.size(),
                top3(during.get(during.size() - 1)));
        assertTrue(signalled >= 0.9 * during.size(), signalled + " of " + during.size());
        assertTrue(conversionOrPurityFirst >= 0.9 * during.size(), conversionOrPurityFirst + " of " + during.size());
    }

    @Test
    void contributionsAreSortedAndAddUpToTheStatistics() throws Exception {
        Run r = run("temperature-excursion", 2, 2100);
        MultivariateResult m = r.monitoring(0, 2100).get(r.monitoring(0, 2100).size() - 1);
        double t2 = m.contributions().stream().mapToDouble(MultivariateResult.Contribution::t2).sum();
        double spe = m.contributions().stream().mapToDouble(MultivariateResult.Contribution::spe).sum();
        assertEquals(m.t2(), t2, 1e-9 * Math.max(1, m.t2()));
        assertEquals(m.spe(), spe, 1e-9 * Math.max(1, m.spe()));
        for (int k = 1; k < m.contributions().size(); k++) {
            assertTrue(m.contributions().get(k - 1).share() >= m.contributions().get(k).share());
        }
        assertEquals(7, m.values().size());
    }

    @Test
    void anObservationWithABadOrStaleVariableIsSkippedAndCounted() throws Exception {
        Line line = Plants.bundled().lines().get(0);
        MultivariateSettings settings = new MultivariateSettings(List.of("R1.temperature", "AT1.impurity"),
                "AT1.impurity", 10, 0, 1, 0.01, 15.0);
        MultivariateMonitor m = new MultivariateMonitor(line, settings);
        long s = 1_000_000_000L;
        assertTrue(m.accept(sample("AT1.impurity", 0.7, 0, Quality.GOOD_CODE)).isEmpty(), "no temperature yet");
        m.accept(sample("R1.temperature", 80, s, Quality.BAD_CODE));
        assertTrue(m.accept(sample("AT1.impurity", 0.7, 2 * s, Quality.GOOD_CODE)).isEmpty(), "temperature Bad");
        m.accept(sample("R1.temperature", 80, 3 * s, Quality.GOOD_CODE));
        assertTrue(m.accept(sample("AT1.impurity", 0.7, 20 * s, Quality.GOOD_CODE)).isEmpty(), "temperature 17 s old");
        assertTrue(m.accept(sample("AT1.impurity", 0.7, 21 * s, Quality.UNCERTAIN_CODE)).isEmpty(), "trigger not Good");
        m.accept(sample("R1.temperature", 80, 21 * s, Quality.GOOD_CODE));
        assertTrue(m.accept(sample("AT1.impurity", 0.7, 22 * s, Quality.GOOD_CODE)).isPresent());
        assertTrue(m.accept(sample("R1.temperature", 80, 22 * s, Quality.GOOD_CODE)).isEmpty(), "not the trigger");
        assertEquals(4, m.skipped());
        assertEquals(1, m.observations());
        assertFalse(m.accept(new Sample("L2", "AT1.impurity", 0.7, 23 * s, 23 * s, Quality.GOOD_CODE)).isPresent());
    }

    private static List<String> top3(MultivariateResult r) {
        return r.contributions().subList(0, 3).stream().map(MultivariateResult.Contribution::variable).toList();
    }

    private static Sample sample(String signal, double value, long t, long code) {
        return new Sample("L1", signal, value, t, t, code);
    }
}
