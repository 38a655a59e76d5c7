package org.flowpat.config;

import static org.flowpat.config.Fixtures.error;
import static org.flowpat.config.Fixtures.errors;
import static org.flowpat.config.Fixtures.variantErrors;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.flowpat.config.model.Plant;
import org.junit.jupiter.api.Test;

/** The plant model's own rules, each reported at the line of its key. */
class PlantValidationTest {
    @Test
    void theMinimalFixtureIsValid() throws ConfigException {
        Plant plant = ConfigLoader.load(Fixtures.plant("minimal.yaml"), Plant.class);
        assertEquals("Test plant", plant.name());
        assertEquals(List.of("P1", "AT1"), plant.line("L1").units().stream().map(u -> u.id()).toList());
    }

    @Test
    void missingRequiredFieldIsReportedAtItsParent() {
        assertEquals(List.of(error("missing-required.yaml", 18, "lines[0].units[0].name",
                        "is required and must not be blank")),
                errors("missing-required.yaml"));
    }

    @Test
    void rangeMaxMustExceedMin() {
        assertEquals(List.of(error("range-max-le-min.yaml", 25, "lines[0].units[0].signals[0].range.max",
                        "must be greater than min")),
                errors("range-max-le-min.yaml"));
    }

    @Test
    void normalRangeMustLieInsideTheInstrumentRange() {
        assertEquals(List.of(error("normal-outside-range.yaml", 26, "lines[0].units[0].signals[0].normal",
                        "must lie inside range [0.0, 10.0]")),
                errors("normal-outside-range.yaml"));
    }

    @Test
    void duplicateUnitIdNamesTheFirstOne() {
        assertEquals(List.of(error("duplicate-unit-id.yaml", 37, "lines[0].units[2].id",
                        "duplicate id 'P1' (first at lines[0].units[0])")),
                errors("duplicate-unit-id.yaml"));
    }

    @Test
    void idMustBeAnIdentifier() {
        assertEquals(List.of(error("bad-identifier.yaml", 18, "lines[0].units[0].id",
                        "'P 1' is not an identifier (a letter, then letters, digits, '_' or '-')")),
                errors("bad-identifier.yaml"));
    }

    @Test
    void cqaMustReferToAnExistingSignal() {
        assertEquals(List.of(error("cqa-missing-signal.yaml", 40, "lines[0].cqas[0].signal",
                        "no signal 'AT1.purty' in this line (expected UNIT.signal)")),
                errors("cqa-missing-signal.yaml"));
    }

    @Test
    void specUslMustExceedLsl() {
        assertEquals(List.of(error("spec-usl-le-lsl.yaml", 42, "lines[0].cqas[0].spec.usl", "must be greater than lsl")),
                errors("spec-usl-le-lsl.yaml"));
    }

    @Test
    void opcUaSecurityPolicyAndModeMustAgree() {
        assertEquals(List.of(error("opcua-security-mismatch.yaml", 10, "lines[0].opcua.securityMode",
                        "must be None exactly when securityPolicy is None")),
                errors("opcua-security-mismatch.yaml"));
    }

    @Test
    void twoSignalsOnOneNodeIdAreRefused() {
        assertEquals(List.of("variant.yaml:36: lines[0].units[1].signals[0].nodeId: duplicate nodeId"
                        + " 'ns=2;s=L1.P1.flow' (first at lines[0].units[0].signals[0].nodeId)"),
                variantErrors("nodeId: \"ns=2;s=L1.AT1.purity\"", "nodeId: \"ns=2;s=L1.P1.flow\""));
    }

    @Test
    void twoSignalsOnOnePlcTagAreRefused() {
        assertEquals(List.of("variant.yaml:36: lines[0].units[1].signals[0].plcTag: duplicate plcTag"
                        + " 'input-register:1:REAL' (first at lines[0].units[0].signals[0].plcTag)"),
                variantErrors("nodeId: \"ns=2;s=L1.P1.flow\"", "plcTag: input-register:1:REAL",
                        "nodeId: \"ns=2;s=L1.AT1.purity\"", "plcTag: input-register:1:REAL"));
    }

    @Test
    void modbusTagsMustBePlc4xAddressesCountedFromOne() {
        assertEquals(List.of("variant.yaml:27: lines[0].units[0].signals[0].plcTag: 'holding-register:0:REAL' is not"
                        + " a PLC4X Modbus tag (e.g. holding-register:1:REAL; addresses start at 1)"),
                variantErrors(MODBUS_PLC, MODBUS_PLC_REPLACEMENT,
                        "nodeId: \"ns=2;s=L1.P1.flow\"", "plcTag: holding-register:0:REAL"));
    }

