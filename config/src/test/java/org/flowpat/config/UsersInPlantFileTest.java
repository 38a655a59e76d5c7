package org.flowpat.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The plant file's optional {@code users} list: loaded when valid, errors naming the key when not. */
class UsersInPlantFileTest {
    private static final String HASH = "$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW";

    /** minimal.yaml with a users list put before its lines (the line numbers below then shift by the list). */
    private static List<String> withUsers(String... users) {
        return Fixtures.variantErrors("name: Test plant\n", "name: Test plant\nusers:\n" + String.join("", users));
    }

    private static String user(String id, String role, String hash) {
        return "  - {id: " + id + ", name: Printed Name, role: " + role + ", passwordHash: \"" + hash + "\"}\n";
    }

    @Test
    void validUsersLoad() {
        assertEquals(List.of(), withUsers(user("ada", "operator", HASH), user("bob", "quality", HASH.replace("$2b$", "$2y$"))));
    }

    @Test
    void anUnknownRoleIsNamed() {
        List<String> errors = withUsers(user("ada", "superuser", HASH));
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains("users[0].role") && errors.get(0).contains("superuser"), errors.get(0));
    }

    @Test
    void aPlainTextPasswordIsRefused() {
        List<String> errors = withUsers(user("ada", "admin", "secret"));
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains("users[0].passwordHash") && errors.get(0).contains("bcrypt"), errors.get(0));
    }

    @Test
    void duplicateIdsAreNamed() {
        List<String> errors = withUsers(user("ada", "admin", HASH), user("ada", "operator", HASH));
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains("users[1].id") && errors.get(0).contains("duplicate"), errors.get(0));
    }
}
