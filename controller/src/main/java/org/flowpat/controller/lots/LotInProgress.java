package org.flowpat.controller.lots;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowpat.config.model.Cqa;
import org.flowpat.controller.api.AlarmTransition;
import org.flowpat.controller.api.AuditEntry;
import org.flowpat.controller.api.Event;
import org.flowpat.controller.api.LineStateChange;
import org.flowpat.controller.api.SpcSignal;

/** What a {@link LotTracker} gathers for one lot between its start and its record. Mutable; not thread-safe. */
final class LotInProgress {
    /** Bound on the SPC signals listed in one record (all are counted in the CQA summaries). */
    static final int MAX_LISTED_SIGNALS = 500;

    final String id;
    final long startNanos;
    long endNanos = Long.MAX_VALUE;
    /** Data time spent in Execute; a lot that never saw Execute counts its whole duration. */
    long executeNanos;
    boolean sawExecute;
    final Map<String, Double> massAtStart = new LinkedHashMap<>();
    final Map<String, Double> massAtEnd = new LinkedHashMap<>();
    final Map<String, CqaStatistics> cqas = new LinkedHashMap<>();
    final List<SpcSignal> spcSignals = new ArrayList<>();
    final List<AlarmTransition> alarms = new ArrayList<>();
    final List<AuditEntry> setpointChanges = new ArrayList<>();
    final List<LineStateChange> lineStates = new ArrayList<>();
    /** Events by kind and start: a later version of an event (its end) replaces the first. */
    final Map<String, Event> events = new LinkedHashMap<>();
    List<AlarmTransition> alarmStatesAtEnd = List.of();
    long good;
    long notGood;

    LotInProgress(String id, long startNanos, List<Cqa> cqaConfig) {
        this.id = id;
        this.startNanos = startNanos;
        cqaConfig.forEach(c -> cqas.put(c.id(), new CqaStatistics(c)));
    }

    boolean contains(long timeNanos) {
        return timeNanos >= startNanos && timeNanos < endNanos;
    }

    boolean closed() {
        return endNanos != Long.MAX_VALUE;
    }

    void event(Event e) {
        events.put(e.kind() + "@" + e.startNanos(), e);
    }

    void signal(SpcSignal s) {
        if (spcSignals.size() < MAX_LISTED_SIGNALS) {
            spcSignals.add(s);
        }
    }
}
