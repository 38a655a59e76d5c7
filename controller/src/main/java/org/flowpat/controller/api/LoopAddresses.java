package org.flowpat.controller.api;

/**
 * Event-bus addresses of the PID loops the controller runs (the plant file's {@code quality.loops}). Messages are
 * {@link io.vertx.core.json.JsonObject}s (each record's {@code toJson()} / {@code fromJson()}), as on
 * {@link HmiAddresses}. Requests go to one line's address, because each line's loops run in that line's verticle
 * (one consumer per address: a plant-wide address would be served round-robin by every line).
 */
public final class LoopAddresses {
    /** Every loop's {@link LoopStatus}, published on each change and about once a second. */
    public static final String STATUS = "flowpat.loops";
    private static final String COMMAND = "flowpat.loops.command";
    private static final String QUERY = "flowpat.loops.query";

    private LoopAddresses() {
    }

    /** {@link LoopCommand} → {@link LoopCommandResult}, served by the line's loop verticle. */
    public static String commands(String line) {
        return COMMAND + "." + line;
    }

    /** Any JSON object → {@code {line, loops: [LoopStatus]}}: the current status of every loop of the line. */
    public static String query(String line) {
        return QUERY + "." + line;
    }
}
