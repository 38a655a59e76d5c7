package org.flowpat.hmi.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flowpat.config.model.User;

/**
 * The people who may log in: from the plant file, or the four demo users in demo mode. Passwords are checked
 * against bcrypt hashes only; an unknown user costs the same hash check as a known one, so response time does
 * not tell which login ids exist.
 */
public final class Users {
    /** Password of every demo user; refused for real plants by {@link #refuseDefaults}. */
    public static final String DEMO_PASSWORD = "demo";
    /** Low cost for the demo users only: they are made at every start and guard nothing. */
    private static final int DEMO_COST = 6;

    private final Map<String, User> byId;
    private final byte[] dummyHash;

    private Users(Collection<User> users) {
        Map<String, User> map = new LinkedHashMap<>();
        for (User u : users) {
            Role.of(u.role()); // fail early on a role this server does not know
            if (map.put(u.id(), u) != null) {
                throw new IllegalArgumentException("user '" + u.id() + "' is defined twice");
            }
        }
        this.byId = Map.copyOf(map);
        this.dummyHash = BCrypt.withDefaults().hash(10, "no such user".getBytes(StandardCharsets.UTF_8));
    }

    public static Users of(Collection<User> users) {
        return new Users(users);
    }

    /** The demo users {@code operator}, {@code engineer}, {@code quality}, {@code admin}, each with password {@value #DEMO_PASSWORD}. */
    public static Users demo() {
        List<User> users = new ArrayList<>();
        for (Role role : Role.values()) {
            String hash = BCrypt.withDefaults().hashToString(DEMO_COST, DEMO_PASSWORD.toCharArray());
            users.add(new User(role.id(), "Demo " + role.id(), role.id(), hash));
        }
        return new Users(users);
    }

    /** The user if the password matches their hash. */
    public Optional<HmiUser> authenticate(String id, String password) {
        User user = id == null ? null : byId.get(id);
        byte[] pw = (password == null ? "" : password).getBytes(StandardCharsets.UTF_8);
        if (user == null) {
            BCrypt.verifyer().verify(pw, dummyHash); // same cost as a real check
            return Optional.empty();
        }
        if (!matches(pw, user.passwordHash())) {
            return Optional.empty();
        }
        return Optional.of(new HmiUser(user.id(), user.name(), Role.of(user.role())));
    }

    public boolean exists(String id) {
        return id != null && byId.containsKey(id);
    }

    public int size() {
        return byId.size();
    }

    /** {@link #refuseDefaults(Collection)} for these users. */
    public void refuseDefaults() {
        refuseDefaults(byId.values());
    }

    /**
     * Refuses a plant whose users can be guessed: a password that is empty or {@value #DEMO_PASSWORD}
     * ({@code flowpat run} calls this before it starts).
     *
     * @throws IllegalArgumentException naming every such user
     */
    public static void refuseDefaults(Collection<User> users) {
        List<String> weak = new ArrayList<>();
        for (User u : users) {
            if (u.passwordHash() != null && (matches(DEMO_PASSWORD.getBytes(StandardCharsets.UTF_8), u.passwordHash())
                    || matches(new byte[0], u.passwordHash()))) {
                weak.add(u.id());
            }
        }
        if (!weak.isEmpty()) {
            throw new IllegalArgumentException("refusing to start: user(s) " + String.join(", ", weak)
                    + " have an empty password or the demo password; set real passwords (bcrypt hashes) in the plant file");
        }
    }

    private static boolean matches(byte[] password, String hash) {
        try {
            return BCrypt.verifyer().verify(password, hash.getBytes(StandardCharsets.UTF_8)).verified;
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}
