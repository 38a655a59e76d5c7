package org.flowpat.app.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.flowpat.config.Plants;
import org.flowpat.controller.api.AuditActions;
import org.flowpat.controller.api.AuditEntry;
import org.flowpat.controller.api.FaultRequest;
import org.flowpat.controller.api.FaultResult;
import org.flowpat.controller.api.HmiAddresses;
import org.flowpat.controller.audit.AuditService;
import org.flowpat.controller.audit.AuditTrail;
import org.flowpat.controller.audit.AuditTrailFile;
import org.flowpat.controller.audit.HistorianCopy;
import org.flowpat.simulator.engine.EngineSettings;
import org.flowpat.simulator.engine.SimulationEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fault injected from the demo's simulator panel is on record: who, which fault, where, how strong and how long. */
class SimulatorFaultAuditTest {
    @TempDir
    Path dir;

    @Test
    void anInjectedFaultLeavesAnAuditEntry() throws Exception {
        SimulationEngine engine = new SimulationEngine(Plants.bundled(), null, EngineSettings.defaults());
        Vertx vertx = Vertx.vertx();
        try {
            vertx.deployVerticle(new AuditService(dir, HistorianCopy.NONE, null),
                    new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER)).await(10, TimeUnit.SECONDS);
            vertx.deployVerticle(new SimulatorFaultService(engine.line("L1"))).await(10, TimeUnit.SECONDS);
            FaultResult result = FaultResult.fromJson(vertx.eventBus().<JsonObject>request(HmiAddresses.SIMULATOR_FAULTS,
                    new FaultRequest("temperature-excursion", "R1", 8.0, 120, "erik").toJson()).await(10, TimeUnit.SECONDS).body());

            List<AuditEntry> entries = AuditTrailFile.read(dir.resolve(AuditTrail.FILE_NAME)).entries();
            assertEquals(1, entries.size());
            AuditEntry e = entries.get(0);
            assertEquals("erik", e.user());
            assertEquals(AuditActions.SIMULATOR_FAULT, e.action());
            assertEquals("L1", e.line());
            assertEquals("R1", e.target());
            assertEquals("TEMPERATURE_EXCURSION magnitude 8.0 for 120.0 s", e.newValue());
            assertTrue(e.reason().contains(result.faultId()), e.reason());
        } finally {
            vertx.close().await(10, TimeUnit.SECONDS);
            engine.close();
        }
    }
}
