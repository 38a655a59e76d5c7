package org.flowpat.simulator.engine;

import org.flowpat.simulator.model.LineSimulation;

/**
 * Told after each step of a line, on the engine thread, while the engine holds the line's monitor: the line is
 * consistent and will not move until the listener returns, so keep the work short (copy values, push them on).
 */
@FunctionalInterface
public interface StepListener {
    /** {@code sourceTimeMillis} = engine epoch (wall clock at start, ms) + simulated time. */
    void afterStep(LineSimulation line, long sourceTimeMillis);
}
