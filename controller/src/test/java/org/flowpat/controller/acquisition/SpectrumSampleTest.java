package org.flowpat.controller.acquisition;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import io.vertx.core.buffer.Buffer;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.flowpat.controller.api.Quality;
import org.flowpat.controller.api.SpectrumSample;
import org.flowpat.controller.api.codec.SpectrumSampleCodec;
import org.junit.jupiter.api.Test;

/** Spectra are immutable values and cross a cluster's wire intact. */
class SpectrumSampleTest {
    private final SpectrumSample sample = new SpectrumSample("L1", "AT1.spectrum", new double[] {0.1, Double.NaN, 2.5},
            1_700_000_000_123_456_789L, 1_700_000_000_223_456_789L, StatusCodes.Uncertain);

    @Test
    void valuesCannotBeChangedFromOutside() {
        double[] values = {1, 2};
        SpectrumSample s = new SpectrumSample("L1", "AT1.spectrum", values, 1, 2, StatusCodes.Good);
        values[0] = 99;
        s.values()[1] = 99;
        assertArrayEquals(new double[] {1, 2}, s.values());
        assertEquals(Quality.GOOD, s.quality());
    }

    @Test
    void wireFormatRoundTripsEveryField() {
        SpectrumSampleCodec codec = new SpectrumSampleCodec();
        Buffer buffer = Buffer.buffer().appendString("prefix");
        codec.encodeToWire(buffer, sample);
        SpectrumSample decoded = codec.decodeFromWire("prefix".length(), buffer);
        assertEquals(sample, decoded);
        assertNotSame(sample, decoded);
        assertEquals(Quality.UNCERTAIN, decoded.quality());
        assertEquals(3, decoded.length());
    }
}
