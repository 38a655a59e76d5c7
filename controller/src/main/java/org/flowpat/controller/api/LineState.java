package org.flowpat.controller.api;

/** PackML (ISA-TR88.00.02) line states FlowPAT uses. Acting states (…ING) complete by themselves. */
public enum LineState {
    STOPPED, STARTING, IDLE, EXECUTE, HOLDING, HELD, UNHOLDING, STOPPING, ABORTING, ABORTED, CLEARING, RESETTING;

    /** A transient state that moves on to its wait state when its action is done. */
    public boolean acting() {
        return name().endsWith("ING");
    }
}
