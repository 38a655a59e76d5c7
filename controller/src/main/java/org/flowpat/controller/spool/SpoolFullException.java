package org.flowpat.controller.spool;

import java.io.IOException;

/** An append refused because the spool would exceed its configured capacity; nothing was written. */
public final class SpoolFullException extends IOException {
    public SpoolFullException(String message) {
        super(message);
    }
}
