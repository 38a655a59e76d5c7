package org.flowpat.app.cli.spc;

/** Bad input to {@code flowpat spc}: the message names the file and, where it applies, the line and column. */
public final class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InputException(String message) {
        super(message);
    }
}
