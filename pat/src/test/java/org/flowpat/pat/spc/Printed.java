package org.flowpat.pat.spc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;

/** Compares a computed value with a published figure at the precision it is printed with. */
final class Printed {
    private Printed() {
    }

    /** |actual - printed| must not exceed half a unit in the printed figure's last digit. */
    static void matches(String printed, double actual, String what) {
        BigDecimal p = new BigDecimal(printed);
        double halfUnit = 0.5 * Math.pow(10, -p.scale());
        double diff = Math.abs(actual - p.doubleValue());
        assertTrue(diff <= halfUnit * (1 + 1e-9), what + ": published " + printed + ", computed " + actual);
    }
}
