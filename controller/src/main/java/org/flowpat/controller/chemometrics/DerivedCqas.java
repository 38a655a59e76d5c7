package org.flowpat.controller.chemometrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The analyzer's CQAs from concentrations, computed the way the analyzer computes its own (A, P and I all come from
 * A, so their sum is the A fed): conversion = (P+I)/(A+P+I), purity = P/(A+P+I), impurity = I/(A+P+I), in %.
 * Negative predictions are taken as 0 first, and liquid with almost no A-derived material (solvent) gives 0, as
 * the analyzer reports it.
 */
final class DerivedCqas {
    /** Below this much A-derived material (mol/L) the ratios are meaningless (the analyzer's own threshold). */
    static final double MIN_A_DERIVED_MOL_L = 1e-3;

    private final int a;
    private final int p;
    private final int i;

    private DerivedCqas(int a, int p, int i) {
        this.a = a;
        this.p = p;
        this.i = i;
    }

    /** The derivation for a model predicting {@code responses}, or null when it lacks A, P or I. */
    static DerivedCqas forResponses(List<String> responses) {
        int a = responses.indexOf("A");
        int p = responses.indexOf("P");
        int i = responses.indexOf("I");
        return a < 0 || p < 0 || i < 0 ? null : new DerivedCqas(a, p, i);
    }

    Map<String, Double> of(double[] concentrations) {
        double ca = Math.max(0, concentrations[a]);
        double cp = Math.max(0, concentrations[p]);
        double ci = Math.max(0, concentrations[i]);
        double total = ca + cp + ci;
        boolean solvent = total < MIN_A_DERIVED_MOL_L;
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("conversion", solvent ? 0 : 100 * (cp + ci) / total);
        out.put("purity", solvent ? 0 : 100 * cp / total);
        out.put("impurity", solvent ? 0 : 100 * ci / total);
        return out;
    }
}
