/**
 * Diversion of non-conforming material (ICH Q13): the planner works in volume coordinates so that RTD windows
 * (τ = V/Q) stay right when the flow changes; {@link org.flowpat.controller.diversion.DiversionBenchmark} closes the
 * loop around the simulator and measures the result against its ground truth.
 */
package org.flowpat.controller.diversion;
