package org.flowpat.controller.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.flowpat.config.model.SupervisorySettings;
import org.flowpat.controller.api.LineState;
import org.flowpat.controller.api.Quality;
import org.flowpat.controller.api.Sample;
import org.flowpat.controller.control.SupervisoryLoop.Decision;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The supervisory loop's rules, one interval at a time (60 s intervals, samples every 5 s). */
class SupervisoryLoopTest {
    private static final long S = 1_000_000_000L;
    /** Impurity held at 0.9 % with the B flow: too much impurity (a negative error) → less B, so the gain is positive. */
    private static final SupervisorySettings IMPURITY = new SupervisorySettings("impurity-b", "impurity", 0.9,
            "P2.flowSetpoint", 1.2, 1.8, 0.2, 60.0, 0.05, 0.005);

    private SupervisoryLoop loop;
    private long t;

    @BeforeEach
    void setUp() {
        loop = new SupervisoryLoop(IMPURITY, "AT1.impurity", "%", "mL/min", LineState.EXECUTE);
        t = 0;
        loop.accept(sample("P2.flowSetpoint", 1.5, Quality.GOOD_CODE));
    }

    /** Twelve impurity samples of {@code value}, then the first sample of the next interval, which decides. */
    private Optional<Decision> interval(double value, long code) {
        Optional<Decision> d = Optional.empty();
        for (int k = 0; k < 12; k++) {
            d = d.or(() -> loop.accept(sample("AT1.impurity", value, code)));
            t += 5 * S;
        }
        return d;
    }

    private Decision close() {
        return loop.accept(sample("AT1.impurity", Double.NaN, Quality.BAD_CODE)).orElseThrow();
    }

    private Sample sample(String signal, double value, long code) {
        return new Sample("L1", signal, value, t, t, code);
    }

    @Test
    void theMoveIsGainTimesErrorAndTheReasonSaysWhy() {
        interval(1.0, Quality.GOOD_CODE);
        Decision d = close();
        assertTrue(d.move());
        assertEquals(1.5, d.from());
        assertEquals(1.5 + 0.2 * (0.9 - 1.0), d.to(), 1e-12);
        assertEquals(12, d.samples());
        assertEquals("impurity mean 1 % over 60 s (12 samples), target 0.9 %: P2.flowSetpoint 1.5 → 1.48 mL/min",
                d.reason());
        assertEquals("system:supervisory:impurity-b", loop.user());
    }

    @Test
    void numbersInTheReasonHaveFourSignificantDigits() {
        assertEquals("99.45", SupervisoryLoop.number(99.4512));
        assertEquals("1.312", SupervisoryLoop.number(1.31249));
        assertEquals("0.9", SupervisoryLoop.number(0.9));
        assertEquals("-0.004", SupervisoryLoop.number(-0.004));
    }

    @Test
    void theMoveIsLimitedPerIntervalAndTheSetpointStaysWithinBounds() {
        double previous = 1.5;
        for (int k = 0; k < 20; k++) {
            Optional<Decision> d = interval(0.1, Quality.GOOD_CODE); // impurity far below target: B can rise
            if (d.isPresent() && d.get().move()) {
                assertTrue(Math.abs(d.get().to() - d.get().from()) <= 0.05 + 1e-12, "step " + d.get());
                assertTrue(d.get().to() <= 1.8);
                previous = d.get().to();
            }
        }
        assertEquals(1.8, previous, 1e-12, "held at max");
        assertEquals(1.8, loop.setpoint(), 1e-12);
        interval(0.1, Quality.GOOD_CODE);
        assertFalse(close().move(), "nothing to gain beyond max");
    }

    @Test
    void onlyGoodSamplesCountAndAnIntervalWithoutOneMakesNoMove() {
        interval(5.0, Quality.UNCERTAIN_CODE);
        Decision none = close();
        assertFalse(none.move());
        assertTrue(none.reason().contains("no Good"), none.reason());
        long start = t; // the closing sample opened the next interval
        for (int k = 1; k <= 6; k++) {
            t = start + k * 5 * S;
            loop.accept(sample("AT1.impurity", 1.0, Quality.GOOD_CODE));
            loop.accept(sample("AT1.impurity", 9.0, Quality.BAD_CODE));
        }
        t = start + 60 * S;
        Decision d = close();
        assertEquals(1.0, d.mean(), 1e-12, "the mean of the Good samples only");
        assertEquals(6, d.samples());
    }

    @Test
    void noMoveOutsideExecuteOrBeforeTheSetpointIsKnown() {
        loop.lineState(LineState.HELD);
        interval(2.0, Quality.GOOD_CODE);
        Decision held = close();
        assertFalse(held.move());
        assertTrue(held.reason().contains("HELD"), held.reason());
        SupervisoryLoop fresh = new SupervisoryLoop(IMPURITY, "AT1.impurity", "%", "mL/min", null);
        loop = fresh;
        interval(2.0, Quality.GOOD_CODE);
        assertTrue(close().reason().contains("unknown state"));
        loop.lineState(LineState.EXECUTE);
        interval(2.0, Quality.GOOD_CODE);
        assertTrue(close().reason().contains("P2.flowSetpoint not known"));
    }

    @Test
    void theFirstMeanInExecuteHoldsOnlySamplesTakenInExecute() {
        loop.lineState(LineState.HELD);
        for (int k = 0; k < 6; k++) {
            loop.accept(sample("AT1.impurity", 5.0, Quality.GOOD_CODE));
            t += 5 * S;
        }
        loop.lineState(LineState.EXECUTE);
        for (int k = 0; k < 6; k++) {
            loop.accept(sample("AT1.impurity", 1.0, Quality.GOOD_CODE));
            t += 5 * S;
        }
        Decision d = close();
        assertEquals(1.0, d.mean(), 1e-12);
        assertEquals(6, d.samples());
        assertTrue(d.move());
    }

    @Test
    void movesSmallerThanTheDeadbandAreNotMade() {
        interval(0.92, Quality.GOOD_CODE); // 0.2 × -0.02 = -0.004, under the 0.005 deadband
        Decision d = close();
        assertFalse(d.move(), d.reason());
        assertEquals(1.5, loop.setpoint());
    }

    @Test
    void aRejectedWriteLeavesTheSetpointWhereItWas() {
        interval(1.2, Quality.GOOD_CODE);
        Decision d = close();
        assertTrue(d.move());
        assertEquals(d.to(), loop.setpoint());
        loop.rejected(d);
        assertEquals(1.5, loop.setpoint());
    }

    @Test
    void afterAGapInTheDataTheNextIntervalStartsAtTheNextSample() {
        interval(1.0, Quality.GOOD_CODE);
        t += 10 * 60 * S; // ten minutes without data
        Decision d = close();
        assertTrue(d.move(), "the interval with data is decided");
        t += 30 * S;
        assertTrue(loop.accept(sample("AT1.impurity", 1.0, Quality.GOOD_CODE)).isEmpty(), "30 s into the new interval");
    }
}
