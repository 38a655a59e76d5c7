package org.flowpat.hmi;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.SessionHandler;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.ext.web.sstore.LocalSessionStore;
import io.vertx.ext.web.sstore.SessionStore;
import java.net.URI;
import java.util.Set;
import org.flowpat.hmi.alarms.AlarmBoard;
import org.flowpat.hmi.api.AlarmRoutes;
import org.flowpat.hmi.api.ApiException;
import org.flowpat.hmi.api.AuditLog;
import org.flowpat.hmi.api.AuditRoutes;
import org.flowpat.hmi.api.AuthRoutes;
import org.flowpat.hmi.api.BusRequests;
import org.flowpat.hmi.api.CommandRoutes;
import org.flowpat.hmi.api.HistoryRoutes;
import org.flowpat.hmi.api.LineRoutes;
import org.flowpat.hmi.api.LoopRoutes;
import org.flowpat.hmi.api.LotRoutes;
import org.flowpat.hmi.api.PlantRoutes;
import org.flowpat.hmi.api.TrendRoutes;
import org.flowpat.hmi.auth.LoginThrottle;
import org.flowpat.hmi.auth.Permission;
import org.flowpat.hmi.auth.SessionAuth;
import org.flowpat.hmi.lines.LineStates;
import org.flowpat.hmi.live.LiveEndpoint;
import org.flowpat.hmi.live.LiveValues;
import org.flowpat.hmi.live.SpcFeed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HMI's HTTP server: REST API under {@code /api}, the OpenAPI description at {@code /openapi}, live data on
 * the WebSocket {@code /ws/live}, and the pages from the jar's {@code webroot}. It reaches the controller only
 * through event-bus messages. Each group of endpoints is a {@code *Routes} class checking a {@link Permission};
 * the session, CSRF and error handling here cover them all.
 */
