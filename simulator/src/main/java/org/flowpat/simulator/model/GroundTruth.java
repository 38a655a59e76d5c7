package org.flowpat.simulator.model;

/**
 * What really happened, which no real plant knows: the true CQAs of the material now at the diverter,
 * and the cumulative mass that went the wrong way. Served read-only for tests; the controller never reads it.
 */
public record GroundTruth(double conversionAtDiverterPct, double purityAtDiverterPct, double impurityAtDiverterPct,
                          boolean offSpecAtDiverter, double offSpecMassToProductG, double inSpecMassToWasteG,
                          double totalMassToProductG, double totalMassToWasteG) {
}
