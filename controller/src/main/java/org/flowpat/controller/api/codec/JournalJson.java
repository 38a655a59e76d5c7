package org.flowpat.controller.api.codec;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.flowpat.controller.api.AlarmTransition;
import org.flowpat.controller.api.AuditEntry;
import org.flowpat.controller.api.LotRecord;
import org.flowpat.controller.api.LotSignature;
import org.flowpat.controller.api.DiversionCommand;
import org.flowpat.controller.api.LineStateChange;
import org.flowpat.controller.api.SpcResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The JSON form of the quality records the historian journals ({@link SpcResult}, {@link AlarmTransition},
 * {@link DiversionCommand}, {@link LineStateChange}): carried inside spool records and kept beside the numeric
 * columns in the databases, so that a record reads back exactly as it was written. Non-finite doubles are
 * written as the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"} and read back as such.
 */
public final class JournalJson {
    /** The journaled types; their position in this list is not part of any format. */
    public static final List<Class<?>> TYPES = List.of(SpcResult.class, AlarmTransition.class, DiversionCommand.class,
            LineStateChange.class, AuditEntry.class, LotRecord.class, LotSignature.class);

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            // A record written by a newer version with an extra component still reads.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private JournalJson() {
    }

    public static boolean journaled(Object record) {
        return record != null && TYPES.contains(record.getClass());
    }

    public static byte[] toBytes(Object record) {
        try {
            return JSON.writeValueAsBytes(record);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String toText(Object record) {
        try {
            return JSON.writeValueAsString(record);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads one record; malformed input raises IllegalArgumentException naming the type. */
    public static <T> T read(byte[] json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a " + type.getSimpleName() + " in JSON: " + e.getMessage(), e);
        }
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a " + type.getSimpleName() + " in JSON: " + e.getMessage(), e);
        }
    }
}
