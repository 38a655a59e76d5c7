package org.flowpat.hmi.auth;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a person may do. Not a ladder: a quality user reviews and releases but must not move the process, so
 * each role lists its permissions.
 */
public enum Role {
    OPERATOR(EnumSet.of(Permission.VIEW, Permission.WRITE_SETPOINTS, Permission.COMMAND_LINE,
            Permission.ACKNOWLEDGE_ALARMS, Permission.INJECT_FAULTS)),
    ENGINEER(EnumSet.of(Permission.VIEW, Permission.WRITE_SETPOINTS, Permission.COMMAND_LINE, Permission.ACKNOWLEDGE_ALARMS,
            Permission.SHELVE_ALARMS, Permission.INJECT_FAULTS, Permission.CONFIGURE)),
    QUALITY(EnumSet.of(Permission.VIEW, Permission.REVIEW)),
    ADMIN(EnumSet.allOf(Permission.class));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = permissions;
    }

    public boolean may(Permission permission) {
        return permissions.contains(permission);
    }

    /** The plant file's spelling, e.g. {@code operator}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the role and the known ones */
    public static Role of(String id) {
        for (Role r : values()) {
            if (r.id().equals(id)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown role '" + id + "' (known: operator, engineer, quality, admin)");
    }
}
