package org.flowpat.controller.historian;

/** The database did not take a write or answer a read (down, slow, refused); the message says which and why. */
public final class HistorianException extends Exception {
    private final boolean permanent;

    public HistorianException(String message, Throwable cause, boolean permanent) {
        super(message, cause);
        this.permanent = permanent;
    }

    public HistorianException(String message, Throwable cause) {
        this(message, cause, false);
    }

    public HistorianException(String message) {
        super(message);
        this.permanent = false;
    }

    /**
     * True when the database refused the data itself (unparseable, a field of another type, older than the
     * retention period): writing it again can only fail again, so the writer sets it aside instead of stalling.
     */
    public boolean permanent() {
        return permanent;
    }
}
