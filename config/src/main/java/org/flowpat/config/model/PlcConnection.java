package org.flowpat.config.model;

import org.flowpat.config.validation.Validatable;
import org.flowpat.config.validation.Validation;

/** A PLC reached through Apache PLC4X: its connection string and polling interval. */
public record PlcConnection(String connection, Double pollIntervalMs) implements Validatable {
    public PlcConnection {
        pollIntervalMs = pollIntervalMs == null ? 500.0 : pollIntervalMs;
    }

    @Override
    public void validate(Validation v) {
        v.notBlank("connection", connection);
        v.check(connection == null || connection.contains("://"), "connection",
                "must be a PLC4X connection string such as modbus-tcp://127.0.0.1:5020");
        v.positive("pollIntervalMs", pollIntervalMs);
    }
}
