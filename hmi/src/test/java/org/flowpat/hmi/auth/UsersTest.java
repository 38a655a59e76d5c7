package org.flowpat.hmi.auth;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.util.List;
import org.flowpat.config.model.User;
import org.junit.jupiter.api.Test;

class UsersTest {
    private static User user(String id, String role, String password) {
        return new User(id, "Printed " + id, role, BCrypt.withDefaults().hashToString(4, password.toCharArray()));
    }

    @Test
    void aUserLogsInWithTheirPasswordOnly() {
        Users users = Users.of(List.of(user("ada", "quality", "s3cret-Phrase")));
        HmiUser ada = users.authenticate("ada", "s3cret-Phrase").orElseThrow();
        assertEquals(new HmiUser("ada", "Printed ada", Role.QUALITY), ada);
        assertTrue(users.authenticate("ada", "s3cret-phrase").isEmpty());
        assertTrue(users.authenticate("bob", "s3cret-Phrase").isEmpty());
        assertTrue(users.authenticate("ada", null).isEmpty());
    }

    @Test
    void demoUsersHaveEveryRoleAndTheDemoPassword() {
        Users demo = Users.demo();
        for (Role role : Role.values()) {
            assertEquals(role, demo.authenticate(role.id(), Users.DEMO_PASSWORD).orElseThrow().role());
        }
    }

    @Test
    void defaultPasswordsAreRefusedNamingTheUsers() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Users.refuseDefaults(List.of(
                user("ada", "admin", "demo"), user("bob", "operator", "long and unguessable"), user("cy", "engineer", ""))));
        assertTrue(e.getMessage().contains("ada") && e.getMessage().contains("cy"), e.getMessage());
        assertFalse(e.getMessage().contains("bob"), e.getMessage());
        assertDoesNotThrow(() -> Users.refuseDefaults(List.of(user("bob", "operator", "long and unguessable"))));
    }

    @Test
    void rolesGrantWhatTheirJobNeeds() {
        assertTrue(Role.OPERATOR.may(Permission.WRITE_SETPOINTS));
        assertFalse(Role.QUALITY.may(Permission.WRITE_SETPOINTS), "quality reviews, it does not move the process");
        assertTrue(Role.QUALITY.may(Permission.REVIEW));
        assertFalse(Role.OPERATOR.may(Permission.REVIEW));
        for (Permission p : Permission.values()) {
            assertTrue(Role.ADMIN.may(p));
        }
        assertThrows(IllegalArgumentException.class, () -> Role.of("root"));
    }
}
