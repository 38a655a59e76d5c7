package org.flowpat.simulator.physics;

import java.util.List;
import org.flowpat.simulator.model.Fault;

/** The combined effect of the faults active at one moment on the physics (measurement faults are applied later). */
record FaultEffects(double p1Fraction, double p2Fraction, boolean p1Stalled, boolean p2Stalled, double feedAFactor,
                    double feedBFactor, double jacketOffsetC, double fouledFraction, double windowDepositAu,
                    boolean analyzerDroppedOut, boolean communicationLost) {

    static FaultEffects at(List<Fault> faults, double timeS) {
        double p1 = 1;
        double p2 = 1;
        boolean p1Stalled = false;
        boolean p2Stalled = false;
        double feedA = 1;
        double feedB = 1;
        double jacket = 0;
        double fouled = 0;
        double deposit = 0;
        boolean dropout = false;
        boolean commLost = false;
        for (Fault f : faults) {
            if (!f.activeAt(timeS)) {
                continue;
            }
            double ramp = FaultTargets.rampFraction(f, timeS);
            boolean pumpOne = "P1".equals(f.target());
            boolean feedAHit = "FA".equals(f.target());
            switch (f.type()) {
                case PUMP_DEGRADATION -> {
                    if (pumpOne) {
                        p1 *= 1 - f.magnitude() * ramp;
                    } else {
                        p2 *= 1 - f.magnitude() * ramp;
                    }
                }
                case PUMP_STOP -> {
                    if (pumpOne) {
                        p1Stalled = true;
                    } else {
                        p2Stalled = true;
                    }
                }
                case FEED_DRIFT -> {
                    if (feedAHit) {
                        feedA *= 1 + f.magnitude() * ramp;
                    } else {
                        feedB *= 1 + f.magnitude() * ramp;
                    }
                }
                case TEMPERATURE_EXCURSION -> jacket += f.magnitude();
                case FOULING -> fouled = Math.max(fouled, f.magnitude() * ramp);
                case ANALYZER_DRIFT -> deposit += f.magnitude() * ramp;
                case ANALYZER_DROPOUT -> dropout = true;
                case COMM_LOSS -> commLost = true;
                case STUCK_SENSOR, SPIKES -> {
                    // measurement faults: applied to the reported values, not the physics
                }
            }
        }
        return new FaultEffects(p1Stalled ? 0 : p1, p2Stalled ? 0 : p2, p1Stalled, p2Stalled, feedA, feedB, jacket,
                fouled, deposit, dropout, commLost);
    }
}
