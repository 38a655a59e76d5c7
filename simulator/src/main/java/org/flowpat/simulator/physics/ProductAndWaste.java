package org.flowpat.simulator.physics;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowpat.config.model.Cqa;
import org.flowpat.config.model.Spec;

/**
 * The product and waste vessels and the books no real plant has: how much truly off-spec material reached the
 * product vessel and how much in-spec material went to waste, judged against the line's CQA specs.
 */
final class ProductAndWaste {
    private final double density;
    /** The CQA specs by signal, looked up once: offSpec runs for every piece of liquid in every step. */
    private final Map<LineSignal, Spec> specByKnownSignal = new EnumMap<>(LineSignal.class);
    private double productG;
    private double wasteG;
    private double offSpecToProductG;
    private double inSpecToWasteG;

    ProductAndWaste(List<Cqa> cqas, double densityGPerMl) {
        this.density = densityGPerMl;
        Map<String, Spec> specBySignal = new LinkedHashMap<>(); // a signal named twice keeps its last spec
        for (Cqa cqa : cqas) {
            specBySignal.put(cqa.signal(), cqa.spec());
        }
        specBySignal.forEach((ref, spec) -> {
            LineSignal signal = LineSignal.byRef(ref);
            if (signal != null) { // others measure no CQA (NaN), which offSpec skips anyway
                specByKnownSignal.put(signal, spec);
            }
        });
    }

    /** Liquid arriving in a vessel; only its volume counts here, so the scales do not depend on the chemistry. */
    void receive(Diverter.Position vessel, double volumeMl) {
        if (vessel == Diverter.Position.PRODUCT) {
            productG += volumeMl * density;
        } else {
            wasteG += volumeMl * density;
        }
    }

    /** Books the quality of {@code volumeMl} of {@code composition} that went to {@code vessel}. */
    void judge(Diverter.Position vessel, Composition composition, double volumeMl) {
        if (volumeMl <= 0) {
            return;
        }
        boolean offSpec = offSpec(composition);
        if (vessel == Diverter.Position.PRODUCT && offSpec) {
            offSpecToProductG += volumeMl * density;
        } else if (vessel == Diverter.Position.WASTE && !offSpec) {
            inSpecToWasteG += volumeMl * density;
        }
    }

    /** Whether liquid of this true composition breaks any CQA spec of the line. */
    boolean offSpec(Composition c) {
        for (Map.Entry<LineSignal, Spec> e : specByKnownSignal.entrySet()) {
            double value = trueCqa(e.getKey(), c);
            if (!Double.isNaN(value) && !e.getValue().conforms(value)) {
                return true;
            }
        }
        return false;
    }

    /** The true value of the CQA an analyzer signal measures, NaN for signals that measure no CQA. */
    static double trueCqa(String signalRef, Composition c) {
        LineSignal s = LineSignal.byRef(signalRef);
        return s == null ? Double.NaN : trueCqa(s, c);
    }

    private static double trueCqa(LineSignal s, Composition c) {
        return switch (s) {
            case AT1_CONVERSION -> c.conversionPct();
            case AT1_PURITY -> c.purityPct();
            case AT1_IMPURITY -> c.impurityPct();
            case AT1_PRODUCT_CONCENTRATION -> c.p();
            default -> Double.NaN;
        };
    }

    double productG() {
        return productG;
    }

    double wasteG() {
        return wasteG;
    }

    double offSpecToProductG() {
        return offSpecToProductG;
    }

    double inSpecToWasteG() {
        return inSpecToWasteG;
    }
}
