package org.flowpat.controller.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;
import org.flowpat.config.model.LoopSettings;
import org.flowpat.controller.api.LoopMode;
import org.flowpat.controller.api.Quality;
import org.flowpat.controller.api.Sample;
import org.junit.jupiter.api.Test;

/** A running loop's modes, output tracking and write decisions, on hand-made samples. */
class LoopRuntimeTest {
    private static final long S = 1_000_000_000L;
    private static final LoopSettings TIC = new LoopSettings("tic", "R1.temperature", 80.0, "R1.jacketSetpoint", 4.0,
            80.0, null, 20.0, 120.0, null);

    private static Sample pv(double value, long t) {
        return new Sample("L1", "R1.temperature", value, t * S, t * S, Quality.GOOD_CODE);
    }

    private static Sample out(double value, long t) {
        return new Sample("L1", "R1.jacketSetpoint", value, t * S, t * S, Quality.GOOD_CODE);
    }

    @Test
    void manualFollowsTheOutputSignalAndNeverAsksForAWrite() {
        LoopRuntime loop = new LoopRuntime("L1", TIC);
        assertEquals(LoopMode.MANUAL, loop.mode());
        assertFalse(loop.outputKnown());
        assertNull(loop.status().output(), "unknown until read");
        assertThrows(IllegalStateException.class, loop::automatic, "AUTO needs the output it starts from");
        assertEquals(OptionalDouble.empty(), loop.accept(out(77.5, 0)));
        assertEquals(OptionalDouble.empty(), loop.accept(pv(70, 1)));
        assertEquals(77.5, loop.status().output());
        assertEquals(OptionalDouble.empty(), loop.accept(out(78.5, 2)));
        assertEquals(78.5, loop.output(), "tracks the line's value");
    }

    @Test
    void autoStartsFromTheTrackedOutputAndWritesOnlyChanges() {
        LoopRuntime loop = new LoopRuntime("L1", TIC);
        loop.accept(out(77.5, 0));
        loop.accept(pv(80, 1));
        loop.automatic();
        assertEquals(OptionalDouble.empty(), loop.accept(pv(80, 2)), "at setpoint: the same output, nothing to write");
        double first = loop.accept(pv(79, 3)).orElseThrow();
        assertTrue(first > 77.5 && first < 77.5 + 4 * 1.0 + 1, "bumpless: from 77.5 by about Kp·e, got " + first);
        assertEquals(OptionalDouble.empty(), loop.accept(out(50, 4)), "in AUTO the output's samples do not move it");
        assertEquals(first, loop.output());
        double second = loop.accept(pv(79, 5)).orElseThrow();
        assertTrue(second > first, "the integral keeps acting on a lasting error: " + second);
    }

    @Test
    void aBadMeasurementHoldsTheOutputAndShowsInTheStatus() {
        LoopRuntime loop = new LoopRuntime("L1", TIC);
        loop.accept(out(80, 0));
        loop.accept(pv(79, 1));
        loop.automatic();
        assertEquals(OptionalDouble.empty(), loop.accept(pv(79, 2)), "bumpless: the first output is the tracked one");
        double held = loop.accept(pv(79, 3)).orElseThrow();
        assertEquals(OptionalDouble.empty(), loop.accept(new Sample("L1", "R1.temperature", Double.NaN, 4 * S, 4 * S,
                Quality.BAD_CODE)));
        assertEquals(held, loop.output());
        assertNull(loop.status().pv());
        assertEquals("BAD", loop.status().pvQuality());
        assertEquals(4 * S, loop.status().timeNanos());
    }

    @Test
    void aFailedWriteIsRetriedAtTheNextSampleAndManualHoldsTheLastOutput() {
        LoopRuntime loop = new LoopRuntime("L1", TIC);
        loop.accept(out(120, 0));
        loop.accept(pv(60, 1));
        loop.automatic();
        assertEquals(OptionalDouble.empty(), loop.accept(pv(60, 2)), "clamped at the limit: unchanged");
        loop.writeFailed();
        assertEquals(120, loop.accept(pv(60, 3)).orElseThrow(), 0, "written again after a failure");
        loop.manual();
        assertEquals(LoopMode.MANUAL, loop.mode());
        assertEquals(120, loop.output(), 0);
        loop.manual(90);
        assertEquals(90, loop.status().output());
    }
}
