package org.flowpat.simulator.engine;

import org.flowpat.simulator.model.LineSimulation;

/**
 * Told after each step of a line, on an engine thread, while the engine holds the line's monitor: the line is
 * consistent and will not move until the listener returns, so keep the work short (copy values, push them on).
 * With many lines, calls for different lines of one step may run at the same time on different threads.
 */
@FunctionalInterface
public interface StepListener {
    /** {@code sourceTimeMillis} = engine epoch (wall clock at start, ms) + simulated time. */
    void afterStep(LineSimulation line, long sourceTimeMillis);
}
