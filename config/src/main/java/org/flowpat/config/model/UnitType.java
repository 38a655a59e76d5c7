package org.flowpat.config.model;

/** What a unit of a flow line is, in the order material meets them. */
public enum UnitType {
    FEED_VESSEL, PUMP, MIXER, REACTOR, QUENCH, ANALYZER, BACK_PRESSURE_REGULATOR, DIVERTER, VESSEL
}
