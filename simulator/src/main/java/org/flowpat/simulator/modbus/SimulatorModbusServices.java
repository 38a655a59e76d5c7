package org.flowpat.simulator.modbus;

import com.digitalpetri.modbus.ExceptionCode;
import com.digitalpetri.modbus.FunctionCode;
import com.digitalpetri.modbus.exceptions.ModbusResponseException;
import com.digitalpetri.modbus.exceptions.UnknownUnitIdException;
import com.digitalpetri.modbus.pdu.ReadCoilsRequest;
import com.digitalpetri.modbus.pdu.ReadCoilsResponse;
import com.digitalpetri.modbus.pdu.ReadDiscreteInputsRequest;
import com.digitalpetri.modbus.pdu.ReadDiscreteInputsResponse;
import com.digitalpetri.modbus.pdu.ReadHoldingRegistersRequest;
import com.digitalpetri.modbus.pdu.ReadHoldingRegistersResponse;
import com.digitalpetri.modbus.pdu.ReadInputRegistersRequest;
import com.digitalpetri.modbus.pdu.ReadInputRegistersResponse;
import com.digitalpetri.modbus.pdu.WriteMultipleCoilsRequest;
import com.digitalpetri.modbus.pdu.WriteMultipleCoilsResponse;
import com.digitalpetri.modbus.pdu.WriteMultipleRegistersRequest;
import com.digitalpetri.modbus.pdu.WriteMultipleRegistersResponse;
import com.digitalpetri.modbus.pdu.WriteSingleCoilRequest;
import com.digitalpetri.modbus.pdu.WriteSingleCoilResponse;
import com.digitalpetri.modbus.pdu.WriteSingleRegisterRequest;
import com.digitalpetri.modbus.pdu.WriteSingleRegisterResponse;
import com.digitalpetri.modbus.server.ModbusRequestContext;
import com.digitalpetri.modbus.server.ModbusServices;
import java.util.ArrayList;
import java.util.List;
import org.flowpat.simulator.model.LineSimulation;
import org.flowpat.simulator.model.SetpointRejectedException;

/**
 * Answers Modbus requests from the simulated lines: unit identifier N is the N-th line (L1 = 1). Reads take the
 * line's current values; writes go to the line as setpoints and commands. Unmapped addresses inside an area read
 * as 0; addresses past an area's last tag, partial writes of a REAL and writes to unmapped registers are refused
 * with ILLEGAL_DATA_ADDRESS, values outside the signal's range with ILLEGAL_DATA_VALUE. While a line has lost
 * communication its unit does not answer at all.
 */
public final class SimulatorModbusServices implements ModbusServices {
    private record Unit(int id, LineSimulation line, RegisterMap map) {
    }

    private final List<Unit> units = new ArrayList<>();

    public SimulatorModbusServices(List<? extends LineSimulation> lines) {
        for (LineSimulation line : lines) {
            units.add(new Unit(units.size() + 1, line, RegisterMap.of(line.config())));
        }
    }

    private Unit unit(int unitId) throws UnknownUnitIdException {
        if (unitId < 1 || unitId > units.size()) {
            throw new UnknownUnitIdException(unitId);
        }
        return units.get(unitId - 1);
    }

    @Override
    public ReadCoilsResponse readCoils(ModbusRequestContext context, int unitId, ReadCoilsRequest request)
            throws ModbusResponseException, UnknownUnitIdException {
        return new ReadCoilsResponse(readBits(unit(unitId), PlcTag.Area.COIL, FunctionCode.READ_COILS,
                request.address(), request.quantity()));
    }

    @Override
    public ReadDiscreteInputsResponse readDiscreteInputs(ModbusRequestContext context, int unitId,
                                                         ReadDiscreteInputsRequest request)
            throws ModbusResponseException, UnknownUnitIdException {
        return new ReadDiscreteInputsResponse(readBits(unit(unitId), PlcTag.Area.DISCRETE_INPUT,
                FunctionCode.READ_DISCRETE_INPUTS, request.address(), request.quantity()));
    }

