package org.flowpat.controller.api;

/** PackML commands a user (or an interlock) can give a line. */
public enum LineCommand {
    START, HOLD, UNHOLD, STOP, ABORT, CLEAR, RESET
}
