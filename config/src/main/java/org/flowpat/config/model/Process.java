package org.flowpat.config.model;

import org.flowpat.config.validation.Validatable;
import org.flowpat.config.validation.Validation;

/**
 * The physical and chemical parameters of a line: what the simulator computes with and what the
 * controller's residence-time model needs (volumes, kinetics, feeds, analyzer behaviour), and the nominal
 * operating point the line starts at.
 */
public record Process(ReactorParameters reactor, FeedParameters feedA, FeedParameters feedB,
                      KineticsParameters kinetics, AnalyzerParameters analyzer,
                      Double densityGPerMl, Double analyzerToDiverterVolumeMl, Double pumpTimeConstantS,
                      OperatingPoint nominal)
        implements Validatable {

    public Process {
        pumpTimeConstantS = pumpTimeConstantS == null ? 2.0 : pumpTimeConstantS;
        nominal = nominal == null ? OperatingPoint.DEFAULT : nominal;
    }

    /** The form without a nominal operating point (it then takes {@link OperatingPoint#DEFAULT}). */
    public Process(ReactorParameters reactor, FeedParameters feedA, FeedParameters feedB, KineticsParameters kinetics,
                   AnalyzerParameters analyzer, Double densityGPerMl, Double analyzerToDiverterVolumeMl,
                   Double pumpTimeConstantS) {
        this(reactor, feedA, feedB, kinetics, analyzer, densityGPerMl, analyzerToDiverterVolumeMl, pumpTimeConstantS,
                null);
    }

    @Override
    public void validate(Validation v) {
        v.required("reactor", reactor);
        v.child("reactor", reactor);
        v.required("feedA", feedA);
        v.child("feedA", feedA);
        v.required("feedB", feedB);
        v.child("feedB", feedB);
        v.required("kinetics", kinetics);
        v.child("kinetics", kinetics);
        v.required("analyzer", analyzer);
        v.child("analyzer", analyzer);
        v.required("densityGPerMl", densityGPerMl);
        v.positive("densityGPerMl", densityGPerMl);
        v.required("analyzerToDiverterVolumeMl", analyzerToDiverterVolumeMl);
        v.positive("analyzerToDiverterVolumeMl", analyzerToDiverterVolumeMl);
        v.positive("pumpTimeConstantS", pumpTimeConstantS);
        v.child("nominal", nominal);
    }
}
