package org.flowpat.simulator.opcua;

import java.util.Map;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.structured.EUInformation;

/**
 * The plant file's unit strings as OPC UA {@code EUInformation} with UNECE Recommendation 20 common codes
 * (OPC 10000-8, 5.6.3), so generic clients show and convert them. Units without a code get unitId -1.
 */
final class EngineeringUnits {
    static final String UNECE_NAMESPACE = "http://www.opcfoundation.org/UA/units/un/cefact";

    private record Code(String common, String description) {
    }

    private static final Map<String, Code> CODES = Map.of(
            "g", new Code("GRM", "gram"),
            "mL/min", new Code("41", "millilitre per minute"),
            "degC", new Code("CEL", "degree Celsius"),
            "bar", new Code("BAR", "bar [unit of pressure]"),
            "min", new Code("MIN", "minute [unit of time]"),
            "%", new Code("P1", "percent"),
            "mol/L", new Code("C38", "mole per litre"),
            "s", new Code("SEC", "second [unit of time]"),
            "nm", new Code("C45", "nanometre"));

    private EngineeringUnits() {
    }

    static EUInformation of(String unit) {
        Code code = CODES.get(unit);
        int unitId = code == null ? -1 : unitId(code.common());
        String description = code == null ? unit : code.description();
        return new EUInformation(UNECE_NAMESPACE, unitId, LocalizedText.english(unit), LocalizedText.english(description));
    }

    /** OPC 10000-8: the UnitId packs the (at most three) ASCII characters of the common code big-endian. */
    static int unitId(String commonCode) {
        int id = 0;
        for (char c : commonCode.toCharArray()) {
            id = (id << 8) | c;
        }
        return id;
    }
}
