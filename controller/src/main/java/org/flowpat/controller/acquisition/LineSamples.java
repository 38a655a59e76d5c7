package org.flowpat.controller.acquisition;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowpat.controller.api.Addresses;
import org.flowpat.controller.api.Sample;
import org.flowpat.controller.api.SampleBatch;
import org.flowpat.controller.api.codec.ControllerCodecs;

/**
 * One line's share of {@link Addresses#SAMPLES}. Every per-line verticle (quality, line state, lots, diversion, ...)
 * needs only its own line's samples; were each to consume the plant-wide address and drop the rest, every batch
 * would be delivered lines × verticles times and the controller's cost would grow with the square of the line
 * count. Instead one router per Vert.x instance consumes the plant-wide address and republishes each line's samples,
 * in order and in this JVM only, on {@code flowpat.samples.<line>}.
 */
public final class LineSamples {
    private static final String PREFIX = Addresses.SAMPLES + ".";
    private static final String ROUTER_KEY = "flowpat.samples.router";
    private static final DeliveryOptions LOCAL = new DeliveryOptions().setLocalOnly(true);

    private LineSamples() {
    }

    /** The address one line's batches are republished on. */
    public static String address(String line) {
        return PREFIX + line;
    }

    /** A consumer of one line's sample batches; starts the router on this Vert.x instance if it is not running yet. */
    public static MessageConsumer<SampleBatch> consumer(Vertx vertx, String line, Handler<Message<SampleBatch>> handler) {
        ensureRouter(vertx);
        return vertx.eventBus().localConsumer(address(line), handler);
    }

    private static void ensureRouter(Vertx vertx) {
        // one router per Vert.x instance: the shared local map is per instance and putIfAbsent is atomic
        if (vertx.sharedData().getLocalMap(ROUTER_KEY).putIfAbsent(ROUTER_KEY, Boolean.TRUE) != null) {
            return;
        }
        EventBus bus = vertx.eventBus();
        ControllerCodecs.register(bus);
        bus.<SampleBatch>localConsumer(Addresses.SAMPLES, m -> route(bus, m.body()));
    }

    static void route(EventBus bus, SampleBatch batch) {
        List<Sample> samples = batch.samples();
        if (samples.isEmpty()) {
            return;
        }
        String first = samples.get(0).line();
        if (samples.stream().allMatch(s -> first.equals(s.line()))) {
            bus.publish(address(first), batch, LOCAL); // the usual case: acquisition batches per line
            return;
        }
        Map<String, List<Sample>> byLine = new LinkedHashMap<>();
        for (Sample s : samples) {
            byLine.computeIfAbsent(s.line(), l -> new ArrayList<>()).add(s);
        }
        byLine.forEach((line, part) -> bus.publish(address(line), new SampleBatch(part), LOCAL));
    }
}
