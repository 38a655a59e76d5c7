package org.flowpat.simulator.physics;

/**
 * The three-way diverter valve: a command to product or waste takes effect after a short actuation delay, as a
 * pneumatic valve does. Starts at waste, so start-up material is diverted until the controller decides otherwise.
 */
public final class Diverter {
    /** Time from command to the valve having moved, s. */
    public static final double ACTUATION_DELAY_S = 0.5;

    public enum Position { PRODUCT, WASTE }

    private Position commanded = Position.WASTE;
    private Position position = Position.WASTE;
    private double switchAtS = Double.NaN;

    public void command(Position target, double nowS) {
        if (target != commanded) {
            commanded = target;
            switchAtS = nowS + ACTUATION_DELAY_S;
        }
    }

    /**
     * The fraction of the interval [fromS, fromS + dtS) that the valve spends in its current position before it
     * completes a pending move (1 when none completes in the interval).
     */
    public double fractionBeforeSwitch(double fromS, double dtS) {
        if (Double.isNaN(switchAtS) || switchAtS >= fromS + dtS) {
            return 1;
        }
        return Math.max(0, (switchAtS - fromS) / dtS);
    }

    /** Completes a pending move once its time has come. */
    public void advanceTo(double nowS) {
        if (!Double.isNaN(switchAtS) && nowS >= switchAtS) {
            position = commanded;
            switchAtS = Double.NaN;
        }
    }

    public Position commanded() {
        return commanded;
    }

    public Position position() {
        return position;
    }
}
