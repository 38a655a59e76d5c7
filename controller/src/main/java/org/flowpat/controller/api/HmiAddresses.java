package org.flowpat.controller.api;

/**
 * Event-bus addresses the HMI sends requests to (beside {@link Addresses}). Their messages travel as
 * {@link io.vertx.core.json.JsonObject} (each record's {@code toJson()} / {@code fromJson()}), so they need no
 * codec and cross a cluster as they are. A request nobody serves fails with {@code NO_HANDLERS}: the HMI then
 * answers 503.
 */
public final class HmiAddresses {
    /** {@link TrendQuery} → {@link TrendSeries}, served by the historian's {@code TrendQueryService}. */
    public static final String TRENDS = "flowpat.trends";
    /** {@link SetpointRequest} → {@link SetpointResult}, served by the controller's setpoint writer. */
    public static final String SETPOINTS = "flowpat.setpoints";
    /** {@link FaultRequest} → {@link FaultResult}, served by the simulator in demo mode only. */
    public static final String SIMULATOR_FAULTS = "flowpat.simulator.faults";

    private HmiAddresses() {
    }
}
