package org.flowpat.controller.diversion;

import org.flowpat.controller.acquisition.LineSamples;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flowpat.config.model.AlarmDefinition;
import org.flowpat.config.model.Cqa;
import org.flowpat.config.model.Line;
import org.flowpat.config.model.QualitySettings;
import org.flowpat.config.model.Signal;
import org.flowpat.config.model.SignalKind;
import org.flowpat.config.model.Unit;
import org.flowpat.config.model.UnitType;
import org.flowpat.controller.acquisition.SignalWriter;
import org.flowpat.controller.alarms.AlarmManager;
import org.flowpat.controller.api.Addresses;
import org.flowpat.controller.api.DiversionCommand;
import org.flowpat.controller.api.DiverterPosition;
import org.flowpat.controller.api.QualityAddresses;
import org.flowpat.controller.api.Sample;
import org.flowpat.controller.api.SampleBatch;
import org.flowpat.controller.api.SpcResult;
import org.flowpat.controller.api.codec.ControllerCodecs;
import org.flowpat.controller.linestate.Interlocks;
import org.flowpat.controller.quality.QualityCodecs;

/**
 * Runs one line's {@link DiversionPlanner} on the event bus. It reads the CQAs' verdicts from the SPC results
 * ({@link QualityAddresses#SPC}) and the pump flows and upstream signals from the samples, on the line's
 * {@link SourceClock} (the data's time). It decides on every verdict and every batch of samples as they arrive,
 * and on a wall-clock tick between them (a communication gap); it writes the diverter's command signal through
 * the {@link SignalWriter} when the position changes, and publishes each {@link DiversionCommand} on
 * {@link QualityAddresses#DIVERSION}.
 *
 * <p>Deciding on arrival rather than only on the tick matters twice. Verdicts come in bursts (one per sample of
 * a publishing interval): a Bad verdict followed by a Good one must still divert the material it concerns. And a
 * line simulated faster than real time moves a minute of material per wall second: a one-second tick would
 * decide once per minute of material, longer than the transfer line holds it.
 *
 * <p>The upstream-disturbance alarms are evaluated here by a private {@link AlarmManager} holding only those
 * definitions: shelving or suppressing the operator's alarm must never stop the diversion of the material it
 * concerns. DIVERT interlocks (e.g. the analyzer reporting Bad) force waste while they are tripped.
 */
public final class DiversionVerticle extends VerticleBase {
    private final Line line;
    private final SignalWriter writer;
    private final SourceClock clock;
    private final long tickMs;
    private final String diverterCommand;
    private final List<String> flowSignals = new ArrayList<>();
    private final Map<String, Double> flows = new HashMap<>();
    private final Map<String, SpcResult> verdicts = new HashMap<>();
    private final List<MessageConsumer<?>> consumers = new ArrayList<>();
    private DiversionPlanner planner;
    private AlarmManager upstream;
    private Interlocks divertInterlocks;
    private final java.util.Set<String> divertingBy = new java.util.TreeSet<>();
    private long timer = -1;
    private DiverterPosition written;   // what the diverter was last told successfully (null: nothing yet)

    /**
     * @param writer     where the diverter command goes; null to only publish (e.g. a monitoring-only controller)
     * @param clock  the line's data time; this verticle feeds it the line's source timestamps
     * @param tickMs how often to decide while no data arrives
     */
    public DiversionVerticle(Line line, SignalWriter writer, SourceClock clock, long tickMs) {
        this.line = line;
        this.writer = writer;
        this.clock = clock;
        this.tickMs = tickMs;
        this.diverterCommand = diverterCommand(line);
        for (Unit u : line.units()) {
            if (u.type() == UnitType.PUMP) {
                u.signals().stream().filter(s -> s.id().equals("flow")).forEach(s -> flowSignals.add(u.id() + "." + s.id()));
            }
        }
        if (flowSignals.isEmpty()) {
            throw new IllegalArgumentException("line " + line.id() + ": no pump with a 'flow' signal to take the total flow from");
        }
    }

