/**
 * PID control: a pure controller (anti-windup, bumpless transfer, output limits, derivative on measurement) and
 * the configured loop that turns measurement samples into setpoint writes.
 */
package org.flowpat.controller.control;
