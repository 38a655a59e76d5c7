package org.flowpat.hmi;

import io.netty.handler.codec.http.cookie.Cookie;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.client.WebClientSession;
import io.vertx.ext.web.client.spi.CookieStore;
import java.util.concurrent.TimeUnit;
import org.flowpat.hmi.auth.SessionAuth;

/** A browser-like API client for tests: keeps cookies, sends the CSRF token on writes, blocks for answers (10 s max). */
final class ApiClient implements AutoCloseable {
    private final CookieStore cookies = CookieStore.build();
    private final WebClientSession client;
    private final int port;

    ApiClient(Vertx vertx, int port) {
        this.client = WebClientSession.create(WebClient.create(vertx, new WebClientOptions()
                .setDefaultHost("127.0.0.1").setDefaultPort(port).setFollowRedirects(false)), cookies);
        this.port = port;
    }

    HttpResponse<Buffer> get(String uri) {
        return await(client.get(uri).send());
    }

    /** A write with the CSRF token of this client's session (fetched first if none yet). */
    HttpResponse<Buffer> post(String uri, Object body) {
        return post(uri, body, csrf());
    }

    HttpResponse<Buffer> post(String uri, Object body, String csrfToken) {
        HttpRequest<Buffer> request = client.post(uri);
        if (csrfToken != null) {
            request.putHeader(SessionAuth.CSRF_HEADER, csrfToken);
        }
        Buffer payload = body instanceof JsonObject json ? json.toBuffer() : Buffer.buffer(body.toString());
        return await(request.putHeader("Content-Type", "application/json").sendBuffer(payload));
    }

    HttpResponse<Buffer> login(String user, String password) {
        return post("/api/login", new JsonObject().put("user", user).put("password", password));
    }

    String csrf() {
        String token = cookie(SessionAuth.CSRF_COOKIE);
        if (token == null) {
            get("/api/health");
            token = cookie(SessionAuth.CSRF_COOKIE);
        }
        return token;
    }

    String cookie(String name) {
        for (Cookie c : cookies.get(false, "127.0.0.1", "/")) {
            if (c.name().equals(name)) {
                return c.value();
            }
        }
        return null;
    }

    /** The Cookie header a browser would send, for the WebSocket handshake. */
    String cookieHeader() {
        StringBuilder sb = new StringBuilder();
        for (Cookie c : cookies.get(false, "127.0.0.1", "/")) {
            sb.append(sb.isEmpty() ? "" : "; ").append(c.name()).append('=').append(c.value());
        }
        return sb.toString();
    }

    int port() {
        return port;
    }

    static <T> T await(io.vertx.core.Future<T> future) {
        try {
            return future.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("request failed: " + e, e);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
