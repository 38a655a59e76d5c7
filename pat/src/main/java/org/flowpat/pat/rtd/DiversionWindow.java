package org.flowpat.pat.rtd;

/**
 * The interval during which the diverter sends material to waste.
 *
 * @param start            when to switch to waste
 * @param end              when to switch back to product
 * @param capturedFraction fraction of the disturbed material that the window catches (per the RTD)
 */
public record DiversionWindow(double start, double end, double capturedFraction) {
    public DiversionWindow {
        if (!(end >= start)) {
            throw new IllegalArgumentException("diversion window ends (" + end + ") before it starts (" + start + ")");
        }
    }

    public double duration() {
        return end - start;
    }

    /** Diverted volume at a constant volumetric flow (volume per time unit). */
    public double volume(double volumetricFlow) {
        return duration() * volumetricFlow;
    }

    /** Diverted mass at a constant mass flow (mass per time unit). */
    public double mass(double massFlow) {
        return duration() * massFlow;
    }
}
