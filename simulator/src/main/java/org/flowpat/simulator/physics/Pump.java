package org.flowpat.simulator.physics;

/**
 * A metering pump: its flow follows the setpoint with first-order dynamics. Degradation (worn seals, a check
 * valve sticking) delivers only a fraction of the commanded flow while the drive still turns at full speed; a
 * stall or an empty feed vessel delivers nothing.
 */
public final class Pump {
    /** Full-scale flow of the pump (100 % speed), mL/min. */
    public static final double MAX_FLOW_ML_MIN = 10.0;

    private final FirstOrderLag flow;
    private double setpointMlMin;
    private boolean running = true;

    public Pump(double timeConstantS, double setpointMlMin) {
        this.setpointMlMin = setpointMlMin;
        this.flow = new FirstOrderLag(timeConstantS, setpointMlMin);
    }

    /** Advances the delivered flow; {@code deliveredFraction} is 1 for a healthy pump, 0 for a stalled one. */
    public double step(double dtS, double deliveredFraction, boolean suctionAvailable) {
        double target = running && suctionAvailable ? setpointMlMin * deliveredFraction : 0;
        return flow.step(target, dtS);
    }

    public double flowMlMin() {
        return flow.value();
    }

    /** Drive speed in % of full scale: what the controller commanded, whatever the pump actually delivers. */
    public double speedPct(boolean stalled) {
        return running && !stalled ? 100 * setpointMlMin / MAX_FLOW_ML_MIN : 0;
    }

    public double setpointMlMin() {
        return setpointMlMin;
    }

    public void setSetpointMlMin(double setpointMlMin) {
        this.setpointMlMin = setpointMlMin;
    }

    public boolean running() {
        return running;
    }

    public void setRunning(boolean running) {
        this.running = running;
    }
}
