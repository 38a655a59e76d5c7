package org.flowpat.controller.api;

/**
 * A diverter command from the diversion planner, and the record of the interval it diverts. A WASTE command is
 * published when an interval starts (with its planned end at the current flow), a PRODUCT command when it ends
 * (with the interval's actual start and end and the mass diverted from flow × density).
 *
 * @param trigger          why: {@code startup}, {@code cqa:<id>}, {@code analyzer}, {@code upstream:<alarm>}, {@code interlock:<id>}
 * @param fromNanos        start of the interval (epoch ns)
 * @param untilNanos       planned or actual end (epoch ns)
 * @param divertedMassG    mass sent to waste in the interval so far, g
 * @param minimalMassG     the RTD-optimal minimum for the same disturbances (0 for start-up), g
 */
public record DiversionCommand(String line, DiverterPosition position, String trigger, long fromNanos,
                               long untilNanos, double divertedMassG, double minimalMassG) {
}
