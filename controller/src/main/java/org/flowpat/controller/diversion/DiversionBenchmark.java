package org.flowpat.controller.diversion;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import org.flowpat.config.ConfigException;
import org.flowpat.config.Plants;
import org.flowpat.config.model.AlarmDefinition;
import org.flowpat.config.model.Line;
import org.flowpat.config.model.Plant;
import org.flowpat.config.scenario.Scenario;
import org.flowpat.config.scenario.ScenarioFault;
import org.flowpat.config.scenario.Scenarios;
import org.flowpat.controller.alarms.AlarmManager;
import org.flowpat.controller.api.AlarmState;
import org.flowpat.controller.api.AlarmTransition;
import org.flowpat.controller.api.DiversionCommand;
import org.flowpat.controller.api.DiverterPosition;
import org.flowpat.controller.api.LineState;
import org.flowpat.controller.api.Quality;
import org.flowpat.controller.api.Sample;
import org.flowpat.controller.api.SpcResult;
import org.flowpat.controller.linestate.Interlocks;
import org.flowpat.controller.linestate.LineStateMachine;
import org.flowpat.controller.linestate.LineSupervisor;
import org.flowpat.controller.quality.CqaMonitor;
import org.flowpat.simulator.engine.EngineSettings;
import org.flowpat.simulator.engine.SimulationEngine;
import org.flowpat.simulator.model.GroundTruth;
import org.flowpat.simulator.model.LineSimulation;
import org.flowpat.simulator.model.SetpointRejectedException;

/**
 * Closes the loop between the simulated line and the quality logic, in-process and synchronously, faster than
 * real time: every simulated second the analyzer's reported CQAs go through {@link CqaMonitor}, the process
 * signals through {@link AlarmManager} and the interlocks, the planner decides, and its command is written to
 * {@code DV1.command}. The simulator's ground truth then says how much off-spec material reached the product
 * vessel and how much good material was diverted. Run {@code main} for the figures of every fault scenario.
 */
public final class DiversionBenchmark {
    public static final List<String> FAULT_SCENARIOS = List.of("temperature-excursion", "feed-drift",
            "pump-degradation", "fouling", "pump-stop");

    /**
     * What one run measured. Times are simulated seconds; masses grams. {@code offSpecPassedG} is the off-spec
     * mass that reached the diverter after start-up (the least any diversion must send to waste),
     * {@code minimalG} the planner's RTD-optimal minimum for the disturbances it saw.
     */
    public record Figures(String scenario, double faultStartS, double startupEndS, double firstAlarmS,
                          String firstAlarm, double firstDiversionS, double firstOffSpecAtDiverterS, double offSpecToProductG,
                          double offSpecPassedG, double divertedAfterStartupG, double goodDivertedAfterStartupG,
                          double minimalG, double residenceTimeS, int productValveOpenings,
                          int alarmsAfterStartup, long suppressedActivations, List<String> alarmLog) {
        public double detectionDelayS() {
            return firstAlarmS - faultStartS;
        }

        /** Mass diverted after start-up over the RTD-optimal minimum. */
        public double divertedOverMinimal() {
            return minimalG > 0 ? divertedAfterStartupG / minimalG : Double.NaN;
        }

        public String describe() {
            return String.format(Locale.ROOT, "%-22s start-up until %5.0f s | first alarm %-18s %+6.0f s (%5.2f τ) |"
                            + " divert %+6.0f s | off-spec at diverter %+6.0f s | off-spec to product %.3f g | off-spec passed %6.1f g | diverted %6.1f g"
                            + " (good %6.1f g) = %.2f × RTD-optimal %6.1f g | product openings %d | alarms %d (+%d suppressed)",
                    scenario, startupEndS, firstAlarm, detectionDelayS(), detectionDelayS() / residenceTimeS,
                    firstDiversionS - faultStartS, firstOffSpecAtDiverterS - faultStartS, offSpecToProductG, offSpecPassedG, divertedAfterStartupG,
                    goodDivertedAfterStartupG, divertedOverMinimal(), minimalG, productValveOpenings, alarmsAfterStartup,
                    suppressedActivations);
        }
    }

    private DiversionBenchmark() {
    }

    public static void main(String[] args) throws ConfigException {
        List<String> names = args.length > 0 ? List.of(args) : new ArrayList<>(FAULT_SCENARIOS);
        if (args.length == 0) {
            names.add(0, "nominal");
        }
        long seed = Long.getLong("seed", 1);
        for (String name : names) {
            long t0 = System.nanoTime();
            Figures f = run(Plants.bundled(), Scenarios.bundled(name), seed);
            System.out.printf(Locale.ROOT, "%s  [%.1f s wall]%n", f.describe(), (System.nanoTime() - t0) / 1e9);
        }
    }

