package org.flowpat.controller.api;

/**
 * Who sets a loop's output: the PID ({@code AUTO}) or a person ({@code MANUAL}). A controller always starts its
 * loops in MANUAL, holding the output the line already has.
 */
public enum LoopMode {
    AUTO,
    MANUAL
}
