package org.flowpat.simulator.physics;

import java.util.HashMap;
import java.util.Map;

/**
 * The signals the simulated line produces or accepts, by their plant-file reference. The unit ids are those of
 * the example plant (FA, FB, P1, P2, R1, AT1, BPR1, DV1, PV, WV). {@code AT1.spectrum} is an array: read it with
 * {@code spectrum()}; its scalar value is NaN.
 */
public enum LineSignal {
    FA_MASS("FA.mass"), FB_MASS("FB.mass"),
    P1_FLOW("P1.flow"), P1_FLOW_SETPOINT("P1.flowSetpoint"), P1_SPEED("P1.speed"), P1_RUNNING("P1.running"),
    P2_FLOW("P2.flow"), P2_FLOW_SETPOINT("P2.flowSetpoint"), P2_SPEED("P2.speed"), P2_RUNNING("P2.running"),
    R1_TEMPERATURE("R1.temperature"), R1_JACKET_TEMPERATURE("R1.jacketTemperature"),
    R1_JACKET_SETPOINT("R1.jacketSetpoint"), R1_PRESSURE("R1.pressure"), R1_RESIDENCE_TIME("R1.residenceTime"),
    AT1_CONVERSION("AT1.conversion"), AT1_PURITY("AT1.purity"), AT1_IMPURITY("AT1.impurity"),
    AT1_PRODUCT_CONCENTRATION("AT1.productConcentration"), AT1_SPECTRUM("AT1.spectrum"),
    BPR1_PRESSURE("BPR1.pressure"), BPR1_SETPOINT("BPR1.setpoint"),
    DV1_POSITION("DV1.position"), DV1_COMMAND("DV1.command"),
    PV_MASS("PV.mass"), WV_MASS("WV.mass");

    private static final Map<String, LineSignal> BY_REF = new HashMap<>();

    static {
        for (LineSignal s : values()) {
            BY_REF.put(s.ref, s);
        }
    }

    private final String ref;

    LineSignal(String ref) {
        this.ref = ref;
    }

    public String ref() {
        return ref;
    }

    /** Reported by the analyzer: carries the analyzer's status and its scan time. */
    public boolean fromAnalyzer() {
        return ref.startsWith("AT1.");
    }

    /** The signal with this reference, or null. */
    public static LineSignal byRef(String ref) {
        return ref == null ? null : BY_REF.get(ref);
    }
}
