package org.flowpat.controller.acquisition;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How acquisition runs, beyond what the plant file says.
 *
 * @param dataDir                   root of the controller's files; the OPC UA client keeps its certificate and trust
 *                                  list under {@code dataDir/pki}
 * @param sourcePreference          path for signals that have both a node id and a PLC tag
 * @param reconnect                 retry delays for unreachable OPC UA endpoints and PLCs
 * @param defaultSamplingIntervalMs for signals without their own {@code samplingIntervalMs}
 * @param maxMonitoredItemsPerCall  monitored-item creates are split into calls of at most this many items (a 2 MiB
 *                                  message limit otherwise silently yields no notifications)
 * @param requestTimeout            OPC UA request and PLC read/write timeout
 */
public record AcquisitionOptions(Path dataDir, SourcePreference sourcePreference, Backoff reconnect,
                                 double defaultSamplingIntervalMs, int maxMonitoredItemsPerCall,
                                 Duration requestTimeout) {
    public AcquisitionOptions {
        if (dataDir == null) {
            throw new IllegalArgumentException("acquisition needs a data directory");
        }
        if (defaultSamplingIntervalMs <= 0 || maxMonitoredItemsPerCall <= 0) {
            throw new IllegalArgumentException("defaultSamplingIntervalMs and maxMonitoredItemsPerCall must be positive");
        }
    }

    /** OPC UA first, retries from 0.5 s to 10 s, 100 ms sampling, 1000 items per create call, 5 s timeouts. */
    public static AcquisitionOptions defaults(Path dataDir) {
        return new AcquisitionOptions(dataDir, SourcePreference.OPC_UA,
                new Backoff(Duration.ofMillis(500), Duration.ofSeconds(10)), 100.0, 1000, Duration.ofSeconds(5));
    }

    public AcquisitionOptions withSourcePreference(SourcePreference preference) {
        return new AcquisitionOptions(dataDir, preference, reconnect, defaultSamplingIntervalMs,
                maxMonitoredItemsPerCall, requestTimeout);
    }

    public AcquisitionOptions withReconnect(Backoff backoff) {
        return new AcquisitionOptions(dataDir, sourcePreference, backoff, defaultSamplingIntervalMs,
                maxMonitoredItemsPerCall, requestTimeout);
    }
}
