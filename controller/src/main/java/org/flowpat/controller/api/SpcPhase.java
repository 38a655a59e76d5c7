package org.flowpat.controller.api;

/** Where a CQA's charts are: waiting for steady state, collecting the phase I reference, or monitoring (phase II). */
public enum SpcPhase {
    SETTLING, REFERENCE, MONITORING
}
