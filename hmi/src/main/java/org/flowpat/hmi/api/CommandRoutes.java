package org.flowpat.hmi.api;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import org.flowpat.config.model.Plant;
import org.flowpat.controller.api.FaultRequest;
import org.flowpat.controller.api.FaultResult;
import org.flowpat.controller.api.HmiAddresses;
import org.flowpat.controller.api.SetpointRequest;
import org.flowpat.controller.api.SetpointResult;
import org.flowpat.hmi.auth.HmiUser;
import org.flowpat.hmi.auth.Permission;
import org.flowpat.hmi.auth.SessionAuth;

/**
 * The write endpoints that act on the line: {@code POST /api/setpoints} and, in demo mode only,
 * {@code POST /api/simulator/faults}. The role is checked here, on the server; the user sent on is the
 * session's, never one named by the client.
 */
public final class CommandRoutes {
    private final Plant plant;
    private final BusRequests bus;
    private final boolean demo;

    public CommandRoutes(Plant plant, BusRequests bus, boolean demo) {
        this.plant = plant;
        this.bus = bus;
        this.demo = demo;
    }

    public void mount(Router router) {
        router.post("/api/setpoints").handler(this::setpoint);
        if (demo) {
            router.post("/api/simulator/faults").handler(this::fault);
        }
    }

    private void setpoint(RoutingContext ctx) {
        HmiUser user = SessionAuth.require(ctx, Permission.WRITE_SETPOINTS);
        JsonBody body = JsonBody.of(ctx);
        String line = body.text("line");
        SignalRef ref = SignalRef.resolve(plant, line, body.text("signal"), "signal");
        if (!ref.definition().kind().writable()) {
            throw ApiException.badField("signal", ref.key() + " is a " + ref.definition().kind().name().toLowerCase(Locale.ROOT)
                    + " signal; only setpoints and commands can be written");
        }
        double value = body.number("value");
        String outside = ref.definition().rangeViolation(ref.key(), value);
        if (outside != null) {
            throw ApiException.badField("value", outside);
        }
        String reason = body.text("reason");
        SetpointRequest request = new SetpointRequest(ref.line(), ref.signal(), value, reason, user.id());
        bus.request(HmiAddresses.SETPOINTS, request.toJson(), "the controller's setpoint writer")
                .map(SetpointResult::fromJson)
                .onSuccess(result -> {
                    JsonObject json = result.toJson().put("signal", ref.key()).put("value", value);
                    ctx.response().setStatusCode(result.written() ? 200 : 409);
                    ctx.json(json);
                })
                .onFailure(ctx::fail);
    }

    private void fault(RoutingContext ctx) {
        HmiUser user = SessionAuth.require(ctx, Permission.INJECT_FAULTS);
        JsonBody body = JsonBody.of(ctx);
        String type = body.text("type");
        String target = body.optionalText("target");
        double magnitude = body.number("magnitude");
        Double duration = body.optionalNumber("durationS");
        if (duration != null && duration <= 0) {
            throw ApiException.badField("durationS", "must be positive (leave it out for a fault that lasts until cleared)");
        }
        FaultRequest request = new FaultRequest(type, target, magnitude,
                duration == null ? Double.POSITIVE_INFINITY : duration, user.id());
        bus.request(HmiAddresses.SIMULATOR_FAULTS, request.toJson(), "the simulator")
                .map(FaultResult::fromJson)
                .onSuccess(result -> ctx.json(result.toJson()))
                .onFailure(ctx::fail);
    }
}
