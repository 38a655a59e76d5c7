package org.flowpat.controller.lots;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.flowpat.config.model.AlarmDefinition;
import org.flowpat.config.model.Line;
import org.flowpat.config.model.Plant;
import org.flowpat.config.scenario.Scenario;
import org.flowpat.controller.alarms.AlarmManager;
import org.flowpat.controller.api.AlarmState;
import org.flowpat.controller.api.AlarmTransition;
import org.flowpat.controller.api.DiverterPosition;
import org.flowpat.controller.api.LineState;
import org.flowpat.controller.api.LineStateChange;
import org.flowpat.controller.api.LotRecord;
import org.flowpat.controller.api.LotStatus;
import org.flowpat.controller.api.Quality;
import org.flowpat.controller.api.Sample;
import org.flowpat.controller.api.SpcResult;
import org.flowpat.controller.diversion.DiversionPlanner;
import org.flowpat.controller.linestate.Interlocks;
import org.flowpat.controller.linestate.LineStateMachine;
import org.flowpat.controller.linestate.LineSupervisor;
import org.flowpat.controller.quality.CqaMonitor;
import org.flowpat.simulator.engine.EngineSettings;
import org.flowpat.simulator.engine.SimulationEngine;
import org.flowpat.simulator.model.LineSimulation;
import org.flowpat.simulator.model.SetpointRejectedException;

/**
 * The simulator's line in-process, faster than real time, with the controller's quality logic around it (charts,
 * alarms, interlocks, diversion planner writing the diverter) and a {@link LotTracker} fed as the event bus would
 * feed it: every simulated second the scales and pump flows, each new analyzer scan through the charts, the alarm
 * transitions and the diverter commands. Data time starts at {@link #BASE_NANOS}. The operator acknowledges every
 * alarm a minute after it is raised (an alarm nobody acknowledged would hold every later lot for review).
 */
final class ClosedLoopLots {
    static final long BASE_NANOS = 1_790_000_000_000_000_000L;   // 2026-09-21, any fixed epoch time
    private static final long ACK_AFTER_NANOS = 60_000_000_000L;

    private final SimulationEngine engine;
    private final LineSimulation sim;
    private final Line line;
    private final CqaMonitor monitor;
    private final AlarmManager alarms;
    private final LineSupervisor supervisor;
    private final DiversionPlanner planner;
    private final LotTracker tracker;
    private final List<LotRecord> records = new ArrayList<>();
    private final List<AlarmTransition> raised = new ArrayList<>();
    private final Set<String> processSignals = new LinkedHashSet<>();
    private final double[] lastScan;
    private final Quality[] lastQuality;
    private DiverterPosition applied = DiverterPosition.WASTE;

    ClosedLoopLots(Plant plant, Scenario scenario, long seed) {
        this.engine = new SimulationEngine(plant, scenario, EngineSettings.defaults().withTimeScale(0).withSeed(seed));
        this.sim = engine.line("L1");
        this.line = sim.config();
        this.tracker = new LotTracker(line, records::add, 5_000_000_000L);
        this.monitor = new CqaMonitor(line);
        this.alarms = new AlarmManager(line, t -> {
            tracker.onAlarm(t);
            if (t.to() == AlarmState.ACTIVE_UNACKED) {
                raised.add(t);
            }
        });
        LineStateMachine machine = new LineStateMachine(line.id(), LineState.EXECUTE, c -> {
            alarms.onLineState(c.to(), c.timeNanos());
            tracker.onLineState(c);
        });
        this.supervisor = new LineSupervisor(machine, new Interlocks(line.quality().interlocks()));
        this.planner = new DiversionPlanner(line, tracker::onDiversion);
        for (AlarmDefinition a : line.quality().alarms()) {
            if (a.signal() != null) {
                processSignals.add(a.signal());
            }
            if (a.setpointSignal() != null) {
                processSignals.add(a.setpointSignal());
            }
        }
        line.quality().interlocks().forEach(i -> processSignals.add(i.signal()));
        processSignals.addAll(List.of("P1.flow", "P2.flow", "FA.mass", "FB.mass", "PV.mass", "WV.mass"));
        line.cqas().forEach(c -> processSignals.remove(c.signal()));
        this.lastScan = new double[line.cqas().size()];
        Arrays.fill(lastScan, -1);
        this.lastQuality = new Quality[line.cqas().size()];
    }

