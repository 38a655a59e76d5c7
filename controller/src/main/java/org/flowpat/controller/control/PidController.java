package org.flowpat.controller.control;

import org.flowpat.config.model.LoopSettings;

/**
 * A discrete PID controller in ideal (ISA) form, u = Kp·(e + 1/Ti ∫e dt + Td·d(-PV)/dt), as a pure class.
 *
 * <ul>
 * <li>Derivative on the measurement, not the error, so a setpoint step does not kick the output; filtered
 * with time constant Td/{@value #DERIVATIVE_FILTER_N} against measurement noise.</li>
 * <li>Anti-windup by back-calculation: while the output is clamped, the integral is pulled back towards the
 * clamped value with tracking time Tt = √(Ti·Td) (or Ti without derivative), so it never winds up.</li>
 * <li>Bumpless transfer: in manual the integral tracks the manual output, so switching to auto starts from
 * the output the process already has; switching to manual holds the last output.</li>
 * </ul>
 * The error is SP - PV (the output rises when the measurement is low, e.g. heating); direct acting flips it
 * (e.g. cooling). Not thread-safe.
 */
public final class PidController {
    static final double DERIVATIVE_FILTER_N = 10;

    private final double kp;
    private final double ti;
    private final double td;
    private final double outMin;
    private final double outMax;
    private final double sign;
    private final double tracking;

    private boolean auto;
    private boolean bumpless;           // the next automatic update starts from the current output
    private double integral;
    private double derivative;
    private double previousPv = Double.NaN;
    private double output;

    /**
     * @param tiS integral time (s), 0 = no integral action
     * @param tdS derivative time (s), 0 = no derivative action
     */
    public PidController(double kp, double tiS, double tdS, double outMin, double outMax, boolean directActing) {
        if (!(kp > 0) || !Double.isFinite(kp)) {
            throw new IllegalArgumentException("PID: proportional gain must be > 0, got " + kp);
        }
        if (!(tiS >= 0) || !(tdS >= 0) || !Double.isFinite(tiS) || !Double.isFinite(tdS)) {
            throw new IllegalArgumentException("PID: Ti and Td must be finite and >= 0, got Ti=" + tiS + " Td=" + tdS);
        }
        if (!(outMax > outMin)) {
            throw new IllegalArgumentException("PID: output max (" + outMax + ") must exceed min (" + outMin + ")");
        }
        this.kp = kp;
        this.ti = tiS;
        this.td = tdS;
        this.outMin = outMin;
        this.outMax = outMax;
        this.sign = directActing ? -1 : 1;
        this.tracking = tdS > 0 && tiS > 0 ? Math.sqrt(tiS * tdS) : tiS;
        this.output = outMin;
    }

    public static PidController of(LoopSettings s) {
        return new PidController(s.kp(), s.tiS(), s.tdS(), s.outputMin(), s.outputMax(), s.directActing());
    }

    /** Computes the output for one sample period {@code dtS} (s); in manual it returns the manual output. */
    public double update(double setpoint, double pv, double dtS) {
        if (!(dtS > 0) || !Double.isFinite(pv) || !Double.isFinite(setpoint)) {
            return output;    // no new information: hold
        }
        double error = sign * (setpoint - pv);
        double p = kp * error;
        if (td > 0 && !Double.isNaN(previousPv)) {
            double tf = td / DERIVATIVE_FILTER_N;
            derivative = tf / (tf + dtS) * derivative - kp * td / (tf + dtS) * sign * (pv - previousPv);
        }
        previousPv = pv;
        if (!auto) {
            // Tracking: the integral holds whatever makes P + I + D equal the manual output.
            integral = ti > 0 ? output - p - derivative : 0;
            return output;
        }
        if (bumpless) {
            integral = ti > 0 ? output - p - derivative : 0;
            bumpless = false;
        }
        double unclamped = p + integral + derivative;
        output = clamp(unclamped);
        if (ti > 0) {
            integral += kp * dtS / ti * error + dtS / tracking * (output - unclamped);
        }
        return output;
    }

    /** Manual mode with the output held where it is (bumpless). */
    public void manual() {
        auto = false;
    }

    /** Manual mode at this output (clamped to the limits). */
    public void manual(double manualOutput) {
        auto = false;
        output = clamp(manualOutput);
    }

    /** Automatic mode; the next update continues from the current output (bumpless). */
    public void automatic() {
        bumpless |= !auto;
        auto = true;
    }

    public boolean isAuto() {
        return auto;
    }

    public double output() {
        return output;
    }

    /** The integral term, in output units. */
    public double integral() {
        return integral;
    }

    private double clamp(double u) {
        return Math.max(outMin, Math.min(outMax, u));
    }
}
