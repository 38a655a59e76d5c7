package org.flowpat.hmi.auth;

import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Session;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.flowpat.hmi.api.ApiException;

/**
 * Who is logged in (kept in the server-side session) and the CSRF token of the session. Writes must echo the
 * token in the {@value #CSRF_HEADER} header: a cross-site page can make the browser send the session cookie
 * (SameSite=Strict already stops most of that) but cannot read the token. The token is also offered in the
 * readable cookie {@value #CSRF_COOKIE} and by {@code GET /api/me}.
 */
public final class SessionAuth {
    public static final String CSRF_HEADER = "X-CSRF-Token";
    public static final String CSRF_COOKIE = "flowpat.csrf";
    private static final String USER_ID = "user.id";
    private static final String USER_NAME = "user.name";
    private static final String USER_ROLE = "user.role";
    private static final String CSRF = "csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private SessionAuth() {
    }

    /** The session's CSRF token, made on first use. */
    public static String csrfToken(RoutingContext ctx) {
        Session session = ctx.session();
        String token = session.get(CSRF);
        if (token == null) {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            session.put(CSRF, token);
        }
        return token;
    }

    /** @throws ApiException 403 when the header is missing or differs from the session's token */
    public static void checkCsrf(RoutingContext ctx) {
        String expected = ctx.session().get(CSRF);
        String sent = ctx.request().getHeader(CSRF_HEADER);
        if (expected == null || sent == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                sent.getBytes(StandardCharsets.UTF_8))) {
            throw new ApiException(403, CSRF_HEADER, "missing or wrong " + CSRF_HEADER
                    + " header: read the token from GET /api/me or the " + CSRF_COOKIE + " cookie");
        }
    }

    /** Logs the user in: a new session id (no fixation), the same CSRF token. */
    public static void login(RoutingContext ctx, HmiUser user) {
        Session session = ctx.session();
        session.regenerateId();
        session.put(USER_ID, user.id());
        session.put(USER_NAME, user.name());
        session.put(USER_ROLE, user.role().id());
    }

    public static void logout(RoutingContext ctx) {
        ctx.session().destroy();
    }

    /** The logged-in user, or null. */
    public static HmiUser user(RoutingContext ctx) {
        Session session = ctx.session();
        if (session == null || session.get(USER_ID) == null) {
            return null;
        }
        return new HmiUser(session.get(USER_ID), session.get(USER_NAME), Role.of(session.get(USER_ROLE)));
    }

    /** @throws ApiException 401 when nobody is logged in */
    public static HmiUser require(RoutingContext ctx) {
        HmiUser user = user(ctx);
        if (user == null) {
            throw new ApiException(401, null, "not logged in: POST /api/login first");
        }
        return user;
    }

    /** @throws ApiException 401 when nobody is logged in, 403 when the role lacks the permission */
    public static HmiUser require(RoutingContext ctx, Permission permission) {
        HmiUser user = require(ctx);
        if (!user.role().may(permission)) {
            throw new ApiException(403, null, "role '" + user.role().id() + "' may not " + describe(permission));
        }
        return user;
    }

    private static String describe(Permission p) {
        return switch (p) {
            case VIEW -> "view the plant";
            case WRITE_SETPOINTS -> "write setpoints";
            case COMMAND_LINE -> "command the line";
            case ACKNOWLEDGE_ALARMS -> "acknowledge alarms";
            case SHELVE_ALARMS -> "shelve or unshelve alarms";
            case INJECT_FAULTS -> "inject simulator faults";
            case CONFIGURE -> "change the configuration";
            case REVIEW -> "review, release or sign lots";
        };
    }
}