    /** Runs the scenario for its configured time (60 min by default) with 1 s steps. */
    public static Figures run(Plant plant, Scenario scenario, long seed) {
        SimulationEngine engine = new SimulationEngine(plant, scenario,
                EngineSettings.defaults().withTimeScale(0).withSeed(seed));
        ClosedLoop loop = new ClosedLoop(engine.line("L1"));
        double runS = (scenario.runMin() == null ? 60 : scenario.runMin()) * 60;
        for (int k = 1; k <= runS; k++) {
            engine.runFor(1);
            loop.step(k);
        }
        double faultStartS = scenario.faults().stream().mapToDouble(ScenarioFault::startS).min().orElse(Double.NaN);
        return loop.figures(scenario.name(), faultStartS);
    }

    /** The signals the alarms and interlocks watch, besides the CQAs. */
    static Set<String> watchedSignals(Line line) {
        Set<String> signals = new LinkedHashSet<>();
        for (AlarmDefinition a : line.quality().alarms()) {
            if (a.signal() != null) {
                signals.add(a.signal());
            }
            if (a.setpointSignal() != null) {
                signals.add(a.setpointSignal());
            }
        }
        line.quality().interlocks().forEach(i -> signals.add(i.signal()));
        line.cqas().forEach(c -> signals.remove(c.signal()));
        return signals;
    }

    /** The controller's quality logic around one simulated line, stepped once per simulated second. */
    private static final class ClosedLoop {
        private final LineSimulation sim;
        private final Line line;
        private final Set<String> processSignals;
        private final List<AlarmTransition> alarms = new ArrayList<>();
        private final CqaMonitor monitor;
        private final AlarmManager alarmManager;
        private final LineSupervisor supervisor;
        private final DiversionPlanner planner;
        private final double[] lastScan;
        private final Quality[] lastQuality;
        private DiverterPosition applied = DiverterPosition.WASTE;
        private int openings;
        private double startupEnd = Double.NaN;
        private double goodWasteAtStartup;
        private double offSpecPassed;
        private double firstOffSpec = Double.NaN;
        private double firstDiversion = Double.NaN;

        ClosedLoop(LineSimulation sim) {
            this.sim = sim;
            this.line = sim.config();
            this.processSignals = watchedSignals(line);
            this.monitor = new CqaMonitor(line);
            this.alarmManager = new AlarmManager(line, alarms::add);
            LineStateMachine machine = new LineStateMachine(line.id(), LineState.EXECUTE,
                    c -> alarmManager.onLineState(c.to(), c.timeNanos()));
            alarmManager.onLineState(LineState.EXECUTE, 0);
            this.supervisor = new LineSupervisor(machine, new Interlocks(line.quality().interlocks()));
            this.planner = new DiversionPlanner(line, c -> { });
            this.lastScan = new double[line.cqas().size()];
            Arrays.fill(lastScan, -1);
            this.lastQuality = new Quality[line.cqas().size()];
        }

        void step(int k) {
            long now = k * 1_000_000_000L;
            planner.flow(now, totalFlow());
            boolean commLost = sim.communicationLost();
            alarmManager.onCommunication(commLost, now);
            if (!commLost) {
                for (String signal : processSignals) {
                    Sample s = sample(sim, signal, now);
                    alarmManager.onSample(s);
                    supervisor.onSample(s);
                }
            }
            // Without communication nothing is known about the material: it is not known good.
            String notGood = commLost ? "communication" : analyzer(now);
            planner.analyzer(notGood == null, notGood);
            alarmManager.tick(now);
            for (String id : line.quality().diversion().upstreamAlarms()) {
                planner.upstream(id, alarmManager.alarm(id).active());
            }
            planner.force(!supervisor.divertingInterlocks().isEmpty(),
                    "interlock:" + String.join(",", supervisor.divertingInterlocks()));
            apply(planner.decide(now), k);
            tally(k);
        }

        private double totalFlow() {
            return sim.value("P1.flow") + sim.value("P2.flow");
        }

