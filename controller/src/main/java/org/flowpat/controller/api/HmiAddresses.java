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
    /**
     * JSON {@code {line, cqa, fromNanos, toNanos, limit?}} → {@code {line, cqa, results: [SpcResult], truncated}}: the
     * journaled SPC results of one CQA in time order (the newest {@code limit} when there are more), served by the
     * historian's {@code JournalQueryService}; the control charts back-fill from it.
     */
    public static final String SPC_HISTORY = "flowpat.history.spc";
    /**
     * JSON {@code {line, fromNanos, toNanos, limit?}} → {@code {line, transitions: [AlarmTransition], truncated}}: the
     * journaled alarm transitions of one line in time order (the newest {@code limit}), served by the historian's
     * {@code JournalQueryService}; the HMI's alarm board back-fills from it.
     */
    public static final String ALARM_HISTORY = "flowpat.history.alarms";
    /**
     * JSON {@code {line, fromNanos, toNanos, limit?}} → {@code {line, changes: [LineStateChange], truncated}}: the
     * journaled state changes of one line in time order (the newest {@code limit}); the HMI learns a line's current
     * state from the newest.
     */
    public static final String LINE_STATE_HISTORY = "flowpat.history.linestates";

    private HmiAddresses() {
    }
}
