package org.flowpat.controller.api;

/**
 * A user's command to a line, sent as a request to {@link QualityAddresses#lineCommands(String)}; the reply is the
 * new state's name, or a failure 409 with the reason when the state does not accept the command.
 *
 * @param reason why the user gave the command (the HMI requires one; the audit trail keeps it), or empty
 */
public record LineCommandRequest(String line, LineCommand command, String user, String reason) {
    public LineCommandRequest {
        reason = reason == null ? "" : reason;
    }

    /** A command without a reason (interlocks, tests). */
    public LineCommandRequest(String line, LineCommand command, String user) {
        this(line, command, user, "");
    }
}