        /** Feeds new analyzer readings to the charts and alarms; returns why the material is not known good, or null. */
        private String analyzer(long now) {
            String notGood = null;
            for (int c = 0; c < line.cqas().size(); c++) {
                String signal = line.cqas().get(c).signal();
                double scanS = sim.sourceTimeSeconds(signal);
                // as over OPC UA, a new value or a new status is a data change
                boolean statusChanged = toQuality(sim, signal) != lastQuality[c];
                Sample s = sample(sim, signal, statusChanged && scanS == lastScan[c] ? now : Math.round(scanS * 1e9));
                if (scanS != lastScan[c] || statusChanged) {
                    lastScan[c] = scanS;
                    lastQuality[c] = s.quality();
                    supervisor.onSample(s);
                    alarmManager.onSample(s);
                    for (SpcResult r : monitor.accept(s)) {
                        alarmManager.onSpc(r);
                    }
                }
                if (s.quality() != Quality.GOOD && notGood == null) {
                    notGood = "analyzer";
                }
            }
            if (notGood == null && !monitor.allKnownGood()) {
                notGood = "cqa:" + monitor.notKnownGood().get(0);
            }
            return notGood;
        }

        private void apply(DiverterPosition wanted, int k) {
            if (wanted == applied) {
                return;
            }
            write(sim, wanted);
            applied = wanted;
            if (wanted == DiverterPosition.PRODUCT) {
                openings++;
                if (Double.isNaN(startupEnd)) {
                    startupEnd = k;
                    goodWasteAtStartup = sim.groundTruth().inSpecMassToWasteG();
                }
            } else if (Double.isNaN(firstDiversion) || firstDiversion < startupEnd) {
                firstDiversion = k;
            }
        }

        /** Ground truth: off-spec material passing the diverter after start-up, whichever way it went. */
        private void tally(int k) {
            if (!Double.isNaN(startupEnd) && sim.groundTruth().offSpecAtDiverter()) {
                firstOffSpec = Double.isNaN(firstOffSpec) ? k : firstOffSpec;
                offSpecPassed += totalFlow() / 60 * line.process().densityGPerMl();
            }
        }

        Figures figures(String scenario, double faultStartS) {
            GroundTruth truth = sim.groundTruth();
            long startupNanos = Double.isNaN(startupEnd) ? Long.MAX_VALUE : Math.round(startupEnd * 1e9);
            long fault = Double.isNaN(faultStartS) ? Long.MAX_VALUE : Math.round(faultStartS * 1e9);
            List<AlarmTransition> raised = alarms.stream().filter(a -> a.to() == AlarmState.ACTIVE_UNACKED).toList();
            AlarmTransition first = raised.stream().filter(a -> a.timeNanos() >= fault).findFirst().orElse(null);
            List<AlarmTransition> afterStartup = raised.stream().filter(a -> a.timeNanos() >= startupNanos).toList();
            double diverted = 0;
            double minimal = 0;
            for (DiversionCommand c : planner.history()) {
                if (c.position() == DiverterPosition.PRODUCT && !c.trigger().equals("startup")) {
                    diverted += c.divertedMassG();
                    minimal += c.minimalMassG();
                }
            }
            double tauS = line.process().reactor().volumeMl()
                    / (line.process().nominal().pumpAFlowMlMin() + line.process().nominal().pumpBFlowMlMin()) * 60;
            return new Figures(scenario, faultStartS, startupEnd, first == null ? Double.NaN : first.timeNanos() / 1e9,
                    first == null ? "-" : first.alarmId(), firstDiversion < faultStartS ? Double.NaN : firstDiversion,
                    firstOffSpec, truth.offSpecMassToProductG(), offSpecPassed, diverted,
                    truth.inSpecMassToWasteG() - goodWasteAtStartup, minimal, tauS, openings, afterStartup.size(),
                    alarmManager.suppressedActivations(),
                    afterStartup.stream().map(a -> a.alarmId() + "@" + a.timeNanos() / 1_000_000_000L).toList());
        }
    }

    private static Quality toQuality(LineSimulation sim, String signal) {
        return switch (sim.quality(signal)) {
            case GOOD -> Quality.GOOD;
            case UNCERTAIN -> Quality.UNCERTAIN;
            case BAD -> Quality.BAD;
        };
    }

    private static Sample sample(LineSimulation sim, String signal, long timeNanos) {
        long code = switch (toQuality(sim, signal)) {
            case GOOD -> Quality.GOOD_CODE;
            case UNCERTAIN -> Quality.UNCERTAIN_CODE;
            case BAD -> Quality.BAD_CODE;
        };
        return new Sample(sim.lineId(), signal, sim.value(signal), timeNanos, timeNanos, code);
    }

    private static void write(LineSimulation sim, DiverterPosition position) {
        try {
            sim.write("DV1.command", position.command());
        } catch (SetpointRejectedException e) {
            throw new IllegalStateException("the simulator refused the diverter command: " + e.getMessage(), e);
        }
    }
}
