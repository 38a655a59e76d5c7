package org.flowpat.controller.lots;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Consumer;
import org.flowpat.config.model.Cqa;
import org.flowpat.config.model.Line;
import org.flowpat.config.model.LotBasis;
import org.flowpat.config.model.LotSettings;
import org.flowpat.config.model.Process;
import org.flowpat.config.model.Unit;
import org.flowpat.config.model.UnitType;
import org.flowpat.controller.api.AlarmTransition;
import org.flowpat.controller.api.AuditActions;
import org.flowpat.controller.api.AuditEntry;
import org.flowpat.controller.api.Completeness;
import org.flowpat.controller.api.CqaSummary;
import org.flowpat.controller.api.DiversionCommand;
import org.flowpat.controller.api.DiverterPosition;
import org.flowpat.controller.api.Event;
import org.flowpat.controller.api.LineState;
import org.flowpat.controller.api.LineStateChange;
import org.flowpat.controller.api.LotRecord;
import org.flowpat.controller.api.LotStatus;
import org.flowpat.controller.api.Quality;
import org.flowpat.controller.api.Sample;
import org.flowpat.controller.api.SpcResult;
import org.flowpat.controller.api.SpcSignal;

/**
 * Cuts one line's production into lots and builds their records (ICH Q13), on the data's clock: "now" is the newest
 * source time of the line's samples and SPC results, never the host clock, so a simulator running faster than real
 * time makes lots of the right size.
 *
 * <ul>
 * <li>A lot opens when the line enters Execute, or (when the line state machine does not say Execute) at the first
 * material sent to product. It closes when its size is reached ({@link LotSettings}: minutes, grams in the product
 * vessel, or grams fed, i.e. the fall of the feed vessels' scales), and the next one opens at once; or when the line
 * leaves Execute for Stopping, Stopped, Aborting or Aborted.</li>
 * <li>Masses are differences of the scales' readings over the lot.</li>
 * <li>An analyzer sample (its {@link SpcResult}) describes material that reaches the diverter a transport delay
 * later, the analyzer-to-diverter volume over the pumps' total flow at the time of the sample. It belongs to the lot
 * open when it gets there, and counts in the CQA statistics only if the diverter then sent it to product. It is
 * judged {@code settleNanos} after its arrival, so that the planner's command for that moment has been heard.
 * Bad, Uncertain and non-finite samples are counted and left out.</li>
 * <li>Completeness: the lot's Execute time (its whole duration if it never saw Execute) at the analyzer's scan
 * interval gives the expected samples of each CQA; Good ones arrived, others arrived not Good, the rest missing.</li>
 * <li>Alarms, setpoint and loop changes (audit entries), line-state changes and gap events belong to the lot open
 * when they are received, whatever clock their own timestamps are on.</li>
 * </ul>
 * A closed lot's record is finished once the data clock is {@code settleNanos} past its end (at once when the line
 * stopped), evaluated by the release rules, sealed with its content hash and handed to the sink, as is a snapshot of
 * each lot when it opens. Not thread-safe.
 */
public final class LotTracker {
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final Set<LineState> STOPPED = Set.of(LineState.STOPPING, LineState.STOPPED, LineState.ABORTING,
            LineState.ABORTED);
    /** Samples in transit longer than this (a stopped pump) are judged as if they had arrived. */
    private static final long MAX_TRANSIT_NANOS = 3_600_000_000_000L;

    private final Line line;
    private final LotSettings settings;
    private final ReleaseEvaluator evaluator;
    private final Consumer<LotRecord> sink;
    private final long settleNanos;
    private final long scanNanos;
    private final double transferMl;
    private final double nominalFlow;
    private final Scales scales;
    private final Map<String, Cqa> cqaById = new LinkedHashMap<>();
    private final List<String> flowSignals = new ArrayList<>();
    private final Map<String, Double> flows = new HashMap<>();
    private final Map<String, AlarmTransition> alarmStates = new LinkedHashMap<>();
    private final Map<String, Event> openEvents = new LinkedHashMap<>();
    private final DiverterHistory diverter = new DiverterHistory();
    private final PriorityQueue<InTransit> inTransit = new PriorityQueue<>(Comparator.comparingLong(InTransit::arrivalNanos));
    private final List<LotInProgress> closing = new ArrayList<>();
    private long now = Long.MIN_VALUE;
    private LineState state;
    private LotInProgress current;
    private LineStateChange openedBy;   // the change to Execute that opens the next lot
    private String lastBase = "";
    private int sameSecond;

