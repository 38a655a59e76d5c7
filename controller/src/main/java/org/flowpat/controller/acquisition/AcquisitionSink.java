package org.flowpat.controller.acquisition;

import java.util.List;
import org.flowpat.controller.api.Event;
import org.flowpat.controller.api.Sample;
import org.flowpat.controller.api.SpectrumSample;

/** Where acquired data goes. Called from Milo and worker threads: implementations must be thread-safe. */
public interface AcquisitionSink {
    void samples(List<Sample> samples);

    void spectrum(SpectrumSample spectrum);

    void event(Event event);
}
