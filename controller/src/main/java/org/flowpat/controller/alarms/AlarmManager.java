package org.flowpat.controller.alarms;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.flowpat.config.model.AlarmDefinition;
import org.flowpat.config.model.AlarmType;
import org.flowpat.config.model.Cqa;
import org.flowpat.config.model.Line;
import org.flowpat.controller.api.AlarmTransition;
import org.flowpat.controller.api.LineState;
import org.flowpat.controller.api.Quality;
import org.flowpat.controller.api.Sample;
import org.flowpat.controller.api.SpcResult;

/**
 * The alarms of one line: evaluates each configured alarm's condition from samples, SPC results, communication
 * and spool status (with deadbands), runs their life cycles, and takes the operator's acknowledge and the
 * engineer's shelve.
 *
 * <p>Flood protection: a communication loss is the root cause of every value alarm of its line, an analyzer
 * fault of every alarm on its unit's signals (including the SPC alarms of CQAs it measures). While a root is
 * active its consequential alarms are suppressed, and their activations are counted instead of annunciated.
 * Annunciated activations close together are grouped behind their first out ({@link FirstOut}).
 *
 * <p>Value alarms are evaluated on Good and Uncertain samples (an Uncertain value is the instrument's best
 * value); Bad samples leave the condition as it was, since a Bad value says nothing about the process. Not
 * thread-safe: run it on one verticle's context.
 */
public final class AlarmManager {
    /** Roles that may shelve (ISA-18.2: shelving is an authorised, recorded action). */
    public static final Set<String> SHELVING_ROLES = Set.of("engineer", "admin");
    /** Rate-of-change is taken over at least this span, so sample noise does not dominate it. */
    static final long RATE_WINDOW_NANOS = 10_000_000_000L;
    /** Activations within this time of each other share a first-out group. */
    static final long FIRST_OUT_WINDOW_NANOS = 60_000_000_000L;

    private final String line;
    private final Map<String, Alarm> alarms = new LinkedHashMap<>();
    private final Map<String, String> sourceUnit = new HashMap<>();
    private final Map<String, List<Alarm>> bySignal = new HashMap<>();
    private final Map<String, List<Alarm>> bySetpoint = new HashMap<>();
    private final Map<String, List<Alarm>> byCqa = new HashMap<>();
    private final Map<String, Double> lastValues = new HashMap<>();
    private final Map<String, double[]> rateReference = new HashMap<>();
    private LineState lineState;

    public AlarmManager(Line line, Consumer<AlarmTransition> sink) {
        this.line = line.id();
        FirstOut firstOut = new FirstOut(FIRST_OUT_WINDOW_NANOS);
        Map<String, String> cqaSignals = new HashMap<>();
        for (Cqa cqa : line.cqas()) {
            cqaSignals.put(cqa.id(), cqa.signal());
        }
        for (AlarmDefinition def : line.quality().alarms()) {
            Alarm alarm = new Alarm(line.id(), def, firstOut, sink);
            alarms.put(def.id(), alarm);
            String signal = def.type() == AlarmType.SPC ? cqaSignals.get(def.cqa()) : def.signal();
            if (signal != null) {
                sourceUnit.put(def.id(), unitOf(signal));
            }
            if (def.signal() != null) {
                bySignal.computeIfAbsent(def.signal(), s -> new ArrayList<>()).add(alarm);
            }
            if (def.setpointSignal() != null) {
                bySetpoint.computeIfAbsent(def.setpointSignal(), s -> new ArrayList<>()).add(alarm);
            }
            if (def.cqa() != null) {
                byCqa.computeIfAbsent(def.cqa(), s -> new ArrayList<>()).add(alarm);
            }
        }
    }

    private static String unitOf(String signal) {
        int dot = signal.indexOf('.');
        return dot < 0 ? signal : signal.substring(0, dot);
    }

    public String line() {
        return line;
    }

    public List<Alarm> alarms() {
        return List.copyOf(alarms.values());
    }

    public Alarm alarm(String id) {
        Alarm a = alarms.get(id);
        if (a == null) {
            throw new IllegalArgumentException("line " + line + " has no alarm '" + id + "'; alarms: "
                    + String.join(", ", alarms.keySet()));
        }
        return a;
    }

    /** Activations suppressed as consequences of a root cause or by line state, over all alarms. */
    public long suppressedActivations() {
        return alarms.values().stream().mapToLong(Alarm::suppressedActivations).sum();
    }

    public void onSample(Sample s) {
        if (!line.equals(s.line())) {
            return;
        }
        long now = s.sourceTimeNanos();
        boolean hasValue = s.quality() != Quality.BAD && Double.isFinite(s.value());
        if (hasValue) {
            lastValues.put(s.signal(), s.value());
        }
        boolean rootChanged = false;
        for (Alarm a : bySignal.getOrDefault(s.signal(), List.of())) {
            AlarmDefinition d = a.definition();
            if (d.type() == AlarmType.ANALYZER_FAULT) {
                boolean was = a.active();
                a.condition(s.quality() == Quality.BAD, s.value(), now);
                rootChanged |= was != a.active();
            } else if (hasValue) {
                evaluateValue(a, s.value(), now);
            }
        }
        if (hasValue) {
            // A setpoint change moves the deviation of its alarms too.
            for (Alarm a : bySetpoint.getOrDefault(s.signal(), List.of())) {
                Double pv = lastValues.get(a.definition().signal());
                if (pv != null) {
                    evaluateValue(a, pv, now);
                }
            }
        }
        if (rootChanged) {
            refreshSuppression(now);
        }
    }

