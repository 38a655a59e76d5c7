package org.flowpat.pat.spc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.flowpat.pat.capability.Capability;
import org.flowpat.pat.capability.CapabilityIndices;
import org.flowpat.pat.capability.SpecLimits;
import org.junit.jupiter.api.Test;

/**
 * Montgomery Table 6.3 / qcc {@code pistonrings}: X-bar/R and X-bar/S from samples 1-25, phase II
 * on 26-40, capability. The X-bar limits and capability use Montgomery's convention d2(5) = 2.326
 * ({@link ChartConstants#TABLE}); the S chart uses c4 computed exactly, as qcc does.
 */
class PistonringsReferenceTest {
    private final ReferenceData data = ReferenceData.load("pistonrings.csv");
    private final double[][] phase1 = data.groupsLong("sample", "diameter", "I");
    private final double[][] all = data.groupsLong("sample", "diameter", null);

    @Test
    void xbarAndRChartFromSamples1To25() {
        Estimate e = PhaseOne.subgroups(phase1, SigmaMethod.R_BAR, ChartConstants.TABLE, false);
        SubgroupChart chart = new SubgroupChart(e.center(), e.sigma(), Dispersion.RANGE, 0, 5, ChartConstants.TABLE);
        chart.update(phase1[0], 0, 5);
        Printed.matches("74.00118", chart.center(), "center");
        Printed.matches("73.98805", chart.lcl(), "X-bar LCL");
        Printed.matches("74.0143", chart.ucl(), "X-bar UCL");
        Printed.matches("0.02276", chart.dispersionCenter(), "R-bar");
        assertEquals(0.0, chart.dispersionLcl(), "R LCL for n = 5");
    }

    /**
     * The published R UCL 0.04812533 was computed by qcc, whose d3 table has d3(5) = 0.8640848;
     * the exact d3(5) is 0.8640819, so with d2 = 2.326 we get 0.04812522: the figures agree to
     * 6 significant digits and differ by 1.1e-7, which the test allows.
     */
    @Test
    void rChartUclAgreesWithQccUpToItsD3Table() {
        Estimate e = PhaseOne.subgroups(phase1, SigmaMethod.R_BAR, ChartConstants.QCC, false);
        SubgroupChart chart = new SubgroupChart(e.center(), e.sigma(), Dispersion.RANGE, 0, 5, ChartConstants.QCC);
        chart.update(phase1[0], 0, 5);
        assertEquals(0.04812533, chart.dispersionUcl(), 1.5e-7);
    }

    @Test
    void sChartFromSamples1To25WithExactC4() {
        Estimate e = PhaseOne.subgroups(phase1, SigmaMethod.S_BAR, ChartConstants.EXACT, false);
        SubgroupChart chart = new SubgroupChart(e.center(), e.sigma(), Dispersion.STDDEV, 0, 5, ChartConstants.EXACT);
        chart.update(phase1[0], 0, 5);
        Printed.matches("0.009240037", chart.dispersionCenter(), "S-bar");
        Printed.matches("0.01930242", chart.dispersionUcl(), "S UCL");
    }

    @Test
    void phaseTwoSignalsAtSamples37To39() {
        for (ChartConstants constants : List.of(ChartConstants.TABLE, ChartConstants.EXACT)) {
            Estimate e = PhaseOne.subgroups(phase1, SigmaMethod.R_BAR, constants, false);
            SubgroupChart chart = new SubgroupChart(e.center(), e.sigma(), Dispersion.RANGE, 0, 5, constants);
            List<Integer> above = new ArrayList<>();
            for (int i = 0; i < all.length; i++) {
                if ((chart.update(all[i], 0, all[i].length) & Signals.ABOVE_UCL) != 0) {
                    above.add(i + 1);
                }
            }
            assertEquals(List.of(37, 38, 39), above, "constants " + constants);
        }
    }

    @Test
    void capabilityWithSigmaRBarOver2326() {
        Estimate e = PhaseOne.subgroups(phase1, SigmaMethod.R_BAR, ChartConstants.TABLE, false);
        double[] values = java.util.Arrays.stream(phase1).flatMapToDouble(java.util.Arrays::stream).toArray();
        CapabilityIndices c = Capability.compute(e.center(), e.sigma(), PhaseOne.overallSigma(values), values.length,
                SpecLimits.twoSided(73.95, 74.05), 0.95);
        assertEquals(125, c.n());
        Printed.matches("1.703", c.cp(), "Cp");
        Printed.matches("1.491", c.cpInterval().low(), "Cp CI low");
        Printed.matches("1.915", c.cpInterval().high(), "Cp CI high");
        Printed.matches("1.663", c.cpk(), "Cpk");
        Printed.matches("1.448", c.cpkInterval().low(), "Cpk CI low");
        Printed.matches("1.878", c.cpkInterval().high(), "Cpk CI high");
        Printed.matches("1.691", c.cpm(), "Cpm");
    }
}
