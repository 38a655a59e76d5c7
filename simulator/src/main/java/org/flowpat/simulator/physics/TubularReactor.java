package org.flowpat.simulator.physics;

/**
 * A plug-flow reactor with axial dispersion, modelled as N equal stirred tanks in series, in which
 * A + B → P (k1·cA·cB) and P + B → I (k2·cP·cB) run. A non-reactive tracer travels along for RTD measurements.
 *
 * <p>Numerics: each tank is advanced by a linearly implicit Euler step, sweeping downstream so every tank sees its
 * upstream neighbour's new value. Its fixed point is exactly the steady state of the tank equations, so the steady
 * state does not depend on the step size, and it stays positive and stable for any step. Each step is split into
 * substeps with Q·dt/V_tank ≤ {@value #MAX_TANK_FRACTION_PER_SUBSTEP}: implicit Euler widens each tank's residence
 * time variance by the factor (1 + Q·dt/V_tank), so this keeps the simulated RTD within 2 % of τ²/N.
 * Amounts are conserved exactly: what one reaction takes from A and B it gives to P (and likewise for I).
 */
public final class TubularReactor {
    static final double MAX_TANK_FRACTION_PER_SUBSTEP = 0.02;
    private static final int MAX_SUBSTEPS = 2000;

    private final int tanks;
    private final double volumeMl;
    private final double[] a;
    private final double[] b;
    private final double[] p;
    private final double[] i;
    private final double[] tracer;

    public TubularReactor(double volumeMl, int tanks) {
        if (!(volumeMl > 0) || tanks < 1) {
            throw new IllegalArgumentException("reactor needs volume > 0 and at least one tank, got " + volumeMl
                    + " mL and " + tanks + " tanks");
        }
        this.tanks = tanks;
        this.volumeMl = volumeMl;
        this.a = new double[tanks];
        this.b = new double[tanks];
        this.p = new double[tanks];
        this.i = new double[tanks];
        this.tracer = new double[tanks];
    }

    public int tanks() {
        return tanks;
    }

    public double volumeMl() {
        return volumeMl;
    }

    /**
     * Advances by {@code dtS} with flow {@code flowMlMin} of inlet liquid {@code inlet} (tracer concentration
     * {@code inletTracer}), rate constants k1, k2 in L/(mol·s) and a fraction {@code activeVolumeFraction} of
     * the volume still open (fouling deposits take the rest).
     */
    public void step(double dtS, double flowMlMin, Composition inlet, double inletTracer, double k1, double k2,
                     double activeVolumeFraction) {
        double tankVolumeMl = volumeMl * activeVolumeFraction / tanks;
        double flowMlS = Math.max(0, flowMlMin) / 60.0;
        double throughputPerS = flowMlS / tankVolumeMl;
        double reactivityPerS = (k1 + k2) * Math.max(maxOf(b), inlet.b());
        int substeps = (int) Math.ceil(dtS * throughputPerS / MAX_TANK_FRACTION_PER_SUBSTEP);
        // Keep the reaction part accurate too: at most ~5 % of a tank's reactant reacts per substep.
        substeps = Math.max(substeps, (int) Math.ceil(dtS * reactivityPerS / 0.05));
        substeps = Math.min(Math.max(1, substeps), MAX_SUBSTEPS);
        double h = dtS / substeps;
        for (int s = 0; s < substeps; s++) {
            substep(h, h * throughputPerS, inlet, inletTracer, k1, k2);
        }
    }

    private void substep(double h, double flush, Composition inlet, double inletTracer, double k1, double k2) {
        double inA = inlet.a();
        double inB = inlet.b();
        double inP = inlet.p();
        double inI = inlet.i();
        double inT = inletTracer;
        double keep = 1 + flush;
        for (int n = 0; n < tanks; n++) {
            double bOld = b[n];
            double availableA = a[n] + flush * inA;
            double availableB = bOld + flush * inB;
            double availableP = p[n] + flush * inP;
            double newA = availableA / (keep + h * k1 * bOld);
            double r1 = k1 * bOld * newA;
            double newP = (availableP + h * r1) / (keep + h * k2 * bOld);
            double r2 = k2 * bOld * newP;
            double consumedB = h * (r1 + r2);
            if (consumedB > availableB) {
                // B runs out within the substep: scale both reactions to what is there, keep the books balanced.
                double scale = consumedB > 0 ? availableB / consumedB : 0;
                r1 *= scale;
                r2 *= scale;
                newA = (availableA - h * r1) / keep;
                newP = (availableP + h * (r1 - r2)) / keep;
                consumedB = availableB;
            }
            a[n] = newA;
            p[n] = newP;
            b[n] = Math.max(0, (availableB - consumedB) / keep);
            i[n] = (i[n] + flush * inI + h * r2) / keep;
            tracer[n] = (tracer[n] + flush * inT) / keep;
            inA = a[n];
            inB = b[n];
            inP = p[n];
            inI = i[n];
            inT = tracer[n];
        }
    }

    private static double maxOf(double[] values) {
        double max = 0;
        for (double v : values) {
            max = Math.max(max, v);
        }
        return max;
    }

    public Composition outlet() {
        return tank(tanks - 1);
    }

    public Composition tank(int index) {
        return new Composition(a[index], b[index], p[index], i[index]);
    }

    public double outletTracer() {
        return tracer[tanks - 1];
    }
}
