package org.flowpat.config.scenario;

import java.util.List;
import org.flowpat.config.validation.Validatable;
import org.flowpat.config.validation.Validation;

/**
 * A fault scenario file ({@code config/scenarios/<name>.yaml}): a name, what it demonstrates, how long a run
 * should last to see it through (simulated minutes), and the faults it injects.
 */
public record Scenario(String name, String description, Double runMin, List<ScenarioFault> faults)
        implements Validatable {
    public Scenario {
        faults = faults == null ? List.of() : List.copyOf(faults);
    }

    /** A scenario without faults. */
    public static Scenario nominal() {
        return new Scenario("nominal", "No faults: the line starts up and runs at its nominal operating point.", 60.0,
                List.of());
    }

    @Override
    public void validate(Validation v) {
        v.identifier("name", name);
        v.positive("runMin", runMin);
        v.unique("faults", faults, ScenarioFault::id, "id");
        v.each("faults", faults);
        for (int k = 0; k < faults.size(); k++) {
            ScenarioFault f = faults.get(k);
            if (runMin != null && f.startMin() != null && f.startMin() >= runMin) {
                v.error("faults[" + k + "].startMin", "starts at " + f.startMin() + " min, after the run ends ("
                        + runMin + " min)");
            }
        }
    }
}
