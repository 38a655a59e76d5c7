package org.flowpat.config.model;

import java.util.List;
import org.flowpat.config.validation.Validatable;
import org.flowpat.config.validation.Validation;

/**
 * How a line's production is cut into lots (ICH Q13: by run time, output quantity or input quantity): by
 * {@code TIME} ({@code size} in minutes of production), by {@code MASS} collected in the product vessel
 * ({@code size} in grams of {@code productMass}) or by {@code INPUT} quantity of reagents fed ({@code size} in grams:
 * the fall of the {@code inputMasses} feed-vessel scales). Lot ids are {@code idPrefix}, the line id and the
 * lot's start time (UTC, on the data's clock), e.g. {@code LOT-L1-20261122-041200}: unique without a counter to
 * recover after a restart. The mass signals are the scales the lot's material balance is taken from.
 *
 * @param productMass  the product vessel's scale, {@code UNIT.signal}
 * @param wasteMass    the waste vessel's scale (diverted material), {@code UNIT.signal}
 * @param inputMasses  the feed vessels' scales, whose fall is the input fed
 * @param contextNodeId the OPC UA node (a String variable, e.g. the analyzer's ADI {@code Context.LotID}) the id of
 *                      the open lot is written to, so the analyzer's own records carry it; absent: none
 */
public record LotSettings(LotBasis by, Double size, String idPrefix, String productMass, String wasteMass,
                          List<String> inputMasses, String contextNodeId) implements Validatable {
    public LotSettings {
        by = by == null ? LotBasis.TIME : by;
        size = size == null ? 60.0 : size;
        idPrefix = idPrefix == null ? "LOT" : idPrefix;
        inputMasses = inputMasses == null ? null : List.copyOf(inputMasses);
    }

    public LotSettings(LotBasis by, Double size, String idPrefix, String productMass, String wasteMass,
                       List<String> inputMasses) {
        this(by, size, idPrefix, productMass, wasteMass, inputMasses, null);
    }

    /** These settings writing the open lot's id to another node (a replicated line's own). */
    public LotSettings withContextNodeId(String nodeId) {
        return new LotSettings(by, size, idPrefix, productMass, wasteMass, inputMasses, nodeId);
    }

    /** The product vessel's scale: {@code productMass}, or {@code PV.mass} when not given. */
    public String productMassSignal() {
        return productMass != null ? productMass : "PV.mass";
    }

    /** The waste vessel's scale: {@code wasteMass}, or {@code WV.mass} when not given. */
    public String wasteMassSignal() {
        return wasteMass != null ? wasteMass : "WV.mass";
    }

    /** The feed vessels' scales: {@code inputMasses}, or {@code FA.mass} and {@code FB.mass} when not given. */
    public List<String> inputMassSignals() {
        return inputMasses != null ? inputMasses : List.of("FA.mass", "FB.mass");
    }

    public static LotSettings defaults() {
        return new LotSettings(null, null, null, null, null, null, null);
    }

    /** The lot size as a duration, for {@link LotBasis#TIME} lots. */
    public long sizeNanos() {
        return Math.round(size * 60e9);
    }

    @Override
    public void validate(Validation v) {
        v.positive("size", size);
        v.identifier("idPrefix", idPrefix);
        v.check(inputMasses == null || !inputMasses.isEmpty(), "inputMasses", "needs at least one feed-vessel mass signal");
        v.check(contextNodeId == null || !contextNodeId.isBlank(), "contextNodeId", "must be an OPC UA node id, e.g. "
                + "\"nsu=urn:flowpat:simulator;s=L1.AT1.Channel1.Stream1.Context.LotID\", or left out");
    }

    /**
     * Every mass signal named here exists in {@code line}, and so does the default scale a MASS or INPUT lot size is
     * measured on; keys are reported as {@code lots.<key>}. A line without the default scales may leave them out:
     * its lots then carry no masses.
     */
    public void validateReferences(Validation v, Line line) {
        if (productMass != null || by == LotBasis.MASS) {
            exists(v, line, productMass != null ? "lots.productMass" : "lots.by", productMassSignal());
        }
        if (wasteMass != null) {
            exists(v, line, "lots.wasteMass", wasteMass);
        }
        List<String> inputs = inputMassSignals();
        if (inputMasses != null || by == LotBasis.INPUT) {
            for (int i = 0; i < inputs.size(); i++) {
                exists(v, line, inputMasses != null ? "lots.inputMasses[" + i + "]" : "lots.by", inputs.get(i));
            }
        }
    }

    private static void exists(Validation v, Line line, String key, String ref) {
        v.check(line.signal(ref).isPresent(), key, "no signal '" + ref + "' in this line (expected UNIT.signal)");
    }
}
