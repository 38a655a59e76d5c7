package org.flowpat.simulator.model;

/** The disturbances the simulated line can suffer (see DOMAIN.md, "Typical disturbances"). */
public enum FaultType {
    PUMP_DEGRADATION, PUMP_STOP, FEED_DRIFT, TEMPERATURE_EXCURSION, FOULING, ANALYZER_DRIFT, STUCK_SENSOR, SPIKES,
    ANALYZER_DROPOUT, COMM_LOSS
}
