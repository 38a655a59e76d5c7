package org.flowpat.controller.historian;

import org.flowpat.controller.historian.influx.InfluxHistorian;
import org.flowpat.controller.historian.questdb.QuestDbHistorian;

import java.io.IOException;
import java.nio.file.Path;

/** Chooses the historian from the command line's options: InfluxDB when a URL is given, else the embedded QuestDB. */
public final class Historians {
    public static final String DEFAULT_INFLUX_DATABASE = "flowpat";

    private Historians() {
    }

    /**
     * @param influxUrl InfluxDB base URL ({@code http://host:8086}), or null/blank for the embedded QuestDB
     * @param database  InfluxDB database (created if missing), or null for {@value #DEFAULT_INFLUX_DATABASE}
     * @param dataDir   the data directory; the embedded database lives in {@code dataDir/questdb}
     */
    public static Historian open(String influxUrl, String database, Path dataDir) throws IOException {
        if (influxUrl == null || influxUrl.isBlank()) {
            return QuestDbHistorian.open(dataDir);
        }
        if (!influxUrl.startsWith("http://") && !influxUrl.startsWith("https://")) {
            throw new IllegalArgumentException("--influx must be an http:// or https:// URL, got '" + influxUrl + "'");
        }
        return new InfluxHistorian(influxUrl, database == null ? DEFAULT_INFLUX_DATABASE : database);
    }

    /** The spool of a historian lives beside it in the data directory. */
    public static Path spoolDirectory(Path dataDir) {
        return dataDir.resolve("spool");
    }
}
