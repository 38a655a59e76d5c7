package org.flowpat.config.model;

import java.util.List;
import org.flowpat.config.validation.Validatable;
import org.flowpat.config.validation.Validation;

/**
 * How non-conforming material is diverted (ICH Q13). Start-up material goes to waste until every CQA has been
 * known good for {@code startupResidenceTimes} reactor residence times. A disturbance window catches
 * {@code capture} of the disturbed material per the RTD model, widened by {@code marginS} on both sides.
 * The transfer line from analyzer to diverter is plug flow with axial dispersion of Péclet number
 * {@code transferPeclet}. An excursion seen by the analyzer is dated back by {@code analyzerLookbackS} (the
 * analyzer's lag, scan interval and detection time). Activation of an alarm in {@code upstreamAlarms} is a
 * process disturbance upstream of the reactor, to which the reactor's RTD applies.
 */
public record DiversionSettings(Double startupResidenceTimes, Double capture, Double marginS, Double transferPeclet,
                                Double analyzerLookbackS, List<String> upstreamAlarms) implements Validatable {
    public DiversionSettings {
        startupResidenceTimes = startupResidenceTimes == null ? 1.0 : startupResidenceTimes;
        capture = capture == null ? 0.999 : capture;
        marginS = marginS == null ? 5.0 : marginS;
        transferPeclet = transferPeclet == null ? 100.0 : transferPeclet;
        analyzerLookbackS = analyzerLookbackS == null ? 20.0 : analyzerLookbackS;
        upstreamAlarms = upstreamAlarms == null ? List.of() : List.copyOf(upstreamAlarms);
    }

    /** Defaults throughout. */
    public static DiversionSettings defaults() {
        return new DiversionSettings(null, null, null, null, null, null);
    }

    @Override
    public void validate(Validation v) {
        v.check(startupResidenceTimes >= 0 && Double.isFinite(startupResidenceTimes), "startupResidenceTimes",
                "must be a finite number >= 0");
        v.check(capture > 0 && capture < 1, "capture", "must be in (0, 1), e.g. 0.999");
        v.check(marginS >= 0 && Double.isFinite(marginS), "marginS", "must be a finite number >= 0");
        v.positive("transferPeclet", transferPeclet);
        v.check(analyzerLookbackS >= 0 && Double.isFinite(analyzerLookbackS), "analyzerLookbackS",
                "must be a finite number >= 0");
    }
}
