package org.flowpat.controller.api;

/** A lot is open while material is being collected into it, closed once its size is reached or the line stops. */
public enum LotStatus {
    OPEN, CLOSED
}