    /** The COMMAND signal of the line's DIVERTER unit, e.g. {@code DV1.command}. */
    static String diverterCommand(Line line) {
        for (Unit u : line.units()) {
            if (u.type() == UnitType.DIVERTER) {
                for (Signal s : u.signals()) {
                    if (s.kind() == SignalKind.COMMAND) {
                        return u.id() + "." + s.id();
                    }
                }
            }
        }
        throw new IllegalArgumentException("line " + line.id() + " has no DIVERTER unit with a COMMAND signal");
    }

    @Override
    public Future<?> start() {
        ControllerCodecs.register(vertx.eventBus());
        QualityCodecs.register(vertx.eventBus());
        planner = new DiversionPlanner(line, c -> vertx.eventBus().publish(QualityAddresses.DIVERSION, c));
        upstream = new AlarmManager(upstreamOnly(line), t -> { });
        divertInterlocks = new Interlocks(line.quality().interlocks().stream().filter(i -> "DIVERT".equals(i.action())).toList());
        consumers.add(LineSamples.consumer(vertx, line.id(), m -> onBatch(m.body())));
        consumers.add(vertx.eventBus().<SpcResult>consumer(QualityAddresses.SPC, m -> {
            if (line.id().equals(m.body().line())) {
                verdicts.put(m.body().cqa(), m.body());
                decide();
            }
        }));
        timer = vertx.setPeriodic(tickMs, id -> decide());
        return Future.all(consumers.stream().map(MessageConsumer::completion).toList());
    }

    /** The line with only the alarms whose activation is an upstream disturbance. */
    private static Line upstreamOnly(Line line) {
        QualitySettings q = line.quality();
        List<AlarmDefinition> defs = q.alarms().stream().filter(a -> q.diversion().upstreamAlarms().contains(a.id())).toList();
        return new Line(line.id(), line.name(), line.opcua(), line.plc(), line.process(), line.units(), line.cqas(),
                new QualitySettings(q.charts(), defs, q.loops(), q.interlocks(), q.diversion()));
    }

    private void onBatch(SampleBatch batch) {
        boolean mine = false;
        for (Sample s : batch.samples()) {
            if (line.id().equals(s.line())) {
                mine = true;
                clock.observe(s.sourceTimeNanos());
                if (flowSignals.contains(s.signal()) && s.usable()) {
                    flows.put(s.signal(), s.value());
                }
                upstream.onSample(s);
                for (Interlocks.Trip trip : divertInterlocks.onSample(s)) {
                    if (trip.tripped()) {
                        divertingBy.add(trip.interlock().id());
                    } else {
                        divertingBy.remove(trip.interlock().id());
                    }
                    planner.force(!divertingBy.isEmpty(), "interlock:" + String.join(",", divertingBy));
                }
            }
        }
        if (mine) {
            decide();
        }
    }

    private void decide() {
        long now = clock.getAsLong();
        planner.flow(now, flows.values().stream().mapToDouble(Double::doubleValue).sum());
        String notGood = null;
        long ageNanos = 0;
        for (Cqa cqa : line.cqas()) {
            SpcResult r = verdicts.get(cqa.id());
            if (r == null || !r.knownGood()) {
                notGood = r == null ? "cqa:" + cqa.id() + " (no data)" : "cqa:" + cqa.id();
                ageNanos = r == null ? 0 : now - r.timeNanos();
                break;
            }
        }
        planner.analyzer(notGood == null, notGood, ageNanos);
        upstream.tick(now);
        for (String id : line.quality().diversion().upstreamAlarms()) {
            planner.upstream(id, upstream.alarm(id).active());
        }
        DiverterPosition wanted = planner.decide(now);
        // The first tick commands the valve too (it may not be where the planner starts); a failed write is retried.
        if (writer != null && wanted != written) {
            written = wanted;
            writer.write(diverterCommand, wanted.command()).onFailure(e -> {
                if (written == wanted) {
                    written = null;
                }
            });
        }
    }

    /** Forces waste (a DIVERT interlock or an operator's decision) while {@code on}; runs on the verticle's context. */
    public void force(boolean on, String by) {
        context.runOnContext(v -> planner.force(on, by));
    }

    @Override
    public Future<?> stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        return Future.all(consumers.stream().map(MessageConsumer::unregister).toList());
    }
}
