package org.flowpat.app.demo;

import java.util.ArrayList;
import java.util.List;
import org.flowpat.config.model.Line;
import org.flowpat.config.model.Plant;
import org.flowpat.simulator.server.SimulatorServer;

/** The plant as the demo's controller sees it: every simulated line (replicas too) at the simulator's real ports. */
public final class DemoPlant {
    private DemoPlant() {
    }

    public static Plant of(Plant bundled, SimulatorServer simulator) {
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < simulator.lines().size(); i++) {
            Line config = simulator.lines().get(i).config();
            // Modbus unit identifier N serves line LN (docs/simulator.md).
            lines.add(config.withEndpoints(simulator.opcUaEndpoint(),
                    simulator.modbusUrl() + "?default-unit-identifier=" + (i + 1)));
        }
        return new Plant(bundled.name(), lines, bundled.users());
    }
}
