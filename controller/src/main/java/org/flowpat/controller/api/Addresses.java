package org.flowpat.controller.api;

/** Event-bus addresses: the spine between acquisition, monitoring, historian and HMI (DESIGN.md). */
public final class Addresses {
    /** {@link SampleBatch} messages published by acquisition. */
    public static final String SAMPLES = "flowpat.samples";
    /** Events (communication gaps, spool filling, line-state changes, ...) published by any part of the controller. */
    public static final String EVENTS = "flowpat.events";
    /** {@link SpectrumSample} messages (one spectrum each) published by acquisition. */
    public static final String SPECTRA = "flowpat.spectra";
    /** {@link HistorianStatus} published by the historian when its spool alarm is raised or cleared. */
    public static final String HISTORIAN_STATUS = "flowpat.historian.status";

    private Addresses() {
    }
}
