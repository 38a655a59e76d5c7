package org.flowpat.simulator.engine;

import java.util.List;
import org.flowpat.config.scenario.Scenario;
import org.flowpat.config.scenario.ScenarioFault;
import org.flowpat.simulator.model.Fault;
import org.flowpat.simulator.model.FaultType;

/** Turns a scenario file's faults into the simulator's {@link Fault}s for one line. */
public final class ScenarioFaults {
    private ScenarioFaults() {
    }

    /** The faults of {@code scenario} that hit line {@code lineId} (those without a line hit every line). */
    public static List<Fault> forLine(Scenario scenario, String lineId) {
        return scenario.faults().stream()
                .filter(f -> f.line() == null || f.line().equals(lineId))
                .map(ScenarioFaults::toFault)
                .toList();
    }

    static Fault toFault(ScenarioFault f) {
        return new Fault(f.id(), FaultType.valueOf(f.type()), f.target(), f.magnitude(), f.startS(), f.durationS());
    }
}