    /** Runs {@code seconds} of simulated time in one-second steps, then finishes the lots that closed. */
    List<LotRecord> run(int seconds) {
        tracker.onLineState(new LineStateChange(line.id(), LineState.IDLE, LineState.EXECUTE, "START", "operator", BASE_NANOS, ""));
        alarms.onLineState(LineState.EXECUTE, BASE_NANOS);
        for (int k = 1; k <= seconds; k++) {
            engine.runFor(1);
            step(BASE_NANOS + k * 1_000_000_000L);
        }
        tracker.finishClosed();
        return records;
    }

    private void step(long now) {
        planner.flow(now, sim.value("P1.flow") + sim.value("P2.flow"));
        boolean commLost = sim.communicationLost();
        alarms.onCommunication(commLost, now);
        if (!commLost) {
            List<Sample> batch = new ArrayList<>();
            for (String signal : processSignals) {
                Sample s = sample(signal, now);
                alarms.onSample(s);
                supervisor.onSample(s);
                batch.add(s);
            }
            tracker.onSamples(batch);
        }
        String notGood = commLost ? "communication" : analyzer(now);
        planner.analyzer(notGood == null, notGood);
        alarms.tick(now);
        for (String id : line.quality().diversion().upstreamAlarms()) {
            planner.upstream(id, alarms.alarm(id).active());
        }
        planner.force(!supervisor.divertingInterlocks().isEmpty(),
                "interlock:" + String.join(",", supervisor.divertingInterlocks()));
        DiverterPosition wanted = planner.decide(now);
        if (wanted != applied) {
            try {
                sim.write("DV1.command", wanted.command());
            } catch (SetpointRejectedException e) {
                throw new IllegalStateException(e);
            }
            applied = wanted;
        }
        for (AlarmTransition t : List.copyOf(raised)) {
            if (now - t.timeNanos() >= ACK_AFTER_NANOS) {
                alarms.acknowledge(t.alarmId(), "operator", now);
                raised.remove(t);
            }
        }
    }

    private String analyzer(long now) {
        String notGood = null;
        for (int c = 0; c < line.cqas().size(); c++) {
            String signal = line.cqas().get(c).signal();
            double scanS = sim.sourceTimeSeconds(signal);
            Quality q = quality(signal);
            boolean statusChanged = q != lastQuality[c];
            if (scanS != lastScan[c] || statusChanged) {
                long t = statusChanged && scanS == lastScan[c] ? now : BASE_NANOS + Math.round(scanS * 1e9);
                Sample s = new Sample(line.id(), signal, sim.value(signal), t, t, code(q));
                lastScan[c] = scanS;
                lastQuality[c] = q;
                supervisor.onSample(s);
                alarms.onSample(s);
                tracker.onSamples(List.of(s));
                for (SpcResult r : monitor.accept(s)) {
                    alarms.onSpc(r);
                    tracker.onSpc(r);
                }
            }
            if (q != Quality.GOOD && notGood == null) {
                notGood = "analyzer";
            }
        }
        if (notGood == null && !monitor.allKnownGood()) {
            notGood = "cqa:" + monitor.notKnownGood().get(0);
        }
        return notGood;
    }

    List<LotRecord> closed() {
        return records.stream().filter(r -> r.status() == LotStatus.CLOSED).toList();
    }

    LineSimulation simulation() {
        return sim;
    }

    private Sample sample(String signal, long now) {
        return new Sample(line.id(), signal, sim.value(signal), now, now, code(quality(signal)));
    }

    private Quality quality(String signal) {
        return switch (sim.quality(signal)) {
            case GOOD -> Quality.GOOD;
            case UNCERTAIN -> Quality.UNCERTAIN;
            case BAD -> Quality.BAD;
        };
    }

    private static long code(Quality q) {
        return switch (q) {
            case GOOD -> Quality.GOOD_CODE;
            case UNCERTAIN -> Quality.UNCERTAIN_CODE;
            case BAD -> Quality.BAD_CODE;
        };
    }
}
