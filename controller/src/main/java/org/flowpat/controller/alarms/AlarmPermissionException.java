package org.flowpat.controller.alarms;

/** A user tried an alarm action their role does not allow (only engineers and admins may shelve). */
public final class AlarmPermissionException extends RuntimeException {
    public AlarmPermissionException(String message) {
        super(message);
    }
}
