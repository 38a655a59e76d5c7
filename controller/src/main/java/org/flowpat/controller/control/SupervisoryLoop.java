package org.flowpat.controller.control;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.Optional;
import org.flowpat.config.model.SupervisorySettings;
import org.flowpat.controller.api.LineState;
import org.flowpat.controller.api.Sample;

/**
 * A supervisory PAT feedback loop of integral type, on the data's own clock: the CQA's Good samples are averaged
 * over each interval of {@code intervalS} (source time); when a sample opens the next interval the loop decides
 * for the one just closed: error = target − mean, move = clamp(gain × error, ±maxStepPerInterval), new setpoint =
 * clamp(current + move, min, max). It makes no move without a Good CQA sample in the interval, while the line is not
 * in Execute, before it knows the current setpoint, or when the move is smaller than the deadband. Driving the
 * interval by source time keeps the loop right when the plant runs faster than real time. Not thread-safe.
 */
public final class SupervisoryLoop {
    private final SupervisorySettings settings;
    private final String cqaSignal;
    private final String cqaUnit;
    private final String setpointUnit;
    private final long intervalNanos;

    private LineState lineState;
    private double setpoint = Double.NaN;
    private long intervalStart = Long.MIN_VALUE;
    private double sum;
    private int count;

    /**
     * @param cqaSignal    the signal that measures the CQA ({@code UNIT.signal})
     * @param cqaUnit      for the reason text, e.g. {@code %}
     * @param setpointUnit for the reason text, e.g. {@code mL/min}
     * @param lineState    the line's state when the loop starts (null: unknown, no moves until one is known)
     */
    public SupervisoryLoop(SupervisorySettings settings, String cqaSignal, String cqaUnit, String setpointUnit,
                           LineState lineState) {
        this.settings = settings;
        this.cqaSignal = cqaSignal;
        this.cqaUnit = cqaUnit == null ? "" : cqaUnit;
        this.setpointUnit = setpointUnit == null ? "" : setpointUnit;
        this.intervalNanos = Math.round(settings.intervalS() * 1e9);
        this.lineState = lineState;
    }

    /** What the loop decided at the end of an interval: a move (with its reason) or why it made none. */
    public record Decision(boolean move, double from, double to, double mean, int samples, String reason) {
    }

    /** A change of state starts the interval's average afresh: a mean never mixes Execute with other states. */
    public void lineState(LineState state) {
        if (state != lineState) {
            sum = 0;
            count = 0;
        }
        this.lineState = state;
    }

    /**
     * Feeds a sample of the CQA signal or of the manipulated setpoint (others are ignored); returns the decision for
     * the interval this sample closes, if it closes one.
     */
    public Optional<Decision> accept(Sample s) {
        if (s.signal().equals(settings.manipulated())) {
            if (s.usable()) {
                setpoint = s.value();
            }
            return Optional.empty();
        }
        if (!s.signal().equals(cqaSignal)) {
            return Optional.empty();
        }
        long t = s.sourceTimeNanos();
        Optional<Decision> decision = Optional.empty();
        if (intervalStart == Long.MIN_VALUE) {
            intervalStart = t;
        } else if (t - intervalStart >= intervalNanos) {
            decision = Optional.of(decide());
            // intervals stay on their grid, and after a gap the new one starts at this sample
            long elapsed = (t - intervalStart) / intervalNanos;
            intervalStart = elapsed == 1 ? intervalStart + intervalNanos : t;
            sum = 0;
            count = 0;
        }
        if (s.usable()) {
            sum += s.value();
            count++;
        }
        return decision;
    }

    private Decision decide() {
        double mean = count == 0 ? Double.NaN : sum / count;
        if (count == 0) {
            return none(mean, "no Good " + settings.cqa() + " sample in the interval");
        }
        if (lineState != LineState.EXECUTE) {
            return none(mean, "line is " + (lineState == null ? "in an unknown state" : lineState) + ", not EXECUTE");
        }
        if (Double.isNaN(setpoint)) {
            return none(mean, settings.manipulated() + " not known yet");
        }
        double error = settings.target() - mean;
        double step = Math.max(-settings.maxStepPerInterval(), Math.min(settings.maxStepPerInterval(), settings.gain() * error));
        double to = Math.max(settings.min(), Math.min(settings.max(), setpoint + step));
        if (Math.abs(to - setpoint) < settings.deadband() || to == setpoint) {
            return none(mean, "move " + number(to - setpoint) + " " + setpointUnit + " within the deadband or at a bound");
        }
        String reason = String.format(Locale.ROOT, "%s mean %s %s over %s s (%d samples), target %s %s: %s %s → %s %s",
                settings.cqa(), number(mean), cqaUnit, number(settings.intervalS()), count, number(settings.target()),
                cqaUnit, settings.manipulated(), number(setpoint), number(to), setpointUnit).replace("  ", " ").trim();
        Decision d = new Decision(true, setpoint, to, mean, count, reason);
        // until the plant reports the new setpoint, the loop builds on what it asked for
        setpoint = to;
        return d;
    }

    /** Four significant digits without trailing zeros: the audit trail reads "99.45 %" and "1.5 → 1.6". */
    static String number(double x) {
        return new BigDecimal(x).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    private Decision none(double mean, String why) {
        return new Decision(false, setpoint, setpoint, mean, count, why);
    }

    /** The write of a move failed: the setpoint is what it was. */
    public void rejected(Decision d) {
        if (setpoint == d.to()) {
            setpoint = d.from();
        }
    }

    public SupervisorySettings settings() {
        return settings;
    }

    /** The user the loop's setpoint changes are attributed to. */
    public String user() {
        return "system:supervisory:" + settings.id();
    }

    public double setpoint() {
        return setpoint;
    }
}
