package org.flowpat.simulator.model;

import org.flowpat.config.model.Line;

/**
 * One simulated flow line as the protocol servers see it. Signals are addressed by their plant-file
 * reference {@code UNIT.signal}. Not thread-safe: callers synchronize on the instance (the engine steps it
 * under that lock, servers read and write under it).
 */
public interface LineSimulation {
    String lineId();

    Line config();

    /** Simulated seconds since the start of the run. */
    double timeSeconds();

    /** Advances the physics by {@code dtSeconds} of simulated time. */
    void step(double dtSeconds);

    /** The value the line's instrument currently reports (with noise, lag and faults applied). */
    double value(String signalRef);

    Quality quality(String signalRef);

    /** Simulated time (s) at which the signal's reported value last changed (e.g. the analyzer's last scan). */
    double sourceTimeSeconds(String signalRef);

    /** The analyzer's latest raw spectrum (absorbance per wavelength), a copy. */
    double[] spectrum();

    double[] wavelengthsNm();

    /** Writes a setpoint or command. */
    void write(String signalRef, double value) throws SetpointRejectedException;

    void inject(Fault fault);

    /** Clears the fault with this id; returns whether one was active. */
    boolean clear(String faultId);

    void clearAll();

    java.util.List<Fault> activeFaults();

    /** True while a COMM_LOSS fault is active: the servers stop answering for this line. */
    boolean communicationLost();

    /** The lot id the analyzer context reports (set by the controller through OPC UA). */
    String lotId();

    void setLotId(String lotId);

    GroundTruth groundTruth();
}
