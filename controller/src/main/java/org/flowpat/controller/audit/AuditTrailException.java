package org.flowpat.controller.audit;

import java.io.IOException;

/** The audit trail cannot be opened or written; the message says which file and what is wrong. */
public final class AuditTrailException extends IOException {
    public AuditTrailException(String message) {
        super(message);
    }

    public AuditTrailException(String message, Throwable cause) {
        super(message, cause);
    }
}