    @Test
    void wellFormedModbusTagsPass() {
        for (String tag : List.of("coil:1", "discrete-input:12", "input-register:3:REAL", "holding-register:5:REAL[2]",
                "4x00001", "extended-register:7:DINT")) {
            assertEquals(List.of(), variantErrors(MODBUS_PLC, MODBUS_PLC_REPLACEMENT,
                    "nodeId: \"ns=2;s=L1.P1.flow\"", "plcTag: \"" + tag + "\""), tag);
        }
    }

    @Test
    void aWritableSignalCannotSitOnAReadOnlyModbusRegister() {
        assertEquals(List.of("variant.yaml:27: lines[0].units[0].signals[0].plcTag: a SETPOINT signal cannot be written"
                        + " through read-only 'input-register:1:REAL'; use a holding-register or coil"),
                variantErrors(MODBUS_PLC, MODBUS_PLC_REPLACEMENT, "name: Pump flow", "name: Pump flow setpoint",
                        "            unit: mL/min", "            kind: SETPOINT",
                        "nodeId: \"ns=2;s=L1.P1.flow\"", "plcTag: input-register:1:REAL"));
    }

    @Test
    void specLimitsMustLieInsideTheSignalsRange() {
        assertEquals(List.of("variant.yaml:42: lines[0].cqas[0].spec.lsl: 101.0 lies outside the range [0.0, 100.0]"
                        + " of signal AT1.purity"),
                variantErrors("{lsl: 97, target: 98.5}", "{lsl: 101}"));
    }

    /** Two lines of minimal.yaml turned into two lines that add a Modbus PLC connection. */
    private static final String MODBUS_PLC = "    opcua:\n      endpoint: opc.tcp://127.0.0.1:4840/test";
    private static final String MODBUS_PLC_REPLACEMENT =
            "    plc: {connection: \"modbus-tcp://127.0.0.1:5020\"}\n    opcua: {endpoint: \"opc.tcp://127.0.0.1:4840/test\"}";

    @Test
    void nodeIdMustParseAsAnOpcUaNodeId() {
        assertEquals(List.of("variant.yaml:27: lines[0].units[0].signals[0].nodeId: 'L1.P1.flow' is not an OPC UA"
                        + " node id (ns=2;s=Name, nsu=urn:...;s=Name, i=123, g=..., b=...)"),
                variantErrors("\"ns=2;s=L1.P1.flow\"", "\"L1.P1.flow\""));
    }

    @Test
    void cqaUnitMustMatchItsSignal() {
        assertEquals(List.of("variant.yaml:41: lines[0].cqas[0].unit: 'mol/L' differs from the unit '%' of signal AT1.purity"),
                variantErrors("        unit: \"%\"\n        spec", "        unit: mol/L\n        spec"));
    }

    @Test
    void endpointNeedsAHost() {
        assertEquals(List.of("variant.yaml:8: lines[0].opcua.endpoint: 'opc.tcp:///test' is not a URL with a host"
                        + " (opc.tcp://host:port/path)"),
                variantErrors("opc.tcp://127.0.0.1:4840/test", "opc.tcp:///test"));
    }

    @Test
    void everyErrorIsReportedAtOnceInLineOrder() {
        String f = "several-errors.yaml";
        assertEquals(List.of(
                error(f, 3, "name", "is required and must not be blank"),
                error(f, 9, "lines[0].opcua.timeoutMs", "unknown key 'timeoutMs' (known keys: endpoint, securityPolicy,"
                        + " securityMode, username, password, publishingIntervalMs)"),
                error(f, 23, "lines[0].units[0].signals[0].id",
                        "'flow rate' is not an identifier (a letter, then letters, digits, '_' or '-')"),
                error(f, 26, "lines[0].units[0].signals[0].range.max", "must be greater than min"),
                error(f, 38, "lines[0].units[2].id", "duplicate id 'P1' (first at lines[0].units[0])")),
                errors(f));
    }

    @Test
    void theExceptionMessageHasOneErrorPerLine() {
        ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
                () -> ConfigLoader.load(Fixtures.plant("several-errors.yaml"), Plant.class));
        assertEquals(e.errors().size(), e.getMessage().lines().count());
        assertEquals(e.errors().get(0).toString(), e.getMessage().lines().findFirst().orElseThrow());
    }
}
