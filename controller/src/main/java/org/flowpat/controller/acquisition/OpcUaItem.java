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

    /**
     * Server-side queue length so that no sample is dropped between two publishes: twice the number of samples one
     * publishing interval holds (a publish can be late by one interval), at least 2, at most 10,000.
     */
    public int queueSize(double publishingIntervalMs) {
        double perPublish = Math.ceil(publishingIntervalMs / Math.max(samplingIntervalMs, 1.0));
        return (int) Math.min(10_000, Math.max(2, 2 * perPublish + 1));
    }
}
