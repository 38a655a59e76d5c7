package org.flowpat.controller.audit;

import org.flowpat.controller.api.codec.Sha256;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import org.flowpat.config.model.Plant;
import org.flowpat.controller.api.AuditActions;
import org.flowpat.controller.api.AuditEntry;
import org.flowpat.controller.api.AuditRequest;

/**
 * The {@link AuditActions#CONFIGURATION_LOAD} entry the controller writes at start: target the plant name, new value
 * the SHA-256 of the plant's canonical JSON (the loaded model, properties sorted, so a change of comments or
 * layout in the YAML file is no change), old value the new value of the previous configuration load in the chain.
 * A configuration change is then visible in the trail as old hash → new hash.
 */
public final class ConfigurationAudit {
    public static final String USER = "system:controller";
    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private ConfigurationAudit() {
    }

    /** SHA-256 (hex) of the plant's canonical JSON. */
    public static String hash(Plant plant) {
        try {
            return Sha256.hex(CANONICAL.writeValueAsString(plant).getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("plant '" + plant.name() + "' has no JSON form: " + e.getMessage(), e);
        }
    }

    /** The request for this start, given the chain's previous configuration load (or null). */
    public static AuditRequest request(Plant plant, AuditEntry previous) {
        String now = hash(plant);
        String before = previous == null ? "" : previous.newValue();
        String reason = previous == null ? "controller started; first configuration in this audit trail"
                : before.equals(now) ? "controller started; configuration unchanged since seq " + previous.seq()
                : "controller started with a changed configuration (previous load: seq " + previous.seq() + ")";
        return new AuditRequest(USER, AuditActions.CONFIGURATION_LOAD, "", plant.name(), before, now, reason);
    }
}
