package org.flowpat.pat.rtd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

class DiversionTest {
    private static final double STEP = 0.001;

    /**
     * Brute force: the disturbance is a unit concentration at the measurement point during
     * [t1, t2]; shift by the delay and push it through the sampled RTD with the convolver; the
     * captured fraction is the disturbed material arriving inside the window over all of it.
     */
    static double simulatedCapture(double t1, double t2, double delay, ResidenceTimeDistribution rtd, DiversionWindow w) {
        SampledRtd kernel = SampledRtd.of(rtd, STEP);
        // nothing disturbed reaches the diverter before t1 + d: start the clock just before
        int first = (int) Math.floor((t1 + delay) / STEP) - 1;
        int last = (int) Math.ceil((t2 + delay + rtd.quantile(1 - 1e-9) + 1) / STEP);
        RtdConvolver convolver = new RtdConvolver(kernel, 0);
        double total = 0;
        double captured = 0;
        for (int i = first; i < last; i++) {
            double t = i * STEP;
            double entry = t - delay; // material at the diverter inlet now passed the measurement point at t - d
            double in = entry >= t1 && entry < t2 ? 1 : 0;
            double out = convolver.push(in);
            total += out;
            if (t >= w.start() && t <= w.end()) {
                captured += out;
            }
        }
        return captured / total;
    }

    record Case(double t1, double t2, double delay, ResidenceTimeDistribution rtd) {
    }

    private static final List<Case> CASES = List.of(
            new Case(10, 12, 1.5, new TanksInSeries(2, 3)),
            // a line of units in series, as the controller builds it: sampled, then convolved
            new Case(4, 6, 0.8, RtdUnit.line(List.of(RtdUnit.tanksInSeries(2, 4), RtdUnit.axialDispersion(3, 80)), 2, STEP)),
            new Case(10, 10.2, 0.5, new TanksInSeries(1, 10)),
            new Case(5, 9, 2, new AxialDispersion(1.5, 40)),
            new Case(3, 3.5, 0, new AxialDispersion(2, 400)));

    @Test
    void ruleWindowCapturesAtLeastTheRequestedFractionInSimulation() {
        for (Case c : CASES) {
            DiversionWindow w = Diversion.window(c.t1, c.t2, c.delay, c.rtd, 0.999, 0);
            double simulated = simulatedCapture(c.t1, c.t2, c.delay, c.rtd, w);
            assertTrue(simulated >= 0.999 - 2e-5, c + ": simulated capture " + simulated);
            assertEquals(w.capturedFraction(), simulated, 1e-4, c.toString());
            // the domain rule: t1 + d + t_α to t2 + d + t_(1-α)
            assertEquals(c.t1 + c.delay + c.rtd.quantile(0.0005), w.start(), 1e-9);
            assertEquals(c.t2 + c.delay + c.rtd.quantile(0.9995), w.end(), 1e-9);
        }
    }

    @Test
    void minimalWindowCapturesExactlyTheFractionAndIsNotWiderThanTheRule() {
        for (Case c : CASES) {
            DiversionWindow minimal = Diversion.minimal(c.t1, c.t2, c.delay, c.rtd, 0.999);
            DiversionWindow rule = Diversion.window(c.t1, c.t2, c.delay, c.rtd, 0.999, 0);
            assertEquals(0.999, minimal.capturedFraction(), 1e-7, c.toString());
            assertEquals(0.999, simulatedCapture(c.t1, c.t2, c.delay, c.rtd, minimal), 1e-4, c.toString());
            assertTrue(minimal.duration() <= rule.duration() + 1e-9, c + ": minimal " + minimal + " rule " + rule);
            // not excessively wide: the rule window exceeds the optimum by less than the RTD's own 0.1 %-99.9 % spread
            assertTrue(rule.duration() - minimal.duration() < c.rtd.quantile(0.999) - c.rtd.quantile(0.001), c.toString());
        }
    }

