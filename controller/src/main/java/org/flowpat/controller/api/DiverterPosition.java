package org.flowpat.controller.api;

/** Where the three-way diverter sends the line's output. Written to the diverter command as 0 or 1. */
public enum DiverterPosition {
    PRODUCT(0), WASTE(1);

    private final int command;

    DiverterPosition(int command) {
        this.command = command;
    }

    /** The value of the diverter's command signal (0 product, 1 waste). */
    public int command() {
        return command;
    }
}
