package org.flowpat.config.model;

/** What closes a lot: production time, product mass collected, or reagent mass fed. */
public enum LotBasis {
    TIME, MASS, INPUT
}
