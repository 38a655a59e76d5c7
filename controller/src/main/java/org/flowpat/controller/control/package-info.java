/**
 * PID control: a pure controller (anti-windup, bumpless transfer, output limits, derivative on measurement), the
 * configured loop that turns measurement samples into setpoint writes, and the per-line verticle that runs a line's
 * loops with their modes, setpoints and audited changes ({@link org.flowpat.controller.control.LoopVerticle}); the
 * setpoint service and the supervisory (PAT feedback) loops.
 */
package org.flowpat.controller.control;
