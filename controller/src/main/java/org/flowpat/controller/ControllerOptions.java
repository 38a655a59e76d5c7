package org.flowpat.controller;

import java.nio.file.Path;
import java.time.Duration;
import org.flowpat.controller.acquisition.AcquisitionOptions;

/**
 * How the controller runs.
 *
 * @param dataDir        the controller's files: OPC UA client PKI, spool, embedded historian
 * @param influxUrl      InfluxDB URL; null for the embedded QuestDB historian under {@code dataDir}
 * @param influxDatabase InfluxDB database (created if missing); ignored without {@code influxUrl}
 * @param drainTimeout   how long a stop waits for the spool to reach the database (the rest stays on disk)
 * @param acquisition    acquisition settings (its data dir is {@code dataDir})
 */
public record ControllerOptions(Path dataDir, String influxUrl, String influxDatabase, Duration drainTimeout,
                                AcquisitionOptions acquisition) {
    public static final String DEFAULT_INFLUX_DATABASE = "flowpat";

    public ControllerOptions {
        if (dataDir == null) {
            throw new IllegalArgumentException("the controller needs a data directory");
        }
        influxDatabase = influxDatabase == null ? DEFAULT_INFLUX_DATABASE : influxDatabase;
        drainTimeout = drainTimeout == null ? Duration.ofSeconds(10) : drainTimeout;
        acquisition = acquisition == null ? AcquisitionOptions.defaults(dataDir) : acquisition;
    }

    public static ControllerOptions defaults(Path dataDir) {
        return new ControllerOptions(dataDir, null, null, null, null);
    }

    public ControllerOptions withInflux(String url, String database) {
        return new ControllerOptions(dataDir, url, database, drainTimeout, acquisition);
    }
}
