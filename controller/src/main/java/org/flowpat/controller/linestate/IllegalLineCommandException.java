package org.flowpat.controller.linestate;

/** A command that the line's current state does not accept. The message names both and what is allowed. */
public final class IllegalLineCommandException extends RuntimeException {
    public IllegalLineCommandException(String message) {
        super(message);
    }
}
