package org.flowpat.simulator.physics;

import java.util.ArrayDeque;
import java.util.function.ObjDoubleConsumer;

/**
 * A tube without back-mixing (the line from the analyzer to the diverter): liquid leaves in the order it entered,
 * after the tube's volume has been pushed through. Holds parcels of (volume, composition); starts full of solvent.
 */
public final class PlugFlowLine {
    private record Parcel(double volumeMl, Composition composition) {
    }

    private final double volumeMl;
    private final ArrayDeque<Parcel> parcels = new ArrayDeque<>();
    private double heldMl;

    public PlugFlowLine(double volumeMl) {
        if (!(volumeMl > 0)) {
            throw new IllegalArgumentException("plug-flow volume must be > 0 mL, got " + volumeMl);
        }
        this.volumeMl = volumeMl;
        parcels.add(new Parcel(volumeMl, Composition.SOLVENT));
        heldMl = volumeMl;
    }

    /**
     * Pushes {@code volumeInMl} of {@code entering} liquid in; the same volume leaves and is handed, oldest first,
     * to {@code leaving} as (composition, volume mL) pieces.
     */
    public void push(double volumeInMl, Composition entering, ObjDoubleConsumer<Composition> leaving) {
        if (volumeInMl <= 0) {
            return;
        }
        Parcel last = parcels.peekLast();
        if (last != null && last.composition().equals(entering)) {
            parcels.pollLast();
            parcels.addLast(new Parcel(last.volumeMl() + volumeInMl, entering));
        } else {
            parcels.addLast(new Parcel(volumeInMl, entering));
        }
        heldMl += volumeInMl;
        double excess = heldMl - volumeMl;
        while (excess > 0) {
            Parcel first = parcels.pollFirst();
            double out = Math.min(first.volumeMl(), excess);
            if (out < first.volumeMl()) {
                parcels.addFirst(new Parcel(first.volumeMl() - out, first.composition()));
            }
            leaving.accept(first.composition(), out);
            excess -= out;
            heldMl -= out;
        }
    }

    /** The composition about to leave (at the outlet). */
    public Composition atOutlet() {
        Parcel first = parcels.peekFirst();
        return first == null ? Composition.SOLVENT : first.composition();
    }

    public double heldMl() {
        return heldMl;
    }
}
