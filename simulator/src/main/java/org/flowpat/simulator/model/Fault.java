package org.flowpat.simulator.model;

/**
 * An injected fault: what, where ({@code target} is a unit id or signal reference such as {@code P1} or
 * {@code R1.temperature}, null where the type implies it), how strong (in the type's own unit, e.g. °C for a
 * temperature excursion, fraction for pump degradation), from when and for how long in simulated seconds
 * ({@code durationS} infinite = until cleared).
 */
public record Fault(String id, FaultType type, String target, double magnitude, double startS, double durationS) {
    public boolean activeAt(double timeS) {
        return timeS >= startS && timeS < startS + durationS;
    }
}
