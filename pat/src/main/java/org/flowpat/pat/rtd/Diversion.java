package org.flowpat.pat.rtd;

import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;

/**
 * Diversion windows for a disturbance seen at a measurement point from t1 to t2, with transport
 * delay d (plug flow) and then the RTD between the measurement point and the diverter. Disturbed
 * material is assumed to pass the measurement point at a constant rate during [t1, t2] (a
 * zero-length disturbance is a pulse at t1).
 *
 * <p>The flow is taken as constant over the event. When it varies, use cumulative volume as the
 * clock: pass t1, t2 and the delay as volumes (the delay is then the dead volume) and the RTD at
 * unit flow ({@code unit.atFlow(1)}, τ = V); the window comes back in cumulative volume, which
 * the caller maps to times by integrating the measured flow.
 */
public final class Diversion {
    private Diversion() {
    }

    /**
     * The rule-based window: from t1 + d + t_α - margin to t2 + d + t_(1-α) + margin with
     * α = (1 - capture)/2, F(t_α) = α. Splitting the miss probability between the early and the
     * late tail guarantees that every disturbed element, and so the whole disturbance, is caught
     * with probability ≥ capture, even for a pulse.
     *
     * @param capture the fraction of disturbed material to catch, e.g. 0.999
     * @param margin  extra time added before and after (≥ 0)
     */
    public static DiversionWindow window(double t1, double t2, double delay, ResidenceTimeDistribution rtd,
                                         double capture, double margin) {
        check(t1, t2, delay, capture);
        if (!(margin >= 0) || !Double.isFinite(margin)) {
            throw new IllegalArgumentException("diversion: margin must be ≥ 0, got " + margin);
        }
        double alpha = (1 - capture) / 2;
        double start = t1 + delay + rtd.quantile(alpha) - margin;
        double end = t2 + delay + rtd.quantile(1 - alpha) + margin;
        return new DiversionWindow(start, end, capturedFraction(t1, t2, delay, rtd, start, end));
    }

    /**
     * The RTD-optimal minimum window: the shortest interval that catches exactly {@code capture}
     * of the disturbed material (the highest-density interval of its arrival time at the
     * diverter). This is the least material any diversion can send to waste for the requested
     * capture; compare actual diversions against {@link DiversionWindow#volume(double)} of it.
     */
    public static DiversionWindow minimal(double t1, double t2, double delay, ResidenceTimeDistribution rtd, double capture) {
        check(t1, t2, delay, capture);
        ArrivalDistribution arrival = new ArrivalDistribution(t1, t2, delay, rtd);
        double slack = 1 - capture;
        var objective = new UnivariateObjectiveFunction(lowerTail -> {
            double a = arrival.quantile(lowerTail);
            double b = arrival.quantile(lowerTail + capture);
            return b - a;
        });
        // the arrival density is unimodal, so the window length is unimodal in the lower tail mass
        double lowerTail = new BrentOptimizer(1e-10, 1e-14)
                .optimize(new MaxEval(500), objective, GoalType.MINIMIZE, new SearchInterval(0, slack, slack / 2))
                .getPoint();
        double start = arrival.quantile(lowerTail);
        double end = arrival.quantile(lowerTail + capture);
        return new DiversionWindow(start, end, arrival.cumulative(end) - arrival.cumulative(start));
    }

    /** The fraction of the disturbed material that arrives at the diverter within [start, end]. */
    public static double capturedFraction(double t1, double t2, double delay, ResidenceTimeDistribution rtd, double start, double end) {
        ArrivalDistribution arrival = new ArrivalDistribution(t1, t2, delay, rtd);
        return Math.max(0, arrival.cumulative(end) - arrival.cumulative(start));
    }

    private static void check(double t1, double t2, double delay, double capture) {
        if (!Double.isFinite(t1) || !Double.isFinite(t2) || t2 < t1) {
            throw new IllegalArgumentException("diversion: disturbance interval must satisfy t1 ≤ t2, got [" + t1 + ", " + t2 + "]");
        }
        if (!(delay >= 0) || !Double.isFinite(delay)) {
            throw new IllegalArgumentException("diversion: transport delay must be ≥ 0, got " + delay);
        }
        if (!(capture > 0 && capture < 1)) {
            throw new IllegalArgumentException("diversion: capture fraction must be in (0, 1), got " + capture);
        }
    }

    /**
     * Arrival time at the diverter of disturbed material: uniform over [t1, t2] plus d plus the
     * RTD. Its CDF is G(u) = (I(u-t1-d) - I(u-t2-d))/(t2-t1) with I = ∫F, or F(u-t1-d) for a pulse.
     */
    private record ArrivalDistribution(double t1, double t2, double delay, ResidenceTimeDistribution rtd) {
        double cumulative(double u) {
            double width = t2 - t1;
            if (width <= 0) {
                return rtd.cumulative(u - t1 - delay);
            }
            double g = (rtd.integratedCumulative(u - t1 - delay) - rtd.integratedCumulative(u - t2 - delay)) / width;
            return Math.min(1, Math.max(0, g));
        }

        double quantile(double probability) {
            double p = Math.min(probability, 1 - 1e-12);
            if (t2 - t1 <= 0) {
                return t1 + delay + rtd.quantile(Math.max(0, p));
            }
            double lo = t1 + delay;
            if (p <= 0) {
                return lo;
            }
            double hi = t2 + delay + rtd.quantile(1 - 1e-12);
            if (p >= cumulative(hi)) {
                return hi;
            }
            double accuracy = 1e-12 * Math.max(1, Math.abs(hi));
            return new BrentSolver(accuracy).solve(1000, u -> cumulative(u) - p, lo, hi);
        }
    }
}
