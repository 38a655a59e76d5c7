package org.flowpat.controller.acquisition;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.flowpat.controller.api.Addresses;
import org.flowpat.controller.api.Event;
import org.flowpat.controller.api.Sample;
import org.flowpat.controller.api.SampleBatch;
import org.flowpat.controller.api.SpectrumSample;
import org.flowpat.controller.api.codec.ControllerCodecs;
import org.flowpat.controller.api.codec.SpectrumSampleCodec;

/** Records what acquisition publishes on the event bus, as a downstream verticle would see it. */
final class BusRecorder {
    final List<Sample> samples = new CopyOnWriteArrayList<>();
    final List<SpectrumSample> spectra = new CopyOnWriteArrayList<>();
    final List<Event> events = new CopyOnWriteArrayList<>();

    BusRecorder(Vertx vertx) {
        ControllerCodecs.register(vertx.eventBus());
        SpectrumSampleCodec.register(vertx.eventBus());
        vertx.eventBus().<SampleBatch>consumer(Addresses.SAMPLES, m -> samples.addAll(m.body().samples()));
        vertx.eventBus().<SpectrumSample>consumer(Addresses.SPECTRA, m -> spectra.add(m.body()));
        vertx.eventBus().<Event>consumer(Addresses.EVENTS, m -> events.add(m.body()));
    }

    List<Sample> samples(String signal) {
        return samples.stream().filter(s -> s.signal().equals(signal)).toList();
    }

    List<Sample> samples(Predicate<Sample> filter) {
        return samples.stream().filter(filter).toList();
    }

    List<Event> events(String kind) {
        return events.stream().filter(e -> e.kind().equals(kind)).toList();
    }

    /** Polls {@code condition} every 20 ms until it holds or {@code timeout} passes; returns whether it held. */
    static boolean await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(20);
        }
        return condition.getAsBoolean();
    }
}
