package org.flowpat.controller.control;

import java.util.OptionalDouble;
import org.flowpat.config.model.LoopSettings;
import org.flowpat.controller.api.Sample;

/**
 * One configured PID loop between samples and setpoint writes: each usable sample of the loop's measurement
 * yields the output to write to {@link LoopSettings#output()}. The sample period is taken from the samples' source
 * timestamps. A Bad or NaN measurement writes nothing and holds the output (a PID must not act on a value that
 * is not there). Starts in manual; {@link #automatic()} takes over bumplessly from the output it was given.
 * Not thread-safe.
 */
public final class ControlLoop {
    private final LoopSettings settings;
    private final PidController pid;
    private double setpoint;
    private long lastNanos = Long.MIN_VALUE;

    public ControlLoop(LoopSettings settings, double initialOutput) {
        this.settings = settings;
        this.pid = PidController.of(settings);
        this.setpoint = settings.setpoint();
        pid.manual(initialOutput);
    }

    public String id() {
        return settings.id();
    }

    /** The output to write for this sample, empty when the sample is not the loop's usable measurement. */
    public OptionalDouble onSample(Sample s) {
        if (!settings.pv().equals(s.signal()) || !s.usable()) {
            return OptionalDouble.empty();
        }
        double dtS = lastNanos == Long.MIN_VALUE ? 0 : (s.sourceTimeNanos() - lastNanos) / 1e9;
        lastNanos = s.sourceTimeNanos();
        if (dtS <= 0) {
            pid.update(setpoint, s.value(), 1e-9);   // first sample: seeds the derivative and manual tracking only
            return OptionalDouble.of(pid.output());
        }
        return OptionalDouble.of(pid.update(setpoint, s.value(), dtS));
    }

    public void setpoint(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("loop " + id() + ": setpoint must be a finite number, got " + value);
        }
        this.setpoint = value;
    }

    public double setpoint() {
        return setpoint;
    }

    public void automatic() {
        pid.automatic();
    }

    public void manual(double output) {
        pid.manual(output);
    }

    public boolean isAuto() {
        return pid.isAuto();
    }

    public String outputSignal() {
        return settings.output();
    }

    /** The output held (manual) or last computed (automatic). */
    public double output() {
        return pid.output();
    }

    public LoopSettings settings() {
        return settings;
    }
}
