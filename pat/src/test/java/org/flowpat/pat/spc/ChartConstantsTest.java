package org.flowpat.pat.spc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.IntToDoubleFunction;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class ChartConstantsTest {
    private static final ChartConstants EXACT = ChartConstants.EXACT;

    @Test
    void smallSizesMatchTheirClosedForms() {
        // n = 2: R = |X1 - X2| ~ half-normal with scale √2; n = 3: E[R] = 3/√π.
        assertEquals(2 / Math.sqrt(Math.PI), EXACT.d2(2), 1e-14);
        assertEquals(Math.sqrt(2 - 4 / Math.PI), EXACT.d3(2), 1e-14);
        assertEquals(3 / Math.sqrt(Math.PI), EXACT.d2(3), 1e-14);
        assertEquals(Math.sqrt(2 / Math.PI), EXACT.c4(2), 1e-15);
        assertEquals(Math.sqrt(Math.PI) / 2, EXACT.c4(3), 1e-15);
    }

    @Test
    void c4ApproachesOneAndD2GrowsWithN() {
        for (int n = 3; n <= ChartConstants.MAX_N; n += 7) {
            assertTrue(EXACT.c4(n) > EXACT.c4(n - 1) && EXACT.c4(n) < 1, "c4 increasing below 1 at n=" + n);
            assertTrue(EXACT.d2(n) > EXACT.d2(n - 1), "d2 increasing at n=" + n);
        }
        // Asymptotically c4 ≈ 1 - 1/(4n) - 7/(32n²).
        assertEquals(1 - 1.0 / 400 - 7.0 / 320000, EXACT.c4(100), 1e-6);
    }

    /**
     * Every entry of Montgomery's Appendix VI equals the exact value rounded to the printed
     * precision (d2, d3 and the factors to 3 decimals, c4 to 4; the CSV drops trailing zeros),
     * except these eight entries, which Montgomery printed one unit off in the last digit (D3/D4
     * there were computed from already-rounded d2 and d3).
     */
    private static final Set<String> MISPRINTED_BY_ONE_UNIT = Set.of(
            "D4(3)", "D4(18)", "d3(19)", "D3(19)", "D4(19)", "D3(22)", "D4(22)", "D3(24)");

    @Test
    void montgomeryAppendixViAtPrintedPrecision() {
        Set<String> offByOne = new LinkedHashSet<>();
        for (CSVRecord r : ReferenceData.load("constants_published_montgomery_appVI.csv").records()) {
            int n = Integer.parseInt(r.get("n"));
            check(r, "d2", n, EXACT::d2, 3, offByOne);
            check(r, "d3", n, EXACT::d3, 3, offByOne);
            check(r, "c4", n, EXACT::c4, 4, offByOne);
            check(r, "A2", n, EXACT::factorA2, 3, offByOne);
            check(r, "A3", n, EXACT::factorA3, 3, offByOne);
            check(r, "B3", n, EXACT::factorB3, 3, offByOne);
            check(r, "B4", n, EXACT::factorB4, 3, offByOne);
            check(r, "D3", n, EXACT::factorD3, 3, offByOne);
            check(r, "D4", n, EXACT::factorD4, 3, offByOne);
        }
        assertEquals(MISPRINTED_BY_ONE_UNIT, offByOne);
    }

    private static void check(CSVRecord r, String column, int n, IntToDoubleFunction exact, int decimals, Set<String> offByOne) {
        BigDecimal printed = new BigDecimal(r.get(column)).setScale(decimals);
        BigDecimal rounded = new BigDecimal(exact.applyAsDouble(n)).setScale(decimals, java.math.RoundingMode.HALF_UP);
        BigDecimal diff = printed.subtract(rounded).abs();
        String name = column + "(" + n + ")";
        if (diff.signum() != 0) {
            assertEquals(BigDecimal.ONE.movePointLeft(decimals), diff, name + " printed " + printed + ", exact " + exact.applyAsDouble(n));
            offByOne.add(name);
        }
    }

    @Test
    void tableConventionReproducesTheFamiliarValues() {
        assertEquals(1.128, ChartConstants.TABLE.d2(2), 0);
        assertEquals(2.326, ChartConstants.TABLE.d2(5), 0);
        assertEquals(0.864, ChartConstants.TABLE.d3(5), 0);
        assertEquals(0.9400, ChartConstants.TABLE.c4(5), 0);
        assertEquals(2.326, ChartConstants.QCC.d2(5), 0);
        assertEquals(EXACT.d3(5), ChartConstants.QCC.d3(5), 0);
        assertTrue(Math.abs(EXACT.d2(5) - 2.326) > 5e-5, "exact and table d2 differ around the 5th significant digit");
    }

    @Test
    void sizesOutsideTheTableAreRejectedWithTheirValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EXACT.d2(1));
        assertTrue(e.getMessage().contains("got 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> EXACT.c4(ChartConstants.MAX_N + 1));
    }
}
