package org.flowpat.pat.spc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Individuals charts from Montgomery (viscosity) and NIST (flow rate), with d2(2) = 1.128 ({@link ChartConstants#TABLE}). */
class IndividualsReferenceTest {

    @Test
    void viscosityPhaseOneHasOnePointBeyondTheLimits() {
        double[] x = ReferenceData.load("viscosity_imr.csv").column("viscosity", "phase", "I");
        assertEquals(20, x.length);
        Estimate e = PhaseOne.individuals(x, ChartConstants.TABLE, false);
        IndividualsChart chart = new IndividualsChart(e.center(), e.sigma(), 0, ChartConstants.TABLE);
        Printed.matches("34.088", chart.center(), "center");
        Printed.matches("0.5076521", chart.sigma(), "sigma");
        Printed.matches("32.56504", chart.lcl(), "LCL");
        Printed.matches("35.61096", chart.ucl(), "UCL");
        List<Integer> beyond = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if ((chart.update(x[i]) & Signals.LIMIT) != 0) {
                beyond.add(i + 1);
            }
        }
        assertEquals(List.of(4), beyond);
    }

    @Test
    void viscosityIterativeExclusionDropsBatchFour() {
        double[] x = ReferenceData.load("viscosity_imr.csv").column("viscosity", "phase", "I");
        Estimate e = PhaseOne.individuals(x, ChartConstants.TABLE, true);
        assertEquals(List.of(3), e.excluded(), "0-based index of batch 4");
        Printed.matches("33.98947", e.center(), "center without batch 4");
        Printed.matches("32.75425", e.center() - 3 * e.sigma(), "LCL without batch 4");
        Printed.matches("35.2247", e.center() + 3 * e.sigma(), "UCL without batch 4");
    }

    @Test
    void nistFlowRateIsInControl() {
        double[] x = ReferenceData.load("nist_flowrate_imr.csv").column("flowrate");
        Estimate e = PhaseOne.individuals(x, ChartConstants.TABLE, false);
        IndividualsChart chart = new IndividualsChart(e.center(), e.sigma(), 0, ChartConstants.TABLE);
        Printed.matches("50.81", chart.center(), "mean");
        Printed.matches("1.8778", chart.movingRangeCenter(), "MR-bar");
        Printed.matches("55.8041", chart.ucl(), "UCL");
        Printed.matches("45.8159", chart.lcl(), "LCL");
        int signals = 0;
        for (double v : x) {
            signals |= chart.update(v) | chart.movingRangeSignals();
        }
        assertEquals(0, signals);
    }
}
