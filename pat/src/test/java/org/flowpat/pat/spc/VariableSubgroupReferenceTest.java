package org.flowpat.pat.spc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Montgomery Table 6.4: pistonrings with 12 observations removed (subgroup sizes 3-5), in long
 * form and in wide form with NaN. qcc convention: center = grand mean of all observations,
 * sigma = mean of R_i / d2(n_i) with d2 from the 3-decimal table ({@link ChartConstants#QCC}).
 */
class VariableSubgroupReferenceTest {
    private final double[][] longForm = ReferenceData.load("pistonrings_variable_n.csv").groupsLong("sample", "diameter", "I");
    private final double[][] wideForm = ReferenceData.load("pistonrings_missing_nan.csv")
            .groupsWide(List.of("x1", "x2", "x3", "x4", "x5"), "I");

    @Test
    void longAndWideFormsGiveTheSameEstimate() {
        Estimate fromLong = PhaseOne.subgroups(longForm, SigmaMethod.R_BAR, ChartConstants.QCC, false);
        Estimate fromWide = PhaseOne.subgroups(wideForm, SigmaMethod.R_BAR, ChartConstants.QCC, false);
        assertEquals(25, longForm.length);
        assertEquals(fromLong.center(), fromWide.center(), 1e-15);
        assertEquals(fromLong.sigma(), fromWide.sigma(), 1e-18);
        Printed.matches("74.00075", fromLong.center(), "center");
        Printed.matches("0.009856701", fromLong.sigma(), "sigma");
    }

    @Test
    void limitsFollowEachSubgroupsSize() {
        Estimate e = PhaseOne.subgroups(wideForm, SigmaMethod.R_BAR, ChartConstants.QCC, false);
        SubgroupChart chart = new SubgroupChart(e.center(), e.sigma(), Dispersion.RANGE, Signals.NELSON, 5, ChartConstants.QCC);
        boolean sawFive = false;
        boolean sawThree = false;
        for (double[] row : wideForm) {
            chart.update(row, 0, row.length);
            if (chart.size() == 5) {
                sawFive = true;
                Printed.matches("73.98753", chart.lcl(), "LCL n=5");
                Printed.matches("74.01398", chart.ucl(), "UCL n=5");
            } else if (chart.size() == 3) {
                sawThree = true;
                Printed.matches("73.98368", chart.lcl(), "LCL n=3");
                Printed.matches("74.01782", chart.ucl(), "UCL n=3");
            }
        }
        assertEquals(List.of(true, true), List.of(sawFive, sawThree));
    }
}
