package org.flowpat.simulator.modbus;

import java.util.Locale;

/**
 * A plant file's {@code plcTag} in PLC4X Modbus address syntax: {@code coil:N}, {@code discrete-input:N},
 * {@code holding-register:N:TYPE}, {@code input-register:N:TYPE}, with N 1-based as in PLC4X (holding-register:1
 * is wire address 0). Register types: REAL (IEEE-754 float32 in two registers, high word first), INT (signed
 * 16 bit) and UINT / WORD (unsigned 16 bit).
 */
public record PlcTag(Area area, int address, Type type) {
    public enum Area {
        COIL("coil"), DISCRETE_INPUT("discrete-input"), HOLDING_REGISTER("holding-register"), INPUT_REGISTER("input-register");

        final String prefix;

        Area(String prefix) {
            this.prefix = prefix;
        }

        boolean bits() {
            return this == COIL || this == DISCRETE_INPUT;
        }
    }

    public enum Type {
        BOOL(1), REAL(2), INT(1), UINT(1);

        final int registers;

        Type(int registers) {
            this.registers = registers;
        }
    }

    /** Parses a tag; {@code where} names the signal in the error message. */
    public static PlcTag parse(String text, String where) {
        String[] parts = text.trim().split(":");
        Area area = null;
        for (Area a : Area.values()) {
            if (a.prefix.equalsIgnoreCase(parts[0])) {
                area = a;
            }
        }
        if (area == null) {
            throw new IllegalArgumentException(where + ": plcTag '" + text
                    + "' must start with coil, discrete-input, holding-register or input-register");
        }
        if (parts.length < 2 || parts.length > 3) {
            throw new IllegalArgumentException(where + ": plcTag '" + text + "' must look like " + area.prefix
                    + (area.bits() ? ":N" : ":N:REAL"));
        }
        int address;
        try {
            address = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": plcTag '" + text + "': address '" + parts[1] + "' is not a number", e);
        }
        if (address < 1 || address > 65536) {
            throw new IllegalArgumentException(where + ": plcTag '" + text + "': address must be in 1..65536 (1-based)");
        }
        Type type;
        if (area.bits()) {
            if (parts.length == 3 && !parts[2].equalsIgnoreCase("BOOL")) {
                throw new IllegalArgumentException(where + ": plcTag '" + text + "': a " + area.prefix + " is a BOOL");
            }
            type = Type.BOOL;
        } else {
            String name = parts.length == 3 ? parts[2].toUpperCase(Locale.ROOT) : "WORD";
            type = switch (name) {
                case "REAL" -> Type.REAL;
                case "INT" -> Type.INT;
                case "UINT", "WORD" -> Type.UINT;
                default -> throw new IllegalArgumentException(where + ": plcTag '" + text + "': type '" + parts[2]
                        + "' is not supported (REAL, INT, UINT, WORD)");
            };
        }
        if (address - 1 + type.registers > 65536) {
            throw new IllegalArgumentException(where + ": plcTag '" + text + "' runs past the last address");
        }
        return new PlcTag(area, address, type);
    }

    /** The 0-based wire address of the first register or bit. */
    public int wireAddress() {
        return address - 1;
    }

    /** Registers (or bits) the tag occupies. */
    public int size() {
        return type.registers;
    }
}
