package org.flowpat.controller.api;

/**
 * A user's command to a line, sent as a request to {@link QualityAddresses#lineCommands(String)}; the reply is the
 * new state's name, or a failure 409 with the reason when the state does not accept the command.
 */
public record LineCommandRequest(String line, LineCommand command, String user) {
}