    /** An analyzer result on its way to the diverter. */
    private record InTransit(SpcResult result, long arrivalNanos) {
    }

    /**
     * @param sink        receives each lot's record when it opens (OPEN) and when it is finished (CLOSED, with its decision)
     * @param settleNanos how long after material reaches the diverter its fate is taken as known (data time)
     */
    public LotTracker(Line line, Consumer<LotRecord> sink, long settleNanos) {
        this.line = line;
        this.settings = line.quality().lots();
        this.sink = sink;
        this.settleNanos = settleNanos;
        Process p = line.process();
        if (p == null || p.analyzer() == null) {
            throw new IllegalArgumentException("line " + line.id() + ": lots need process.analyzer.intervalS and "
                    + "process.analyzerToDiverterVolumeMl");
        }
        this.scanNanos = Math.round(p.analyzer().intervalS() * 1e9);
        this.evaluator = new ReleaseEvaluator(line.quality().release(), scanNanos);
        this.transferMl = p.analyzerToDiverterVolumeMl();
        this.nominalFlow = p.nominal().pumpAFlowMlMin() + p.nominal().pumpBFlowMlMin();
        line.cqas().forEach(c -> cqaById.put(c.id(), c));
        for (Unit u : line.units()) {
            if (u.type() == UnitType.PUMP) {
                u.signals().stream().filter(s -> s.id().equals("flow")).forEach(s -> flowSignals.add(u.id() + "." + s.id()));
            }
        }
        this.scales = new Scales(line);
    }

    // ---- inputs -------------------------------------------------------------------------------------------------

    /** Takes a batch's readings first and then moves the clock, so that a lot never ends between two scales of one moment. */
    public void onSamples(List<Sample> samples) {
        long newest = Long.MIN_VALUE;
        for (Sample s : samples) {
            if (!line.id().equals(s.line())) {
                continue;
            }
            newest = Math.max(newest, s.sourceTimeNanos());
            if (s.usable()) {
                if (flowSignals.contains(s.signal())) {
                    flows.put(s.signal(), s.value());
                }
                if (scales.accept(s) && current != null) {
                    current.massAtStart.putIfAbsent(s.signal(), s.value());
                }
            }
        }
        advance(newest);
    }

    public void onSpc(SpcResult r) {
        if (!line.id().equals(r.line()) || !cqaById.containsKey(r.cqa())) {
            return;
        }
        advance(r.timeNanos());
        LotInProgress lot = lotAt(r.timeNanos());
        if (lot != null) {
            if (r.quality() == Quality.GOOD && Double.isFinite(r.value())) {
                lot.good++;
            } else {
                lot.notGood++;
            }
        }
        inTransit.add(new InTransit(r, r.timeNanos() + transitNanos()));
        judgeArrived(false);
    }

    public void onDiversion(DiversionCommand c) {
        if (!line.id().equals(c.line())) {
            return;
        }
        diverter.accept(c);
        if (c.position() == DiverterPosition.PRODUCT && current == null && state != LineState.EXECUTE) {
            open(now);
        }
    }

    public void onLineState(LineStateChange c) {
        if (!line.id().equals(c.line())) {
            return;
        }
        state = c.to();
        if (current != null) {
            current.lineStates.add(c);
            current.sawExecute |= c.to() == LineState.EXECUTE;
        } else if (c.to() == LineState.EXECUTE) {
            openedBy = c;
            open(now);   // or with the first data, when there is none yet
        }
        if (STOPPED.contains(c.to()) && current != null) {
            close(now);
            judgeArrived(true);
            finishClosing(true);
        }
    }

    public void onAlarm(AlarmTransition t) {
        if (!line.id().equals(t.line())) {
            return;
        }
        alarmStates.put(t.alarmId(), t);
        if (current != null) {
            current.alarms.add(t);
        }
    }

