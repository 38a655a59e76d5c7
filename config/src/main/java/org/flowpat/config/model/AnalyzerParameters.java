package org.flowpat.config.model;

import org.flowpat.config.validation.Validatable;
import org.flowpat.config.validation.Validation;

/** The inline spectrometer: measurement interval, lag, noise and its wavelength axis. */
public record AnalyzerParameters(Double intervalS, Double lagS, Double noiseAbsorbance, Double wavelengthStartNm,
                                 Double wavelengthEndNm, Integer points) implements Validatable {
    @Override
    public void validate(Validation v) {
        v.required("intervalS", intervalS);
        v.positive("intervalS", intervalS);
        v.required("lagS", lagS);
        v.check(lagS == null || lagS >= 0, "lagS", "must not be negative");
        v.required("noiseAbsorbance", noiseAbsorbance);
        v.check(noiseAbsorbance == null || noiseAbsorbance >= 0, "noiseAbsorbance", "must not be negative");
        v.required("wavelengthStartNm", wavelengthStartNm);
        v.required("wavelengthEndNm", wavelengthEndNm);
        v.check(wavelengthStartNm == null || wavelengthEndNm == null || wavelengthEndNm > wavelengthStartNm,
                "wavelengthEndNm", "must be greater than wavelengthStartNm");
        v.required("points", points);
        v.check(points == null || points >= 2, "points", "must be at least 2");
    }
}
