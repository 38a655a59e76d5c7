package org.flowpat.simulator.modbus;

/**
 * Values to and from 16-bit registers. REAL is IEEE-754 float32 with the high word in the lower address, the
 * big-endian layout PLC4X's Modbus driver reads and writes.
 */
final class RegisterCodec {
    private RegisterCodec() {
    }

    /** The {@code index}-th register (0 or 1) of {@code value} encoded as {@code tag}'s type. */
    static int word(PlcTag tag, double value, int index) {
        return switch (tag.type()) {
            case REAL -> {
                int bits = Float.floatToIntBits((float) value);
                yield index == 0 ? (bits >>> 16) & 0xFFFF : bits & 0xFFFF;
            }
            case INT -> (int) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(value))) & 0xFFFF;
            case UINT -> (int) Math.max(0, Math.min(0xFFFF, Math.round(value)));
            case BOOL -> value >= 0.5 ? 1 : 0;
        };
    }

    /** Decodes {@code tag}'s value from {@code bytes} starting at byte {@code offset}. */
    static double decode(PlcTag tag, byte[] bytes, int offset) {
        int first = ((bytes[offset] & 0xFF) << 8) | (bytes[offset + 1] & 0xFF);
        return switch (tag.type()) {
            case REAL -> {
                int second = ((bytes[offset + 2] & 0xFF) << 8) | (bytes[offset + 3] & 0xFF);
                yield Float.intBitsToFloat((first << 16) | second);
            }
            case INT -> (short) first;
            case UINT -> first;
            case BOOL -> first != 0 ? 1.0 : 0.0;
        };
    }
}
