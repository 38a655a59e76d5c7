package org.flowpat.controller.acquisition;

/**
 * One signal acquired through an OPC UA monitored item.
 *
 * @param signalRef          {@code UNIT.signal}
 * @param nodeId             node id as written in the plant file (namespace-URI form)
 * @param samplingIntervalMs requested sampling interval
 * @param deadband           absolute deadband; 0 reports every source update
 * @param spectrum           an array signal, published as {@code SpectrumSample}
 * @param writable           a setpoint or command
 */
public record OpcUaItem(String signalRef, String nodeId, double samplingIntervalMs, double deadband, boolean spectrum,
                        boolean writable) {

    /** How late a publish may be without losing a sample, at least: a server or client busy for a moment. */
    static final double LATE_PUBLISH_MS = 2_000;

    /**
     * Server-side queue length so that no sample is dropped between two publishes: the samples one publishing
     * interval holds, plus those of a publish late by one more interval or by {@link #LATE_PUBLISH_MS}, whichever is
     * longer, plus one; at most 10,000. A full queue drops its oldest sample and says so (the Overflow bit), which
     * the client records as a {@code samples-discarded} event.
     */
    public int queueSize(double publishingIntervalMs) {
        double sampling = Math.max(samplingIntervalMs, 1.0);
        double perPublish = Math.ceil(publishingIntervalMs / sampling);
        double late = Math.ceil(Math.max(publishingIntervalMs, LATE_PUBLISH_MS) / sampling);
        return (int) Math.min(10_000, perPublish + late + 1);
    }
}
