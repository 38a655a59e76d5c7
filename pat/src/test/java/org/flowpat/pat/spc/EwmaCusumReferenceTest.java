package org.flowpat.pat.spc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** EWMA and tabular CUSUM against NIST/SEMATECH 6.3.2.3-4 and Montgomery Examples 9.1-9.2. */
class EwmaCusumReferenceTest {

    @Test
    void nistEwmaValuesAndAsymptoticLimits() {
        double[] x = ReferenceData.load("nist_ewma.csv").column("x");
        String[] published = {"50.60", "49.52", "50.56", "50.18", "50.16", "49.21", "49.75", "49.85", "50.26", "50.33",
            "50.11", "49.36", "49.52", "50.05", "49.38", "49.92", "50.73", "51.23", "51.94", "51.99"};
        EwmaChart chart = new EwmaChart(50, 2.0539, 0.3, 3, 50, false);
        int signals = 0;
        for (int i = 0; i < x.length; i++) {
            signals |= chart.update(x[i]);
            Printed.matches(published[i], chart.value(), "EWMA " + (i + 1));
        }
        assertEquals(0, signals);
        Printed.matches("52.5884", chart.ucl(), "UCL");
        // NIST prints 47.4115 for 50 - 2.588429 = 47.411571: truncated, not rounded; one unit in the last digit.
        assertEquals(47.4115, chart.lcl(), 1e-4);
    }

    @Test
    void montgomeryEwmaFirstLimits() {
        double[] x = ReferenceData.load("montgomery_table9_1.csv").column("x");
        EwmaChart chart = new EwmaChart(10, 1, 0.1, 2.7);
        chart.update(x[0]);
        Printed.matches("9.73", chart.lcl(), "first LCL");
        Printed.matches("10.27", chart.ucl(), "first UCL");
        chart.update(x[1]);
        double secondHalfWidth = 2.7 * Math.sqrt(0.1 / 1.9 * (1 - Math.pow(0.9, 4)));
        assertEquals(10 + secondHalfWidth, chart.ucl(), 1e-12, "limits widen with i");
    }

    @Test
    void montgomeryCusumUpperSumsAndFirstSignal() {
        double[] x = ReferenceData.load("montgomery_table9_1.csv").column("x");
        String[] published = {"0", "0", "0", "1.16", "2.82", "2.50", "0.04", "1.00", "0", "0", "0", "0.97", "0.98", "0", "0",
            "0", "0.12", "0", "0", "0.34", "0.74", "0", "1.79", "2.79", "2.89", "3.47", "3.35", "4.47", "5.28"};
        CusumChart chart = new CusumChart(10, 1, 0.5, 5);
        int firstSignal = -1;
        for (int i = 0; i < x.length; i++) {
            int s = chart.update(x[i]);
            if (i < published.length) {
                Printed.matches(published[i].equals("0") ? "0.00" : published[i], chart.upper(), "C+ " + (i + 1));
            }
            if (s != 0 && firstSignal < 0) {
                firstSignal = i + 1;
                assertEquals(Signals.ABOVE_UCL, s);
                assertEquals(7, chart.upperRun(), "N+");
                Printed.matches("11.25", chart.shiftedMeanEstimate(), "new mean");
            }
        }
        assertEquals(29, firstSignal);
    }

    @Test
    void nistCusumSignalsFromGroup14() {
        double[] x = ReferenceData.load("nist_cusum.csv").column("xbar");
        // K and H are published in data units: sigma = 1 makes k and h data units too.
        CusumChart chart = new CusumChart(325, 1, 0.3175, 4.1959);
        List<Integer> signals = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if ((chart.update(x[i]) & Signals.ABOVE_UCL) != 0) {
                signals.add(i + 1);
            }
        }
        assertEquals(List.of(14, 15, 16, 17, 18, 19, 20), signals);
    }
}
