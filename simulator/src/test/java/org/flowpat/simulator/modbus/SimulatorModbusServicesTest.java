package org.flowpat.simulator.modbus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.digitalpetri.modbus.ExceptionCode;
import com.digitalpetri.modbus.exceptions.ModbusResponseException;
import com.digitalpetri.modbus.exceptions.UnknownUnitIdException;
import com.digitalpetri.modbus.pdu.ReadHoldingRegistersRequest;
import com.digitalpetri.modbus.pdu.ReadInputRegistersRequest;
import com.digitalpetri.modbus.pdu.WriteMultipleRegistersRequest;
import com.digitalpetri.modbus.pdu.WriteSingleCoilRequest;
import java.nio.ByteBuffer;
import java.util.List;
import org.flowpat.config.Plants;
import org.flowpat.config.model.Line;
import org.flowpat.simulator.model.Fault;
import org.flowpat.simulator.model.FaultType;
import org.flowpat.simulator.server.FakeLine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Modbus request handling on its own: exception codes, REAL layout, unit ids and communication loss. */
class SimulatorModbusServicesTest {
    FakeLine line;
    SimulatorModbusServices services;

    @BeforeEach
    void setUp() throws Exception {
        Line config = Plants.bundled().lines().get(0);
        line = new FakeLine(config);
        services = new SimulatorModbusServices(List.of(line));
    }

    static byte[] real(float value) {
        return ByteBuffer.allocate(4).putFloat(value).array();
    }

    int exceptionCode(ThrowingCall call) {
        return assertThrows(ModbusResponseException.class, call::run).getExceptionCode();
    }

    interface ThrowingCall {
        void run() throws Exception;
    }

    @Test
    void registersHoldRealsHighWordFirst() throws Exception {
        byte[] registers = services.readInputRegisters(null, 1, new ReadInputRegistersRequest(0, 2)).registers();
        assertEquals((float) line.value("P1.flow"), ByteBuffer.wrap(registers).getFloat());
        byte[] setpoints = services.readHoldingRegisters(null, 1, new ReadHoldingRegistersRequest(4, 2)).registers();
        assertEquals(80.0f, ByteBuffer.wrap(setpoints).getFloat(), "R1.jacketSetpoint at holding-register:5");
    }

    @Test
    void writesOutsideTheSignalRangeAreIllegalDataValue() {
        assertEquals(ExceptionCode.ILLEGAL_DATA_VALUE.getCode(), exceptionCode(() -> services.writeMultipleRegisters(null, 1,
                new WriteMultipleRegistersRequest(0, 2, real(11.0f)))));
        assertEquals(ExceptionCode.ILLEGAL_DATA_VALUE.getCode(), exceptionCode(() -> services.writeMultipleRegisters(null, 1,
                new WriteMultipleRegistersRequest(0, 2, real(Float.NaN)))));
        assertEquals(1.5, line.value("P1.flowSetpoint"));
    }

    @Test
    void partialUnmappedAndOutOfAreaAccessIsIllegalDataAddress() {
        assertEquals(ExceptionCode.ILLEGAL_DATA_ADDRESS.getCode(), exceptionCode(() -> services.writeMultipleRegisters(null, 1,
                new WriteMultipleRegistersRequest(1, 1, new byte[]{0, 0}))), "second half of a REAL");
        assertEquals(ExceptionCode.ILLEGAL_DATA_ADDRESS.getCode(), exceptionCode(() -> services.readInputRegisters(null, 1,
                new ReadInputRegistersRequest(9, 2))), "past the last input register");
        assertEquals(ExceptionCode.ILLEGAL_DATA_ADDRESS.getCode(), exceptionCode(() -> services.writeSingleCoil(null, 1,
                new WriteSingleCoilRequest(3, true))), "no coil 4");
    }

    @Test
    void unknownUnitsAndLinesWithoutCommunicationDoNotAnswer() {
        assertThrows(UnknownUnitIdException.class, () -> services.readInputRegisters(null, 2, new ReadInputRegistersRequest(0, 2)));
        assertThrows(UnknownUnitIdException.class, () -> services.readInputRegisters(null, 0, new ReadInputRegistersRequest(0, 2)));
        line.inject(new Fault("f", FaultType.COMM_LOSS, null, 1, 0, Double.POSITIVE_INFINITY));
        assertThrows(UnknownUnitIdException.class, () -> services.readInputRegisters(null, 1, new ReadInputRegistersRequest(0, 2)));
        assertThrows(UnknownUnitIdException.class, () -> services.writeSingleCoil(null, 1, new WriteSingleCoilRequest(0, false)));
        assertEquals(1.0, line.value("P1.running"), "a write to a silent line changes nothing");
    }

    @Test
    void theBundledPlantsTagsFormADenseMap() {
        RegisterMap map = RegisterMap.of(line.config());
        assertEquals(10, map.end(PlcTag.Area.INPUT_REGISTER));
        assertEquals(8, map.end(PlcTag.Area.HOLDING_REGISTER));
        assertEquals(3, map.end(PlcTag.Area.COIL));
        assertEquals(1, map.end(PlcTag.Area.DISCRETE_INPUT));
        assertEquals("R1.jacketSetpoint", map.at(PlcTag.Area.HOLDING_REGISTER, 5).ref());
        assertTrue(map.entries().stream().allMatch(e -> e.tag().wireAddress() == e.tag().address() - 1));
    }

    @Test
    void badTagsAreRejectedNamingTheSignal() {
        var e = assertThrows(IllegalArgumentException.class, () -> PlcTag.parse("holding-register:0:REAL", "line L1 signal P1.x"));
        assertTrue(e.getMessage().startsWith("line L1 signal P1.x: "), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PlcTag.parse("holding-register:1:LREAL", "s"));
        assertThrows(IllegalArgumentException.class, () -> PlcTag.parse("memory:1", "s"));
        assertEquals(new PlcTag(PlcTag.Area.COIL, 3, PlcTag.Type.BOOL), PlcTag.parse("coil:3", "s"));
    }
}
