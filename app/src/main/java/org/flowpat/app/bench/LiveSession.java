package org.flowpat.app.bench;

import io.netty.handler.codec.http.cookie.ClientCookieDecoder;
import io.netty.handler.codec.http.cookie.Cookie;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.flowpat.hmi.auth.SessionAuth;

/**
 * One browser-like live session against the HMI: fetches the CSRF cookie, logs in, opens {@code /ws/live} with the
 * session cookie and subscribes, then hands every {@code samples} frame to a listener with the wall time it
 * arrived (taken before parsing, so JSON decoding on the client counts as screen time, as in a browser).
 * Runs on the Vert.x context it is opened from.
 */
final class LiveSession {
    /** Gets each frame's samples and the wall-clock time (epoch ns) the frame arrived. */
    interface FrameListener {
        void onSamples(LiveSession session, long receivedNanos, JsonArray samples);
    }

    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final AtomicLong values = new AtomicLong();
    private final AtomicLong frames = new AtomicLong();
    private WebSocket socket;
    /** Written on the session's own event-loop thread only. */
    private long lastFrameNanos;
    private volatile long longestPauseNanos;

    /** Values this session received that counted toward the benchmark (the listener decides and calls {@link #counted}). */
    long values() {
        return values.get();
    }

    void counted(long n) {
        values.addAndGet(n);
    }

    long frames() {
        return frames.get();
    }

    /** Notes a frame of the measured window; the longest pause between two such frames is kept. */
    void measuredFrame(long receivedNanos) {
        if (lastFrameNanos != 0) {
            longestPauseNanos = Math.max(longestPauseNanos, receivedNanos - lastFrameNanos);
        }
        lastFrameNanos = receivedNanos;
    }

    /** The longest time between two frames of the measured window, ns. */
    long longestPauseNanos() {
        return longestPauseNanos;
    }

    /** Logs in as {@code user}, connects and subscribes; completes when the HMI confirms the subscription. */
    static Future<LiveSession> open(HttpClient http, WebSocketClient wsClient, int port, String user, String password,
                                    List<String> subscribe, FrameListener listener) {
        LiveSession session = new LiveSession();
        return session.request(http, HttpMethod.GET, port, "/api/health", null)
                .compose(v -> session.request(http, HttpMethod.POST, port, "/api/login",
                        new JsonObject().put("user", user).put("password", password)))
                .compose(v -> wsClient.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
                        .setURI("/ws/live").addHeader("Cookie", session.cookieHeader())))
                .compose(ws -> session.subscribe(ws, subscribe, listener));
    }

    private Future<Void> request(HttpClient http, HttpMethod method, int port, String uri, JsonObject body) {
        RequestOptions options = new RequestOptions().setMethod(method).setHost("127.0.0.1").setPort(port).setURI(uri);
        if (!cookies.isEmpty()) {
            options.addHeader("Cookie", cookieHeader());
        }
        if (body != null) {
            options.addHeader("Content-Type", "application/json")
                    .addHeader(SessionAuth.CSRF_HEADER, cookies.getOrDefault(SessionAuth.CSRF_COOKIE, ""));
        }
        return http.request(options)
                .compose(req -> body == null ? req.send() : req.send(body.toBuffer()))
                .compose(resp -> resp.body().compose(b -> check(method + " " + uri, resp, b)));
    }

    private Future<Void> check(String what, HttpClientResponse resp, Buffer body) {
        for (String header : resp.headers().getAll("Set-Cookie")) {
            Cookie c = ClientCookieDecoder.LAX.decode(header);
            if (c != null) {
                cookies.put(c.name(), c.value());
            }
        }
        if (resp.statusCode() != 200) {
            return Future.failedFuture(what + " answered " + resp.statusCode() + ": " + body);
        }
        return Future.succeededFuture();
    }

    private String cookieHeader() {
        StringBuilder sb = new StringBuilder();
        cookies.forEach((name, value) -> sb.append(sb.isEmpty() ? "" : "; ").append(name).append('=').append(value));
        return sb.toString();
    }

    private volatile String ended;

    private Future<LiveSession> subscribe(WebSocket ws, List<String> subscribe, FrameListener listener) {
        socket = ws;
        Promise<LiveSession> subscribed = Promise.promise();
        ws.textMessageHandler(text -> {
            long received = WallClock.nowNanos();
            JsonObject frame = new JsonObject(text);
            switch (frame.getString("type", "")) {
                case "samples" -> {
                    frames.incrementAndGet();
                    listener.onSamples(this, received, frame.getJsonArray("samples"));
                }
                case "subscribed" -> subscribed.tryComplete(this);
                case "error" -> subscribed.tryFail("the HMI refused the subscription: " + frame.encode());
                default -> {
                    // other frame types (none yet) are not live values
                }
            }
        });
        ws.exceptionHandler(e -> ended = "failed: " + e);
        ws.closeHandler(v -> {
            if (ended == null) {
                ended = "closed by the HMI: " + ws.closeStatusCode() + " " + ws.closeReason();
            }
            subscribed.tryFail("the HMI closed the WebSocket before confirming the subscription");
        });
        ws.writeTextMessage(new JsonObject().put("subscribe", new JsonArray(List.copyOf(subscribe))).encode());
        return subscribed.future();
    }

    /** Why the socket ended before {@link #close()}: null while it is open. */
    String ended() {
        return ended;
    }

    Future<Void> close() {
        if (ended == null) {
            ended = "closed by the benchmark";
        }
        return socket == null ? Future.succeededFuture() : socket.close();
    }
}
