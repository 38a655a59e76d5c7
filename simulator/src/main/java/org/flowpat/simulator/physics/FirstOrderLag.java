package org.flowpat.simulator.physics;

/** y' = (u - y)/τ, updated with the exact discrete solution so any step size is stable. */
public final class FirstOrderLag {
    private final double timeConstantS;
    private double value;

    public FirstOrderLag(double timeConstantS, double initial) {
        if (!(timeConstantS >= 0)) {
            throw new IllegalArgumentException("time constant must not be negative, got " + timeConstantS);
        }
        this.timeConstantS = timeConstantS;
        this.value = initial;
    }

    public double step(double input, double dtS) {
        value = timeConstantS == 0 ? input : input + (value - input) * Math.exp(-dtS / timeConstantS);
        return value;
    }

    public double value() {
        return value;
    }
}