    @Override
    public ReadHoldingRegistersResponse readHoldingRegisters(ModbusRequestContext context, int unitId,
                                                             ReadHoldingRegistersRequest request)
            throws ModbusResponseException, UnknownUnitIdException {
        return new ReadHoldingRegistersResponse(readRegisters(unit(unitId), PlcTag.Area.HOLDING_REGISTER,
                FunctionCode.READ_HOLDING_REGISTERS, request.address(), request.quantity()));
    }

    @Override
    public ReadInputRegistersResponse readInputRegisters(ModbusRequestContext context, int unitId,
                                                         ReadInputRegistersRequest request)
            throws ModbusResponseException, UnknownUnitIdException {
        return new ReadInputRegistersResponse(readRegisters(unit(unitId), PlcTag.Area.INPUT_REGISTER,
                FunctionCode.READ_INPUT_REGISTERS, request.address(), request.quantity()));
    }

    @Override
    public WriteSingleCoilResponse writeSingleCoil(ModbusRequestContext context, int unitId, WriteSingleCoilRequest request)
            throws ModbusResponseException, UnknownUnitIdException {
        if (request.value() != 0xFF00 && request.value() != 0x0000) {
            throw new ModbusResponseException(FunctionCode.WRITE_SINGLE_COIL, ExceptionCode.ILLEGAL_DATA_VALUE);
        }
        writeBits(unit(unitId), FunctionCode.WRITE_SINGLE_COIL, request.address(), new boolean[]{request.value() == 0xFF00});
        return new WriteSingleCoilResponse(request.address(), request.value());
    }

    @Override
    public WriteMultipleCoilsResponse writeMultipleCoils(ModbusRequestContext context, int unitId,
                                                         WriteMultipleCoilsRequest request)
            throws ModbusResponseException, UnknownUnitIdException {
        boolean[] bits = new boolean[request.quantity()];
        for (int i = 0; i < bits.length; i++) {
            bits[i] = (request.values()[i / 8] & (1 << (i % 8))) != 0;
        }
        writeBits(unit(unitId), FunctionCode.WRITE_MULTIPLE_COILS, request.address(), bits);
        return new WriteMultipleCoilsResponse(request.address(), request.quantity());
    }

    @Override
    public WriteSingleRegisterResponse writeSingleRegister(ModbusRequestContext context, int unitId,
                                                           WriteSingleRegisterRequest request)
            throws ModbusResponseException, UnknownUnitIdException {
        writeRegisters(unit(unitId), FunctionCode.WRITE_SINGLE_REGISTER, request.address(),
                new byte[]{(byte) (request.value() >> 8), (byte) request.value()});
        return new WriteSingleRegisterResponse(request.address(), request.value());
    }

    @Override
    public WriteMultipleRegistersResponse writeMultipleRegisters(ModbusRequestContext context, int unitId,
                                                                 WriteMultipleRegistersRequest request)
            throws ModbusResponseException, UnknownUnitIdException {
        writeRegisters(unit(unitId), FunctionCode.WRITE_MULTIPLE_REGISTERS, request.address(), request.values());
        return new WriteMultipleRegistersResponse(request.address(), request.quantity());
    }

    private static byte[] readBits(Unit unit, PlcTag.Area area, FunctionCode function, int address, int quantity)
            throws ModbusResponseException, UnknownUnitIdException {
        checkRange(unit, area, function, address, quantity);
        byte[] packed = new byte[(quantity + 7) / 8];
        synchronized (unit.line()) {
            answering(unit);
            for (int i = 0; i < quantity; i++) {
                RegisterMap.Entry entry = unit.map().at(area, address + i);
                if (entry != null && unit.line().value(entry.ref()) >= 0.5) {
                    packed[i / 8] |= (byte) (1 << (i % 8));
                }
            }
        }
        return packed;
    }

