package org.flowpat.controller.control;

import java.util.OptionalDouble;
import org.flowpat.config.model.LoopSettings;
import org.flowpat.controller.api.LoopMode;
import org.flowpat.controller.api.LoopStatus;
import org.flowpat.controller.api.Sample;

/**
 * One running PID loop of a line: its {@link ControlLoop}, what it last measured, and which output it last sent.
 * Starts in MANUAL (a restarted controller never takes a loop to AUTO by itself) with its output unknown; in MANUAL
 * the output follows the output signal's samples, so a switch to AUTO starts from what the line really has
 * (bumpless). In AUTO each usable measurement yields an output to write, unless it is within {@link #EPSILON} of
 * the last one written: an unchanged output is not sent again. Not thread-safe (one verticle owns it).
 */
public final class LoopRuntime {
    /** Output changes smaller than this are not written (far below any actuator's resolution). */
    static final double EPSILON = 1e-6;

    private final String line;
    private final ControlLoop loop;
    private boolean outputKnown;
    private double lastWritten = Double.NaN;
    private Double pv;
    private String pvQuality;
    private long pvTimeNanos;

    public LoopRuntime(String line, LoopSettings settings) {
        this.line = line;
        this.loop = new ControlLoop(settings, settings.outputMin());
    }

    public LoopSettings settings() {
        return loop.settings();
    }

    /** The output to write for this sample (AUTO, changed output), else empty. */
    public OptionalDouble accept(Sample s) {
        LoopSettings settings = loop.settings();
        if (s.signal().equals(settings.output())) {
            if (!loop.isAuto() && s.usable()) {
                loop.manual(s.value());
                outputKnown = true;
            }
            return OptionalDouble.empty();
        }
        if (!s.signal().equals(settings.pv())) {
            return OptionalDouble.empty();
        }
        pv = Double.isFinite(s.value()) ? s.value() : null;
        pvQuality = s.quality().name();
        pvTimeNanos = s.sourceTimeNanos();
        OptionalDouble out = loop.onSample(s); // in MANUAL too: keeps the PID's sample period and derivative seeded
        if (!loop.isAuto() || out.isEmpty() || Math.abs(out.getAsDouble() - lastWritten) <= EPSILON) {
            return OptionalDouble.empty();
        }
        lastWritten = out.getAsDouble();
        return out;
    }

    /** The write of an output failed: the next sample tries again. */
    public void writeFailed() {
        lastWritten = Double.NaN;
    }

    public LoopMode mode() {
        return loop.isAuto() ? LoopMode.AUTO : LoopMode.MANUAL;
    }

    /** Whether the output signal has been read (AUTO needs it, to start from it). */
    public boolean outputKnown() {
        return outputKnown;
    }

    public double setpoint() {
        return loop.setpoint();
    }

    public void setpoint(double value) {
        loop.setpoint(value);
    }

    public double output() {
        return loop.output();
    }

    /** AUTO, continuing from the current output. */
    public void automatic() {
        if (!outputKnown) {
            throw new IllegalStateException("loop " + loop.id() + ": output " + loop.outputSignal()
                    + " has not been read yet");
        }
        lastWritten = loop.output();
        loop.automatic();
    }

    /** MANUAL, holding the output where it is. */
    public void manual() {
        loop.manual(loop.output());
    }

    /** MANUAL at this output, which has been written to the line. */
    public void manual(double output) {
        loop.manual(output);
        outputKnown = true;
    }

    public LoopStatus status() {
        return new LoopStatus(line, loop.id(), mode(), loop.setpoint(), pv, outputKnown ? loop.output() : null,
                pvQuality, pvTimeNanos);
    }
}
