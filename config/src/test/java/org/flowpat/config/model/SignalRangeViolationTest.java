package org.flowpat.config.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The one wording every setpoint writer (HMI, setpoint service, loops, acquisition) gives a value it refuses. */
class SignalRangeViolationTest {
    private final Signal jacket = new Signal("jacketSetpoint", "Jacket temperature setpoint", SignalKind.SETPOINT, "°C",
            new Range(0.0, 150.0), null, "ns=2;s=x", null, null, null);

    @Test
    void aValueInsideTheRangeIncludingItsEndsIsAccepted() {
        assertNull(jacket.rangeViolation("R1.jacketSetpoint", 0.0));
        assertNull(jacket.rangeViolation("R1.jacketSetpoint", 150.0));
    }

    @Test
    void aValueOutsideNamesTheRangeTheUnitAndTheSignal() {
        assertEquals("150.5 lies outside the range [0.0, 150.0] °C of R1.jacketSetpoint",
                jacket.rangeViolation("R1.jacketSetpoint", 150.5));
    }

    @Test
    void aNonFiniteValueIsRefusedEvenWithoutARange() {
        Signal command = new Signal("command", "Diverter command", SignalKind.COMMAND, null, null, null, "ns=2;s=y", null,
                null, null);
        assertEquals("a value for DV1.command must be a finite number, not NaN", command.rangeViolation("DV1.command", Double.NaN));
        assertNull(command.rangeViolation("DV1.command", 1.0), "no range: any finite value");
    }
}