public final class HmiServer {
    private static final Logger LOG = LoggerFactory.getLogger(HmiServer.class);
    static final long BODY_LIMIT = 64 * 1024;
    /**
     * How often each live socket sends what arrived since its last frame. Short, because it adds to the OPC UA
     * publishing interval on the way to the screen (issue #6: p99 below 500 ms); a tick with nothing pending costs
     * nothing, so an idle screen gets no frames.
     */
    public static final long LIVE_FLUSH_MILLIS = 50;
    private static final Set<HttpMethod> WRITES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);
    private static final Set<String> PAGES = Set.of("/", "/index.html", "/overview.html", "/trends.html",
            "/alarms.html", "/simulator.html", "/charts.html", "/control.html", "/lots.html", "/audit.html");

    private final HttpServer server;
    private final LiveValues live;
    private final AlarmBoard alarms;
    private final Feeds feeds;
    private final HmiOptions options;

    /** What the server hears on the bus besides samples and alarms. */
    record Feeds(SpcFeed spc, LineStates lineStates) {
        void stop() {
            spc.stop();
            lineStates.stop();
        }
    }

    private HmiServer(HttpServer server, LiveValues live, AlarmBoard alarms, Feeds feeds, HmiOptions options) {
        this.server = server;
        this.live = live;
        this.alarms = alarms;
        this.feeds = feeds;
        this.options = options;
    }

    /**
     * Starts the server. Outside demo mode it first refuses users with an empty or demo password, so the demo
     * users can never guard a real plant (bcrypt checks: tens of ms per user, off the event loop).
     */
    public static Future<HmiServer> start(Vertx vertx, HmiOptions options) {
        if (!options.demo()) {
            return vertx.executeBlocking(() -> {
                options.users().refuseDefaults();
                return null;
            }).compose(v -> listen(vertx, options));
        }
        return listen(vertx, options);
    }

    private static Future<HmiServer> listen(Vertx vertx, HmiOptions options) {
        LiveValues live = new LiveValues();
        live.start(vertx);
        AlarmBoard alarms = new AlarmBoard(AlarmBoard.DEFAULT_HISTORY);
        Feeds feeds = new Feeds(new SpcFeed(), new LineStates());
        feeds.spc().start(vertx);
        // What happened before this start (alarms raised, the line's state) comes from the historian's journals.
        Future<?> history = Future.join(alarms.start(vertx).compose(v -> alarms.backfill(vertx, options.plant())),
                feeds.lineStates().start(vertx, options.plant()));
        Router router = router(vertx, options, live, alarms, feeds);
        HttpServerOptions http = new HttpServerOptions().setHost(options.host()).setPort(options.port())
                .setMaxWebSocketMessageSize(64 * 1024).setCompressionSupported(true);
        if (options.tls() != null) {
            http.setSsl(true).setKeyCertOptions(options.tls());
        }
        return history.transform(ar -> vertx.createHttpServer(http).requestHandler(router).listen())
                .map(server -> {
                    HmiServer hmi = new HmiServer(server, live, alarms, feeds, options);
                    LOG.info("HMI listening on {}", hmi.url());
                    return hmi;
                })
                .onFailure(e -> {
                    live.stop();
                    alarms.stop();
                    feeds.stop();
                });
    }

    static Router router(Vertx vertx, HmiOptions options, LiveValues live, AlarmBoard alarms, Feeds feeds) {
        boolean tls = options.tls() != null;
        Router router = Router.router(vertx);
        router.route().handler(HmiServer::securityHeaders);
        SessionStore sessions = LocalSessionStore.create(vertx);
        router.route().handler(SessionHandler.create(sessions)
                .setSessionCookieName("flowpat.session")
                .setCookieHttpOnlyFlag(true)
                .setCookieSameSite(CookieSameSite.STRICT)
                .setCookieSecureFlag(tls)
                .setSessionTimeout(options.sessionTimeout().toMillis()));
        router.route("/api/*").handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT));

        BusRequests bus = new BusRequests(vertx, options.requestTimeout());
        // one throttle for logins and signatures: a password guessed at the sign dialog counts like one at login
        LoginThrottle throttle = new LoginThrottle(options.maxFailedLogins(), options.lockout(), System::nanoTime);
        AuditLog audit = new AuditLog(vertx);
        AuthRoutes auth = new AuthRoutes(vertx, options.users(), throttle, tls, audit);
        router.route().handler(auth::offerCsrfCookie);
        router.route("/api/*").handler(ctx -> {
            if (WRITES.contains(ctx.request().method())) {
                SessionAuth.checkCsrf(ctx);
            }
            ctx.next();
        });
        auth.mount(router);
        new PlantRoutes(options.plant(), live, options.demo()).mount(router);
        new TrendRoutes(options.plant(), bus).mount(router);
        new CommandRoutes(options.plant(), bus, options.demo()).mount(router);
        new HistoryRoutes(options.plant(), bus, feeds.spc()).mount(router);
        new AlarmRoutes(options.plant(), alarms, bus).mount(router);
        new LineRoutes(options.plant(), bus, feeds.lineStates()).mount(router);
        new LoopRoutes(options.plant(), bus).mount(router);
        new LotRoutes(vertx, options.plant(), bus, options.users(), throttle, audit).mount(router);
        new AuditRoutes(options.plant(), bus).mount(router);
        router.route("/api/*").handler(ctx -> {
            throw new ApiException(404, null, "no API endpoint " + ctx.request().method() + " " + ctx.request().path());
        });

        LiveEndpoint liveEndpoint = new LiveEndpoint(vertx, options.plant(), live, feeds.spc(), sessions, LIVE_FLUSH_MILLIS);
        router.route("/ws/live").handler(ctx -> {
            SessionAuth.require(ctx, Permission.VIEW);
            checkSameOrigin(ctx);
            String sessionId = ctx.session().id();
            ctx.request().toWebSocket().onSuccess(ws -> liveEndpoint.serve(ws, sessionId)).onFailure(ctx::fail);
        });

        router.get("/openapi").handler(ctx -> ctx.response().putHeader("Content-Type", "application/yaml")
                .sendFile("openapi.yaml"));
        router.get().handler(ctx -> {
            if (PAGES.contains(ctx.request().path()) && SessionAuth.user(ctx) == null) {
                ctx.redirect("/login.html");
            } else if (ctx.request().path().equals("/")) {
                ctx.redirect("/overview.html");
            } else {
                ctx.next();
            }
        });
        router.route().handler(StaticHandler.create("webroot").setCachingEnabled(false).setDirectoryListing(false));
        router.route().failureHandler(ErrorHandler::handle);
        return router;
    }

    /** A page's script is from this server only; nothing may frame the HMI (clickjacking a setpoint button). */
    private static void securityHeaders(RoutingContext ctx) {
        ctx.response()
                .putHeader("Content-Security-Policy", "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; "
                        + "style-src 'self' 'unsafe-inline'; frame-ancestors 'none'")
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("X-Frame-Options", "DENY")
                .putHeader("Referrer-Policy", "no-referrer")
                .putHeader("Cache-Control", "no-store");
        ctx.next();
    }

    /** A WebSocket opened by another site's page would carry no Strict cookie anyway; refuse it outright too. */
    private static void checkSameOrigin(RoutingContext ctx) {
        String origin = ctx.request().getHeader("Origin");
        String host = ctx.request().getHeader("Host");
        if (origin != null && host != null) {
            String originHost;
            try {
                originHost = URI.create(origin).getAuthority();
            } catch (IllegalArgumentException e) {
                originHost = null;
            }
            if (!host.equals(originHost)) {
                throw new ApiException(403, "Origin", "WebSocket from another origin (" + origin + ") refused");
            }
        }
    }

    public int port() {
        return server.actualPort();
    }

    public String url() {
        return (options.tls() != null ? "https" : "http") + "://" + options.host() + ":" + port();
    }

    public LiveValues live() {
        return live;
    }

    public AlarmBoard alarms() {
        return alarms;
    }

    public Future<Void> close() {
        live.stop();
        alarms.stop();
        feeds.stop();
        return server.close();
    }
}
