package org.flowpat.app.cli.spc;

import org.flowpat.pat.spc.ChartConstants;
import org.flowpat.pat.spc.SigmaMethod;

/**
 * What the command line asked for. Absent numbers are NaN.
 *
 * @param chart imr, xbar-r, xbar-s, ewma or cusum
 * @param phase1 leading points/subgroups in phase I (0 = all when estimating, none when center and sigma are given)
 * @param rules run-rule bits of {@link org.flowpat.pat.spc.Signals} (0 = none)
 * @param sigmaMethod within-sigma estimator, or null for the chart's default
 * @param exclude drop out-of-control phase I points and re-estimate
 */
public record ChartOptions(String chart, int phase1, double center, double sigma, int rules, ChartConstants constants,
                           SigmaMethod sigmaMethod, boolean exclude,
                           double lambda, double limitWidth, double start, boolean asymptotic,
                           double k, double h, boolean fir, boolean resetAfterSignal,
                           double lsl, double usl, double target, double confidence) {
}
