package org.flowpat.controller.acquisition;

import io.vertx.core.eventbus.EventBus;
import java.util.List;
import org.flowpat.controller.api.Addresses;
import org.flowpat.controller.api.Event;
import org.flowpat.controller.api.Sample;
import org.flowpat.controller.api.SampleBatch;
import org.flowpat.controller.api.SpectrumSample;

/**
 * Publishes acquired data on the event bus: {@link SampleBatch}es on {@link Addresses#SAMPLES}, spectra on
 * {@link Addresses#SPECTRA}, events on {@link Addresses#EVENTS}. The records' codecs must be registered on the bus.
 */
public final class EventBusSink implements AcquisitionSink {
    private final EventBus bus;

    public EventBusSink(EventBus bus) {
        this.bus = bus;
    }

    @Override
    public void samples(List<Sample> samples) {
        if (!samples.isEmpty()) {
            bus.publish(Addresses.SAMPLES, new SampleBatch(samples));
        }
    }

    @Override
    public void spectrum(SpectrumSample spectrum) {
        bus.publish(Addresses.SPECTRA, spectrum);
    }

    @Override
    public void event(Event event) {
        bus.publish(Addresses.EVENTS, event);
    }
}