    public void onEvent(Event e) {
        if (!line.id().equals(e.line())) {
            return;
        }
        String key = e.kind() + "@" + e.startNanos();
        if (e.open()) {
            openEvents.put(key, e);
        } else {
            openEvents.remove(key);
        }
        if (current != null) {
            current.event(e);
        }
        for (LotInProgress lot : closing) {
            if (lot.events.containsKey(key)) {
                lot.event(e);   // the end of a gap that began in the lot
            }
        }
    }

    public void onAudit(AuditEntry a) {
        boolean setpoint = AuditActions.SETPOINT_CHANGE.equals(a.action()) || AuditActions.LOOP_MODE.equals(a.action());
        if (setpoint && line.id().equals(a.line()) && current != null) {
            current.setpointChanges.add(a);
        }
    }

    /**
     * Finishes the records of lots that have closed without waiting for the data clock to pass their settle time
     * (e.g. the data stopped coming); material still in transit is judged with what is known now.
     */
    public void finishClosed() {
        judgeArrived(true);
        finishClosing(true);
    }

    // ---- state --------------------------------------------------------------------------------------------------

    /** The data clock: the newest source time seen, or Long.MIN_VALUE before any. */
    public long nowNanos() {
        return now;
    }

    /** The open lot's record as it stands (not yet evaluated), if a lot is open. */
    public Optional<LotRecord> current() {
        return Optional.ofNullable(current).map(l -> record(l, LotStatus.OPEN, Math.max(now, l.startNanos)));
    }

    // ---- the clock and lots -------------------------------------------------------------------------------------

    private void advance(long timeNanos) {
        if (timeNanos <= now) {
            return;
        }
        long previous = now;
        now = timeNanos;
        if (current == null && state == LineState.EXECUTE) {
            open(now);
        }
        if (current != null && state == LineState.EXECUTE && previous != Long.MIN_VALUE) {
            current.executeNanos += now - Math.max(previous, current.startNanos);
        }
        judgeArrived(false);
        closeWhenFull();
        finishClosing(false);
    }

    private void closeWhenFull() {
        while (current != null) {
            long end;
            if (settings.by() == LotBasis.TIME) {
                long planned = current.startNanos + settings.sizeNanos();
                if (now < planned) {
                    return;
                }
                end = planned;
            } else {
                Map<String, Double> readings = scales.readings();
                double made = settings.by() == LotBasis.MASS ? scales.product(current.massAtStart, readings)
                        : scales.input(current.massAtStart, readings);
                if (!(made >= settings.size())) {
                    return;
                }
                end = now;
            }
            boolean executing = state == LineState.EXECUTE;
            if (executing && now > end) {
                current.executeNanos -= now - end;   // the time past the end belongs to the next lot
            }
            close(end);
            open(end);
            if (executing && now > end) {
                current.executeNanos += now - end;
                current.sawExecute = true;
            }
        }
    }

    private void open(long startNanos) {
        if (startNanos == Long.MIN_VALUE) {
            return;   // no data yet: the lot opens with the first sample's time
        }
        String id = settings.idPrefix() + "-" + line.id() + "-" + ID_TIME.format(Instant.ofEpochSecond(0, startNanos));
        if (id.equals(lastBase)) {
            id = id + "-" + (++sameSecond);   // two lots in one second of data time (a stop and a start)
        } else {
            lastBase = id;
            sameSecond = 1;
        }
        current = new LotInProgress(id, startNanos, line.cqas());
        current.massAtStart.putAll(scales.readings());
        current.sawExecute = state == LineState.EXECUTE;
        if (openedBy != null) {
            current.lineStates.add(openedBy);
            openedBy = null;
        }
        openEvents.values().forEach(current::event);
        sink.accept(LotHashes.sealed(record(current, LotStatus.OPEN, startNanos)));
    }

    private void close(long endNanos) {
        LotInProgress lot = current;
        current = null;
        lot.endNanos = endNanos;
        lot.massAtEnd.putAll(scales.readings());
        lot.alarmStatesAtEnd = List.copyOf(alarmStates.values());
        closing.add(lot);
    }