    @Test
    void noShorterWindowCapturesTheFraction() {
        Case c = CASES.get(0);
        DiversionWindow minimal = Diversion.minimal(c.t1, c.t2, c.delay, c.rtd, 0.99);
        double shorter = minimal.duration() * 0.98;
        double best = 0;
        for (int i = 0; i <= 400; i++) {
            double start = minimal.start() - 1 + i * 0.005;
            best = Math.max(best, Diversion.capturedFraction(c.t1, c.t2, c.delay, c.rtd, start, start + shorter));
        }
        assertTrue(best < 0.99, "a 2 % shorter window caught " + best);
    }

    @Test
    void pulseDisturbanceAgainstMonteCarloParticles() {
        // 200 000 particles with Gamma residence times drawn by Commons Math's sampler (not via quantiles)
        TanksInSeries rtd = new TanksInSeries(3, 4);
        DiversionWindow w = Diversion.window(20, 20, 1, rtd, 0.99, 0);
        GammaDistribution gamma = new GammaDistribution(new Well19937c(12345), 4, 0.75);
        int inside = 0;
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            double arrival = 21 + gamma.sample();
            if (arrival >= w.start() && arrival <= w.end()) {
                inside++;
            }
        }
        assertEquals(0.99, (double) inside / n, 0.0008);
        assertEquals(0.99, w.capturedFraction(), 1e-9);
    }

    @Test
    void marginWidensBothSidesAndVolumeFollowsFlow() {
        TanksInSeries rtd = new TanksInSeries(2, 3);
        DiversionWindow bare = Diversion.window(10, 12, 1, rtd, 0.999, 0);
        DiversionWindow padded = Diversion.window(10, 12, 1, rtd, 0.999, 0.25);
        assertEquals(bare.start() - 0.25, padded.start(), 1e-12);
        assertEquals(bare.end() + 0.25, padded.end(), 1e-12);
        assertTrue(padded.capturedFraction() > bare.capturedFraction());
        assertEquals(bare.duration() * 15, bare.volume(15), 1e-12);
        assertEquals(bare.duration() * 0.2, bare.mass(0.2), 1e-12);
    }

    @Test
    void volumeClockGivesTheSameWindowAsTimeAtConstantFlow() {
        // the documented variable-flow recipe: a window in cumulative volume equals the time window times Q
        RtdUnit coil = RtdUnit.axialDispersion(12, 150); // 12 mL
        double q = 3; // mL/min
        DiversionWindow inTime = Diversion.window(10, 11, 0.5, coil.atFlow(q), 0.999, 0);
        DiversionWindow inVolume = Diversion.window(10 * q, 11 * q, 0.5 * q, coil.atFlow(1), 0.999, 0);
        assertEquals(inTime.start() * q, inVolume.start(), 1e-6);
        assertEquals(inTime.end() * q, inVolume.end(), 1e-6);
        assertEquals(inTime.volume(q), inVolume.duration(), 1e-6);
    }

    @Test
    void badArgumentsAreNamed() {
        TanksInSeries rtd = new TanksInSeries(2, 3);
        var a = assertThrows(IllegalArgumentException.class, () -> Diversion.window(5, 4, 0, rtd, 0.99, 0));
        assertTrue(a.getMessage().contains("t1"), a.getMessage());
        var b = assertThrows(IllegalArgumentException.class, () -> Diversion.window(1, 4, 0, rtd, 1.0, 0));
        assertTrue(b.getMessage().contains("capture"), b.getMessage());
        var c = assertThrows(IllegalArgumentException.class, () -> Diversion.window(1, 4, -1, rtd, 0.99, 0));
        assertTrue(c.getMessage().contains("delay"), c.getMessage());
        var d = assertThrows(IllegalArgumentException.class, () -> Diversion.window(1, 4, 0, rtd, 0.99, -2));
        assertTrue(d.getMessage().contains("margin"), d.getMessage());
    }
}
