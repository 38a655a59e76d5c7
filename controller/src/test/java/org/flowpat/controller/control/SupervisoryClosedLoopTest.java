package org.flowpat.controller.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.flowpat.config.Plants;
import org.flowpat.config.model.Line;
import org.flowpat.config.model.SupervisorySettings;
import org.flowpat.config.scenario.Scenarios;
import org.flowpat.controller.api.LineState;
import org.flowpat.controller.api.Sample;
import org.flowpat.controller.control.SupervisoryLoop.Decision;
import org.flowpat.controller.multivariate.SimulatedRun;
import org.junit.jupiter.api.Test;

/**
 * The bundled plant's supervisory loop (conversion held with the B feed) closed around the simulator in-process,
 * an hour of plant time in about a second, judged against the same run without the loop.
 */
class SupervisoryClosedLoopTest {
    /** What one run did: the conversion's mean absolute deviation from target while the feed is weak, and the moves. */
    record Outcome(double deviationDuringFault, double deviationAfter, List<Decision> moves, List<Double> times) {
    }

    static Outcome run(String scenario, boolean withLoop, double executeFromS) throws Exception {
        Line line = Plants.bundled().lines().get(0);
        SupervisorySettings settings = line.quality().supervisory().get(0);
        SupervisoryLoop loop = new SupervisoryLoop(settings, "AT1.conversion", "%", "mL/min",
                executeFromS <= 0 ? LineState.EXECUTE : LineState.HELD);
        SimulatedRun sim = new SimulatedRun(Plants.bundled(), Scenarios.bundled(scenario), 1,
                List.of("AT1.conversion", settings.manipulated()));
        var fault = Scenarios.bundled(scenario).faults().stream().findFirst();
        double faultS = fault.map(f -> f.startS()).orElse(Double.NaN);
        double faultEndS = fault.map(f -> f.startS() + f.durationS()).orElse(Double.NaN);
        double during = 0;
        int duringN = 0;
        double after = 0;
        int afterN = 0;
        List<Decision> moves = new ArrayList<>();
        List<Double> times = new ArrayList<>();
        while (sim.timeS() < 3600) {
            for (Sample s : sim.step()) {
                if (sim.timeS() >= executeFromS) {
                    loop.lineState(LineState.EXECUTE);
                }
                if (s.signal().equals("AT1.conversion") && s.usable()) {
                    double deviation = Math.abs(s.value() - settings.target());
                    if (sim.timeS() >= faultS + 300 && sim.timeS() < faultEndS) {
                        during += deviation;
                        duringN++;
                    } else if (sim.timeS() >= faultEndS) {
                        after += deviation;
                        afterN++;
                    }
                }
                if (!withLoop) {
                    continue;
                }
                loop.accept(s).filter(Decision::move).ifPresent(d -> {
                    moves.add(d);
                    times.add(sim.timeS());
                    sim.write(settings.manipulated(), d.to());
                });
            }
        }
        return new Outcome(during / duringN, after / afterN, moves, times);
    }

    @Test
    void afterAWeakReagentFeedTheLoopHoldsConversionNearerTargetWithinItsBounds() throws Exception {
        SupervisorySettings settings = Plants.bundled().lines().get(0).quality().supervisory().get(0);
        Outcome open = run("feed-drift", false, 0);
        Outcome closed = run("feed-drift", true, 0);
        double highest = closed.moves().stream().mapToDouble(Decision::to).max().orElse(Double.NaN);
        System.out.printf("feed drift: |conversion - target| %.2f %% without the loop, %.2f %% with it"
                        + " (after the fault %.2f vs %.2f); %d moves, B flow up to %.2f mL/min%n",
                open.deviationDuringFault(), closed.deviationDuringFault(), open.deviationAfter(),
                closed.deviationAfter(), closed.moves().size(), highest);
        assertTrue(closed.deviationDuringFault() < 0.6 * open.deviationDuringFault(),
                closed.deviationDuringFault() + " vs " + open.deviationDuringFault());
        for (Decision d : closed.moves()) {
            assertTrue(d.to() >= settings.min() && d.to() <= settings.max(), "within bounds: " + d);
            assertTrue(Math.abs(d.to() - d.from()) <= settings.maxStepPerInterval() + 1e-12, "limited step: " + d);
            assertTrue(d.to() > d.from() == d.mean() < settings.target(), "low conversion → more B: " + d);
        }
    }

    @Test
    void theLoopMakesNoMoveWhileTheLineIsNotInExecute() throws Exception {
        double executeFromS = 40 * 60;
        Outcome closed = run("feed-drift", true, executeFromS);
        System.out.printf("feed drift, Execute from 40 min: first move at %.0f s, %d moves%n",
                closed.times().isEmpty() ? Double.NaN : closed.times().get(0), closed.moves().size());
        assertTrue(!closed.moves().isEmpty(), "moves once in Execute");
        assertTrue(closed.times().get(0) >= executeFromS, "first move at " + closed.times().get(0));
    }

    @Test
    void inANominalRunTheLoopStaysAlmostStill() throws Exception {
        SupervisorySettings settings = Plants.bundled().lines().get(0).quality().supervisory().get(0);
        Outcome closed = run("nominal", true, 0);
        double net = closed.moves().isEmpty() ? 0
                : closed.moves().get(closed.moves().size() - 1).to() - closed.moves().get(0).from();
        System.out.printf("nominal: %d moves in an hour, net %+.3f mL/min%n", closed.moves().size(), net);
        assertTrue(closed.moves().size() <= 10, "moves " + closed.moves().size());
        assertEquals(0, net, 4 * settings.maxStepPerInterval(), "no drift of the B flow");
    }
}
