package org.flowpat.controller.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import org.flowpat.controller.api.LoopCommand;
import org.flowpat.controller.api.LoopCommandResult;
import org.flowpat.controller.api.LoopMode;
import org.flowpat.controller.api.LoopStatus;
import org.junit.jupiter.api.Test;

/** The loop messages as they travel between HMI and controller: JSON objects, optional fields left out. */
class LoopCommandJsonTest {

    @Test
    void aCommandRoundTripsWithItsOptionalFieldsLeftOut() {
        LoopCommand full = new LoopCommand("L1", "jacket-tic", LoopMode.MANUAL, 81.5, 60.0, "bob", "sampling");
        assertEquals(full, LoopCommand.fromJson(full.toJson()));
        LoopCommand modeOnly = LoopCommand.fromJson(new JsonObject().put("line", "L1").put("loop", "jacket-tic")
                .put("mode", "auto").put("user", "bob").put("reason", "r"));
        assertEquals(LoopMode.AUTO, modeOnly.mode(), "case-insensitive");
        assertNull(modeOnly.setpoint());
        assertNull(modeOnly.output());
        assertEquals(83.0, LoopCommand.fromJson(new JsonObject().put("setpoint", 83)).setpoint(), "an integer is a number");
    }

    @Test
    void aBadModeOrNumberIsRefusedNamingTheField() {
        IllegalArgumentException mode = assertThrows(IllegalArgumentException.class,
                () -> LoopCommand.fromJson(new JsonObject().put("mode", "CRUISE")));
        assertTrue(mode.getMessage().startsWith("mode:"), mode.getMessage());
        IllegalArgumentException setpoint = assertThrows(IllegalArgumentException.class,
                () -> LoopCommand.fromJson(new JsonObject().put("setpoint", "hot")));
        assertTrue(setpoint.getMessage().startsWith("setpoint:"), setpoint.getMessage());
    }

    @Test
    void statusAndResultRoundTripBeforeTheFirstMeasurementToo() {
        LoopStatus cold = new LoopStatus("L1", "jacket-tic", LoopMode.MANUAL, 80, null, null, null, 0);
        assertEquals(cold, LoopStatus.fromJson(cold.toJson()));
        LoopStatus running = new LoopStatus("L1", "jacket-tic", LoopMode.AUTO, 83, 80.25, 92.5, "GOOD", 1_763_000_000_000_000_000L);
        LoopCommandResult accepted = new LoopCommandResult(true, null, "AUTO", running);
        assertEquals(accepted, LoopCommandResult.fromJson(accepted.toJson()));
        LoopCommandResult refused = LoopCommandResult.refused("loop", "no loop 'x' on line L1", null);
        assertEquals(refused, LoopCommandResult.fromJson(refused.toJson()));
    }
}
