package org.flowpat.config.model;

import org.flowpat.config.validation.Validatable;
import org.flowpat.config.validation.Validation;

/**
 * The control charts of one CQA: I-MR with run rules ({@code NELSON}, {@code WESTERN_ELECTRIC} or {@code NONE}),
 * EWMA and CUSUM. Phase I limits are either given ({@code center} and {@code sigma}) or estimated from the first
 * {@code phaseOneSamples} good samples after the CQA has been in specification for {@code settleSamples} samples
 * in a row (steady state). {@code divertGuardBand} (engineering units) tightens the spec for diversion: a value
 * closer than this to a spec limit is not known good.
 */
public record ChartSettings(String cqa, String rules, Double center, Double sigma, Integer phaseOneSamples,
                            Integer settleSamples, Double ewmaLambda, Double ewmaL, Double cusumK, Double cusumH,
                            Double divertGuardBand) implements Validatable {
    public ChartSettings {
        rules = rules == null ? "NELSON" : rules;
        phaseOneSamples = phaseOneSamples == null ? 60 : phaseOneSamples;
        settleSamples = settleSamples == null ? 60 : settleSamples;
        ewmaLambda = ewmaLambda == null ? 0.2 : ewmaLambda;
        ewmaL = ewmaL == null ? 3.0 : ewmaL;
        cusumK = cusumK == null ? 0.5 : cusumK;
        cusumH = cusumH == null ? 5.0 : cusumH;
        divertGuardBand = divertGuardBand == null ? 0.0 : divertGuardBand;
    }

    @Override
    public void validate(Validation v) {
        v.identifier("cqa", cqa);
        v.oneOf("rules", rules, "NELSON", "WESTERN_ELECTRIC", "NONE");
        v.check((center == null) == (sigma == null), "sigma", "give both center and sigma, or neither (then phase I estimates them)");
        v.finite("center", center);
        v.positive("sigma", sigma);
        v.check(phaseOneSamples >= 10, "phaseOneSamples", "must be at least 10");
        v.check(settleSamples >= 0, "settleSamples", "must not be negative");
        v.check(ewmaLambda > 0 && ewmaLambda <= 1, "ewmaLambda", "must be in (0, 1]");
        v.positive("ewmaL", ewmaL);
        v.check(cusumK >= 0 && Double.isFinite(cusumK), "cusumK", "must be a finite number >= 0");
        v.positive("cusumH", cusumH);
        v.check(divertGuardBand >= 0 && Double.isFinite(divertGuardBand), "divertGuardBand", "must be a finite number >= 0");
    }
}
