package org.flowpat.config.model;

import org.flowpat.config.validation.Validatable;
import org.flowpat.config.validation.Validation;

/**
 * The physical and chemical parameters of a line: what the simulator computes with and what the
 * controller's residence-time model needs (volumes, kinetics, feeds, analyzer behaviour).
 */
public record Process(ReactorParameters reactor, FeedParameters feedA, FeedParameters feedB,
                      KineticsParameters kinetics, AnalyzerParameters analyzer,
                      Double densityGPerMl, Double analyzerToDiverterVolumeMl, Double pumpTimeConstantS)
        implements Validatable {

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
    }
}