    private static byte[] readRegisters(Unit unit, PlcTag.Area area, FunctionCode function, int address, int quantity)
            throws ModbusResponseException, UnknownUnitIdException {
        checkRange(unit, area, function, address, quantity);
        byte[] bytes = new byte[quantity * 2];
        synchronized (unit.line()) {
            answering(unit);
            for (int i = 0; i < quantity; i++) {
                RegisterMap.Entry entry = unit.map().at(area, address + i);
                if (entry != null) {
                    int word = RegisterCodec.word(entry.tag(), unit.line().value(entry.ref()),
                            address + i - entry.tag().wireAddress());
                    bytes[2 * i] = (byte) (word >> 8);
                    bytes[2 * i + 1] = (byte) word;
                }
            }
        }
        return bytes;
    }

    private static void writeBits(Unit unit, FunctionCode function, int address, boolean[] bits)
            throws ModbusResponseException, UnknownUnitIdException {
        checkRange(unit, PlcTag.Area.COIL, function, address, bits.length);
        List<RegisterMap.Entry> entries = new ArrayList<>();
        for (int i = 0; i < bits.length; i++) {
            RegisterMap.Entry entry = unit.map().at(PlcTag.Area.COIL, address + i);
            if (entry == null) {
                throw new ModbusResponseException(function, ExceptionCode.ILLEGAL_DATA_ADDRESS);
            }
            entries.add(entry);
        }
        synchronized (unit.line()) {
            answering(unit);
            for (int i = 0; i < bits.length; i++) {
                write(unit, function, entries.get(i), bits[i] ? 1.0 : 0.0);
            }
        }
    }

    private static void writeRegisters(Unit unit, FunctionCode function, int address, byte[] values)
            throws ModbusResponseException, UnknownUnitIdException {
        int quantity = values.length / 2;
        checkRange(unit, PlcTag.Area.HOLDING_REGISTER, function, address, quantity);
        List<RegisterMap.Entry> entries = new ArrayList<>();
        List<Double> decoded = new ArrayList<>();
        int i = 0;
        while (i < quantity) {
            RegisterMap.Entry entry = unit.map().at(PlcTag.Area.HOLDING_REGISTER, address + i);
            if (entry == null || entry.tag().wireAddress() != address + i || i + entry.tag().size() > quantity) {
                throw new ModbusResponseException(function, ExceptionCode.ILLEGAL_DATA_ADDRESS); // unmapped or partial
            }
            double value = RegisterCodec.decode(entry.tag(), values, 2 * i);
            if (!Double.isFinite(value) || (entry.signal().range() != null && !entry.signal().range().contains(value))) {
                throw new ModbusResponseException(function, ExceptionCode.ILLEGAL_DATA_VALUE);
            }
            entries.add(entry);
            decoded.add(value);
            i += entry.tag().size();
        }
        synchronized (unit.line()) {
            answering(unit);
            for (int k = 0; k < entries.size(); k++) {
                write(unit, function, entries.get(k), decoded.get(k));
            }
        }
    }

    private static void write(Unit unit, FunctionCode function, RegisterMap.Entry entry, double value)
            throws ModbusResponseException {
        try {
            unit.line().write(entry.ref(), value);
        } catch (SetpointRejectedException e) {
            throw new ModbusResponseException(function, e.reason() == SetpointRejectedException.Reason.OUT_OF_RANGE
                    ? ExceptionCode.ILLEGAL_DATA_VALUE : ExceptionCode.ILLEGAL_DATA_ADDRESS);
        }
    }

    private static void checkRange(Unit unit, PlcTag.Area area, FunctionCode function, int address, int quantity)
            throws ModbusResponseException {
        if (quantity < 1 || address < 0 || address + quantity > unit.map().end(area)) {
            throw new ModbusResponseException(function, ExceptionCode.ILLEGAL_DATA_ADDRESS);
        }
    }

    /** A line with lost communication does not answer: the client times out, as with a dead PLC. */
    private static void answering(Unit unit) throws UnknownUnitIdException {
        if (unit.line().communicationLost()) {
            throw new UnknownUnitIdException(unit.id());
        }
    }
}