    private void evaluateValue(Alarm a, double value, long now) {
        AlarmDefinition d = a.definition();
        double limit = d.limit();
        // Deadband: once in alarm, the value must come back past limit ∓ deadband to clear.
        double band = a.condition() ? d.deadband() : 0;
        boolean raw = switch (d.type()) {
            case HIGH -> value > limit - band;
            case LOW -> value < limit + band;
            case DEVIATION -> {
                Double sp = d.setpoint() != null ? d.setpoint() : lastValues.get(d.setpointSignal());
                yield sp != null && Math.abs(value - sp) > limit - band;
            }
            case RATE_OF_CHANGE -> {
                double rate = ratePerMinute(d.id(), value, now);
                yield Double.isFinite(rate) ? Math.abs(rate) > limit - band : a.condition();
            }
            default -> a.condition();
        };
        a.condition(raw, value, now);
    }

    /** Change per minute against a reference at least {@link #RATE_WINDOW_NANOS} old; NaN until there is one. */
    private double ratePerMinute(String alarmId, double value, long now) {
        double[] ref = rateReference.get(alarmId);
        if (ref == null) {
            rateReference.put(alarmId, new double[] {value, now});
            return Double.NaN;
        }
        long span = now - (long) ref[1];
        if (span < RATE_WINDOW_NANOS) {
            return Double.NaN;
        }
        double rate = (value - ref[0]) / (span / 60e9);
        ref[0] = value;
        ref[1] = now;
        return rate;
    }

    public void onSpc(SpcResult r) {
        if (!line.equals(r.line())) {
            return;
        }
        for (Alarm a : byCqa.getOrDefault(r.cqa(), List.of())) {
            if (a.definition().type() == AlarmType.SPC && r.included()) {
                a.condition(r.signalled(), r.value(), r.timeNanos());
            }
        }
    }

    public void onCommunication(boolean lost, long now) {
        boolean changed = false;
        for (Alarm a : alarms.values()) {
            if (a.definition().type() == AlarmType.COMMUNICATION_LOSS) {
                boolean was = a.active();
                a.condition(lost, Double.NaN, now);
                changed |= was != a.active();
            }
        }
        if (changed) {
            refreshSuppression(now);
        }
    }

    public void onSpoolFilling(boolean filling, double fillRatio, long now) {
        for (Alarm a : alarms.values()) {
            if (a.definition().type() == AlarmType.SPOOL_FILLING) {
                a.condition(filling, fillRatio, now);
            }
        }
    }

    public void onLineState(LineState state, long now) {
        this.lineState = state;
        refreshSuppression(now);
    }

    /** Advances delays and shelve expiries; call it periodically (e.g. every second). */
    public void tick(long now) {
        boolean rootChanged = false;
        for (Alarm a : alarms.values()) {
            boolean was = a.active();
            a.tick(now);
            rootChanged |= isRoot(a) && was != a.active();
        }
        if (rootChanged) {
            refreshSuppression(now);
        }
    }

    public boolean acknowledge(String alarmId, String user, long now) {
        requireUser(user);
        return alarm(alarmId).acknowledge(user, now);
    }

    /** Shelves for {@code duration}; only the roles in {@link #SHELVING_ROLES} may, and a reason is required. */
    public void shelve(String alarmId, String user, String role, Duration duration, String reason, long now) {
        requireUser(user);
        Alarm a = alarm(alarmId);
        if (role == null || !SHELVING_ROLES.contains(role.toLowerCase(Locale.ROOT))) {
            throw new AlarmPermissionException("user '" + user + "' with role '" + role + "' may not shelve alarm "
                    + alarmId + " (roles allowed: engineer, admin)");
        }
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("shelving alarm " + alarmId + " needs a positive duration, got " + duration);
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("shelving alarm " + alarmId + " needs a reason");
        }
        a.shelve(user, now + duration.toNanos(), reason, now);
    }

    public boolean unshelve(String alarmId, String user, long now) {
        requireUser(user);
        return alarm(alarmId).unshelve(user, now);
    }

    private static void requireUser(String user) {
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("alarm actions must be attributed to a user");
        }
    }

    private static boolean isRoot(Alarm a) {
        AlarmType t = a.definition().type();
        return t == AlarmType.COMMUNICATION_LOSS || t == AlarmType.ANALYZER_FAULT;
    }

    /** Recomputes why each alarm is suppressed: by line state first, then by an active root cause. */
    private void refreshSuppression(long now) {
        String commRoot = "";
        Map<String, String> faultyUnits = new HashMap<>();
        for (Alarm a : alarms.values()) {
            if (a.active() && a.definition().type() == AlarmType.COMMUNICATION_LOSS && commRoot.isEmpty()) {
                commRoot = a.id();
            }
            if (a.active() && a.definition().type() == AlarmType.ANALYZER_FAULT) {
                faultyUnits.putIfAbsent(sourceUnit.get(a.id()), a.id());
            }
        }
        for (Alarm a : alarms.values()) {
            AlarmDefinition d = a.definition();
            String reason = "";
            if (lineState != null && d.suppressedIn().contains(lineState.name())) {
                reason = "linestate:" + lineState.name();
            } else if (!isRoot(a) && d.type() != AlarmType.SPOOL_FILLING) {
                String unitRoot = faultyUnits.get(sourceUnit.get(d.id()));
                if (!commRoot.isEmpty()) {
                    reason = "root:" + commRoot;
                } else if (unitRoot != null) {
                    reason = "root:" + unitRoot;
                }
            }
            a.suppress(reason, now);
        }
    }
}