    /** Judges the material that has reached the diverter (all of it when {@code all}). */
    private void judgeArrived(boolean all) {
        while (!inTransit.isEmpty()) {
            InTransit t = inTransit.peek();
            boolean arrived = now != Long.MIN_VALUE && t.arrivalNanos() <= now - settleNanos;
            if (!arrived && !(all && closing.stream().anyMatch(l -> t.arrivalNanos() < l.endNanos))) {
                return;
            }
            inTransit.poll();
            LotInProgress lot = lotAt(t.arrivalNanos());
            if (lot != null) {
                judge(lot, t);
            }
        }
    }

    private void judge(LotInProgress lot, InTransit t) {
        SpcResult r = t.result();
        CqaStatistics stats = lot.cqas.get(r.cqa());
        if (r.quality() != Quality.GOOD || !Double.isFinite(r.value())) {
            stats.bad();
        } else if (diverter.wasteAt(t.arrivalNanos())) {
            stats.diverted();
        } else {
            stats.product(r.value(), r.signalled());
            if (r.signalled()) {
                lot.signal(new SpcSignal(r.cqa(), r.timeNanos(), r.value(), r.signalNames()));
            }
        }
    }

    private void finishClosing(boolean all) {
        for (Iterator<LotInProgress> it = closing.iterator(); it.hasNext(); ) {
            LotInProgress lot = it.next();
            if (all || now - settleNanos >= lot.endNanos) {
                it.remove();
                LotRecord draft = record(lot, LotStatus.CLOSED, lot.endNanos);
                ReleaseEvaluator.Verdict v = evaluator.evaluate(draft, lot.alarmStatesAtEnd);
                sink.accept(LotHashes.sealed(new LotRecord(draft.id(), draft.line(), draft.status(), draft.startNanos(),
                        draft.endNanos(), draft.inputMassG(), draft.productMassG(), draft.divertedMassG(),
                        draft.diversions(), draft.cqas(), draft.spcSignals(), draft.alarms(), draft.setpointChanges(),
                        draft.lineStates(), draft.completeness(), draft.gaps(), v.decision(), v.reasons(), "")));
            }
        }
    }

    private LotInProgress lotAt(long timeNanos) {
        if (current != null && current.contains(timeNanos)) {
            return current;
        }
        for (LotInProgress lot : closing) {
            if (lot.contains(timeNanos)) {
                return lot;
            }
        }
        return null;
    }

    /** Analyzer-to-diverter delay at the current total flow (the nominal flow before any pump reading). */
    private long transitNanos() {
        double flow = flows.isEmpty() ? nominalFlow : flows.values().stream().mapToDouble(Double::doubleValue).sum();
        if (!(flow > 1e-6)) {
            return MAX_TRANSIT_NANOS;
        }
        return Math.min(MAX_TRANSIT_NANOS, Math.round(transferMl / flow * 60e9));
    }

    // ---- the record ---------------------------------------------------------------------------------------------

    /** The lot's record as of {@code endNanos} (its end once closed; its start when it has just opened). */
    private LotRecord record(LotInProgress lot, LotStatus status, long endNanos) {
        Map<String, Double> end = lot.closed() ? lot.massAtEnd : endNanos == lot.startNanos ? lot.massAtStart : scales.readings();
        List<CqaSummary> cqas = lot.cqas.values().stream().map(CqaStatistics::summary).toList();
        return new LotRecord(lot.id, line.id(), status, lot.startNanos, endNanos, scales.input(lot.massAtStart, end),
                scales.product(lot.massAtStart, end), scales.waste(lot.massAtStart, end),
                diverter.overlapping(line.id(), lot.startNanos, endNanos), cqas, lot.spcSignals, lot.alarms,
                lot.setpointChanges, lot.lineStates, completeness(lot, endNanos), List.copyOf(lot.events.values()),
                null, List.of(), "");
    }

    private Completeness completeness(LotInProgress lot, long endNanos) {
        long activeNanos = Math.min(lot.sawExecute ? lot.executeNanos : Long.MAX_VALUE, endNanos - lot.startNanos);
        long expected = Math.max(0, activeNanos / scanNanos) * cqaById.size();
        long good = Math.min(lot.good, expected);
        long notGood = Math.min(lot.notGood, expected - good);
        long missing = expected - good - notGood;
        return new Completeness(expected, good, notGood, missing, expected == 0 ? 1 : (double) good / expected);
    }
}
