package org.flowpat.config.model;

import java.util.List;
import java.util.regex.Pattern;
import org.flowpat.config.validation.Validatable;
import org.flowpat.config.validation.Validation;

/**
 * A person who may log in to the HMI. The password is kept only as a bcrypt hash (cost factor inside the
 * hash); the printed name is what audit entries and electronic signatures show.
 *
 * @param id           login name, unique in the plant
 * @param name         printed name, e.g. {@code Dr. Ada Weber}
 * @param role         one of {@link #ROLES}, lowest rights first
 * @param passwordHash bcrypt hash ({@code $2a$}, {@code $2b$} or {@code $2y$})
 */
public record User(String id, String name, String role, String passwordHash) implements Validatable {
    /** Known roles, in rising order of rights: an engineer may do what an operator may, and more. */
    public static final List<String> ROLES = List.of("operator", "engineer", "quality", "admin");
    /** Modular crypt form of bcrypt: version, two-digit cost, 22 characters of salt and 31 of hash. */
    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$\\d{2}\\$[./A-Za-z0-9]{53}");

    @Override
    public void validate(Validation v) {
        v.identifier("id", id);
        v.notBlank("name", name);
        v.notBlank("role", role);
        v.oneOf("role", role, ROLES.toArray(String[]::new));
        v.notBlank("passwordHash", passwordHash);
        v.matches("passwordHash", passwordHash, BCRYPT, "a bcrypt hash ($2a$, $2b$ or $2y$, cost, 53 characters)");
    }
}
