package org.flowpat.controller.acquisition;

/**
 * One signal acquired by polling a PLC tag.
 *
 * @param signalRef  {@code UNIT.signal}
 * @param tagAddress PLC4X tag address, e.g. {@code holding-register:1:REAL} or {@code coil:1}
 * @param writable   a setpoint or command
 */
public record PlcItem(String signalRef, String tagAddress, boolean writable) {

    /** The value a PLC write needs for this tag: Boolean for bits, Float for REAL, Double for LREAL, else Long. */
    public Object plcValue(double value) {
        String address = tagAddress.toLowerCase(java.util.Locale.ROOT);
        if (address.startsWith("coil") || address.startsWith("discrete-input") || address.endsWith(":bool")) {
            return value != 0.0;
        }
        if (address.endsWith(":real")) {
            return (float) value;
        }
        if (address.endsWith(":lreal")) {
            return value;
        }
        return Math.round(value);
    }
}
