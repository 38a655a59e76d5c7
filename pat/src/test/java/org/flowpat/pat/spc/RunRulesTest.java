package org.flowpat.pat.spc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Each rule fires at the point that completes its pattern, and not on the same data one point
 * short of it. Points are given in sigma units around a center of 0, so value = z.
 */
class RunRulesTest {

    record Case(String rule, int bit, double[] pattern, int firesAt, double[] justShort) {
        @Override
        public String toString() {
            return rule;
        }
    }

    static double[] repeat(double v, int n) {
        double[] out = new double[n];
        java.util.Arrays.fill(out, v);
        return out;
    }

    static double[] concat(double[]... parts) {
        return Stream.of(parts).flatMapToDouble(java.util.Arrays::stream).toArray();
    }

    static double[] ramp(int n, double from, double step) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = from + i * step;
        }
        return out;
    }

    static double[] alternating(int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = i % 2 == 0 ? 0.5 : -0.5;
        }
        return out;
    }

    static double[] alternatingBeyondOne(int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = i % 2 == 0 ? 1.5 : -1.5;
        }
        return out;
    }

    static List<Case> cases() {
        double[] lead = {-0.5};
        return List.of(
            new Case("nelson1", Signals.NELSON1, new double[] {0, 0, 3.01}, 3, new double[] {0, 0, 3.0, -3.0}),
            new Case("we1", Signals.WE1, new double[] {0, -3.01}, 2, new double[] {0, 2.99, -3.0}),
            new Case("nelson2", Signals.NELSON2, concat(lead, repeat(0.4, 9)), 10, concat(lead, repeat(0.4, 8), new double[] {0, 0.4})),
            new Case("we4", Signals.WE4, concat(new double[] {0.5}, repeat(-0.3, 8)), 9, concat(repeat(-0.3, 7), new double[] {0.3}, repeat(-0.3, 7))),
            new Case("nelson3", Signals.NELSON3, concat(new double[] {1}, ramp(6, -1, 0.3)), 7, concat(ramp(5, -1, 0.25), new double[] {0.0}, ramp(4, -0.25, -0.25))),
            new Case("nelson4", Signals.NELSON4, concat(new double[] {0.5}, alternating(14)), 15, concat(alternating(13), new double[] {0.5, 0.5}, alternating(13))),
            new Case("nelson5", Signals.NELSON5, new double[] {2.1, 0, 2.1}, 3, new double[] {2.1, 0, 0, 2.1, -2.1, 0, 2.1, 1.9}),
            new Case("we2", Signals.WE2, new double[] {0, -2.5, -2.5}, 3, new double[] {-2.5, 2.5, 0, -2.5, 2.0}),
            new Case("nelson6", Signals.NELSON6, new double[] {1.1, 1.1, 0, 1.1, 1.1}, 5, new double[] {1.1, 1.1, 0, 0, 1.1, 1.1, -1.1, 1.0}),
            new Case("we3", Signals.WE3, new double[] {-1.5, -1.5, -1.5, -1.5}, 4, new double[] {-1.5, -1.5, 1.5, -1.5, 0, -1.5}),
            new Case("nelson7", Signals.NELSON7, concat(new double[] {2}, alternating(15)), 16, concat(alternating(14), new double[] {1.01}, alternating(14))),
            new Case("nelson8", Signals.NELSON8, concat(new double[] {0}, alternatingBeyondOne(8)), 9,
                    concat(alternatingBeyondOne(7), new double[] {1.0}, alternatingBeyondOne(7), new double[] {0}, repeat(1.5, 8))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void firesAtThePointThatCompletesThePattern(Case c) {
        RunRules rules = new RunRules(c.bit());
        int firstFire = 0;
        for (int i = 0; i < c.pattern().length && firstFire == 0; i++) {
            if (rules.update(c.pattern()[i], c.pattern()[i]) != 0) {
                firstFire = i + 1;
            }
        }
        assertEquals(c.firesAt(), firstFire, c.rule());
        // With every rule enabled, the completing point carries this rule's name.
        RunRules all = new RunRules(Signals.RULES);
        int flags = 0;
        for (int i = 0; i < c.firesAt(); i++) {
            flags = all.update(c.pattern()[i], c.pattern()[i]);
        }
        assertTrue(Signals.names(flags).contains(c.rule()), c.rule() + " missing from " + Signals.names(flags));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void doesNotFireOnePointShort(Case c) {
        RunRules rules = new RunRules(c.bit());
        for (int i = 0; i < c.justShort().length; i++) {
            assertEquals(0, rules.update(c.justShort()[i], c.justShort()[i]), c.rule() + " fired at point " + (i + 1));
        }
    }

    @Test
    void nelson8MinitabFormDoesNotNeedBothSides() {
        RunRules original = new RunRules(Signals.NELSON8);
        RunRules minitab = new RunRules(Signals.NELSON8, false);
        int o = 0;
        int m = 0;
        for (int i = 0; i < 8; i++) {
            o |= original.update(1.5, 1.5);
            m |= minitab.update(1.5, 1.5);
        }
        assertEquals(0, o);
        assertEquals(Signals.NELSON8, m);
    }

    @Test
    void aContinuingRunKeepsFiringAndResetForgetsIt() {
        RunRules rules = new RunRules(Signals.NELSON2);
        int fired = 0;
        for (int i = 0; i < 12; i++) {
            if (rules.update(0.5, 0.5) != 0) {
                fired++;
            }
        }
        assertEquals(12 - 8, fired);
        rules.reset();
        assertEquals(0, rules.update(0.5, 0.5));
    }

    @Test
    void disabledRulesAreNotReportedAndNamesAreStable() {
        RunRules we = new RunRules(Signals.WESTERN_ELECTRIC);
        assertEquals(Signals.WE1, we.update(4, 4), "only WE bits when WE is selected");
        assertEquals(List.of("nelson1", "we1", "limit"), Signals.names(Signals.NELSON1 | Signals.WE1 | Signals.ABOVE_UCL));
        assertEquals(Signals.NELSON5, Signals.nelson(5));
        assertEquals(Signals.WE3, Signals.westernElectric(3));
    }
}
