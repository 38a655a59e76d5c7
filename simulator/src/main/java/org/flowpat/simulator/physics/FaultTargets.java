package org.flowpat.simulator.physics;

import java.util.Set;
import org.flowpat.simulator.model.Fault;
import org.flowpat.simulator.model.FaultType;

/**
 * What each fault type acts on and in which unit its magnitude is given, and the check that an injected fault
 * makes sense. A missing target takes the type's default.
 *
 * <table>
 * <caption>Fault types</caption>
 * <tr><th>type</th><th>target</th><th>magnitude</th></tr>
 * <tr><td>PUMP_DEGRADATION</td><td>P1 or P2 (default P2)</td><td>fraction of flow lost, 0..1, ramped</td></tr>
 * <tr><td>PUMP_STOP</td><td>P1 or P2 (default P2)</td><td>ignored: the pump delivers nothing</td></tr>
 * <tr><td>FEED_DRIFT</td><td>FA or FB (default FB)</td><td>relative change of concentration, e.g. -0.25, ramped</td></tr>
 * <tr><td>TEMPERATURE_EXCURSION</td><td>R1</td><td>°C added to the jacket (it follows with its time constant)</td></tr>
 * <tr><td>FOULING</td><td>R1</td><td>fraction of reactor volume blocked, 0..0.9, ramped</td></tr>
 * <tr><td>ANALYZER_DRIFT</td><td>AT1</td><td>absorbance (AU) of the window deposit band, ramped</td></tr>
 * <tr><td>STUCK_SENSOR</td><td>a signal (default AT1.impurity)</td><td>ignored: the value freezes</td></tr>
 * <tr><td>SPIKES</td><td>a signal (default R1.temperature)</td><td>spike height in the signal's unit</td></tr>
 * <tr><td>ANALYZER_DROPOUT</td><td>AT1</td><td>ignored: no scans, status Bad</td></tr>
 * <tr><td>COMM_LOSS</td><td>the line</td><td>ignored: the servers stop answering</td></tr>
 * </table>
 * Ramped faults grow linearly over {@value #RAMP_S} s (or their duration if shorter) and then hold.
 */
public final class FaultTargets {
    /** How long a ramped (gradual) fault takes to reach its full magnitude, s. */
    public static final double RAMP_S = 600;

    private static final Set<String> PUMPS = Set.of("P1", "P2");
    private static final Set<String> FEEDS = Set.of("FA", "FB");

    private FaultTargets() {
    }

    public static String defaultTarget(FaultType type) {
        return switch (type) {
            case PUMP_DEGRADATION, PUMP_STOP -> "P2";
            case FEED_DRIFT -> "FB";
            case TEMPERATURE_EXCURSION, FOULING -> "R1";
            case ANALYZER_DRIFT, ANALYZER_DROPOUT -> "AT1";
            case STUCK_SENSOR -> "AT1.impurity";
            case SPIKES -> "R1.temperature";
            case COMM_LOSS -> null;
        };
    }

    /**
     * The fault with its default target filled in, or an {@link IllegalArgumentException} saying what is wrong;
     * {@code knownSignal} tells whether a signal reference exists on the line.
     */
    public static Fault resolve(Fault fault, java.util.function.Predicate<String> knownSignal) {
        if (fault.id() == null || fault.id().isBlank()) {
            throw new IllegalArgumentException("fault needs an id");
        }
        if (fault.type() == null) {
            throw new IllegalArgumentException("fault '" + fault.id() + "' needs a type");
        }
        String where = "fault '" + fault.id() + "' (" + fault.type() + ")";
        if (!Double.isFinite(fault.magnitude()) || !Double.isFinite(fault.startS()) || !(fault.durationS() > 0)) {
            throw new IllegalArgumentException(where + ": magnitude and start must be finite and duration > 0, got "
                    + fault.magnitude() + ", " + fault.startS() + ", " + fault.durationS());
        }
        String target = fault.target() == null || fault.target().isBlank() ? defaultTarget(fault.type()) : fault.target();
        boolean ok = switch (fault.type()) {
            case PUMP_DEGRADATION -> PUMPS.contains(target) && fault.magnitude() >= 0 && fault.magnitude() <= 1;
            case PUMP_STOP -> PUMPS.contains(target);
            case FEED_DRIFT -> FEEDS.contains(target) && fault.magnitude() > -1;
            case TEMPERATURE_EXCURSION -> "R1".equals(target);
            case FOULING -> "R1".equals(target) && fault.magnitude() >= 0 && fault.magnitude() <= 0.9;
            case ANALYZER_DRIFT, ANALYZER_DROPOUT -> "AT1".equals(target);
            case STUCK_SENSOR, SPIKES -> target != null && knownSignal.test(target);
            case COMM_LOSS -> true;
        };
        if (!ok) {
            throw new IllegalArgumentException(where + ": target '" + target + "' or magnitude " + fault.magnitude()
                    + " not allowed; expected " + expectation(fault.type()));
        }
        return new Fault(fault.id(), fault.type(), target, fault.magnitude(), fault.startS(), fault.durationS());
    }

    private static String expectation(FaultType type) {
        return switch (type) {
            case PUMP_DEGRADATION -> "target P1 or P2, magnitude 0..1 (fraction of flow lost)";
            case PUMP_STOP -> "target P1 or P2";
            case FEED_DRIFT -> "target FA or FB, magnitude > -1 (relative concentration change)";
            case TEMPERATURE_EXCURSION -> "target R1, magnitude in °C";
            case FOULING -> "target R1, magnitude 0..0.9 (fraction of volume blocked)";
            case ANALYZER_DRIFT, ANALYZER_DROPOUT -> "target AT1";
            case STUCK_SENSOR, SPIKES -> "target a signal of this line, UNIT.signal";
            case COMM_LOSS -> "no target";
        };
    }

    /** How far a ramped fault has grown at {@code timeS}: 0 before it starts, 1 once fully developed. */
    public static double rampFraction(Fault fault, double timeS) {
        if (!fault.activeAt(timeS)) {
            return 0;
        }
        double ramp = Math.min(RAMP_S, fault.durationS());
        return Math.min(1, (timeS - fault.startS()) / ramp);
    }
}
