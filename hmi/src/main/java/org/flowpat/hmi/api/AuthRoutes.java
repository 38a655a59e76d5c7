package org.flowpat.hmi.api;

import io.vertx.core.Vertx;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.Optional;
import org.flowpat.controller.api.AuditActions;
import org.flowpat.controller.api.AuditRequest;
import org.flowpat.hmi.auth.HmiUser;
import org.flowpat.hmi.auth.LoginThrottle;
import org.flowpat.hmi.auth.SessionAuth;
import org.flowpat.hmi.auth.Users;

/** {@code POST /api/login}, {@code POST /api/logout}, {@code GET /api/me}. */
public final class AuthRoutes {
    private final Vertx vertx;
    private final Users users;
    private final LoginThrottle throttle;
    private final boolean secureCookies;
    private final AuditLog audit;

    public AuthRoutes(Vertx vertx, Users users, LoginThrottle throttle, boolean secureCookies, AuditLog audit) {
        this.vertx = vertx;
        this.users = users;
        this.throttle = throttle;
        this.secureCookies = secureCookies;
        this.audit = audit;
    }

    public void mount(Router router) {
        router.post("/api/login").handler(this::login);
        router.post("/api/logout").handler(this::logout);
        router.get("/api/me").handler(this::me);
    }

    /** Hands out the CSRF token in a cookie the page's script can read (not HttpOnly, by design). */
    public void offerCsrfCookie(RoutingContext ctx) {
        String token = SessionAuth.csrfToken(ctx);
        ctx.response().addCookie(Cookie.cookie(SessionAuth.CSRF_COOKIE, token).setPath("/")
                .setSameSite(CookieSameSite.STRICT).setSecure(secureCookies).setHttpOnly(false));
        ctx.next();
    }

    private void login(RoutingContext ctx) {
        JsonBody body = JsonBody.of(ctx);
        String id = body.text("user");
        String password = body.text("password");
        Duration locked = throttle.lockedFor(id);
        if (!locked.isZero()) {
            throw new ApiException(429, "user", "too many failed logins for '" + id + "': try again in "
                    + Math.max(1, locked.toSeconds()) + " s");
        }
        // bcrypt takes tens of milliseconds on purpose: off the event loop
        vertx.executeBlocking(() -> users.authenticate(id, password), false).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
                return;
            }
            Optional<HmiUser> user = ar.result();
            if (user.isEmpty()) {
                throttle.failed(id);
                // the login id as typed (it may not exist): repeated failures are what an inspector looks for
                audit.append(new AuditRequest(id, AuditActions.LOGIN_FAILED, "", id, "", "", "unknown user or wrong password at login"));
                ctx.fail(new ApiException(401, "password", "unknown user or wrong password"));
                return;
            }
            throttle.succeeded(id);
            audit.append(new AuditRequest(id, AuditActions.LOGIN, "", id, "", user.get().role().id(), "login"));
            SessionAuth.login(ctx, user.get());
            ctx.json(me(ctx, user.get()));
        });
    }

    private void logout(RoutingContext ctx) {
        SessionAuth.logout(ctx);
        ctx.json(new JsonObject().put("loggedOut", true));
    }

    private void me(RoutingContext ctx) {
        ctx.json(me(ctx, SessionAuth.require(ctx)));
    }

    private static JsonObject me(RoutingContext ctx, HmiUser user) {
        return user.toJson().put("csrfToken", SessionAuth.csrfToken(ctx));
    }
}
