package org.flowpat.hmi.live;

import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.sstore.SessionStore;
import org.flowpat.config.model.Plant;

/**
 * Entry to the live feed: hands an upgraded, authenticated WebSocket to its own {@link LiveSocket}, and closes it
 * (code 1008) once its login session is gone (logout or idle timeout), so a screen left open does not outlive
 * the login that opened it.
 */
public final class LiveEndpoint {
    static final long SESSION_CHECK_MILLIS = 2_000;
    private final Vertx vertx;
    private final Plant plant;
    private final LiveValues live;
    private final SpcFeed spc;
    private final SessionStore sessions;
    private final long flushMillis;

    public LiveEndpoint(Vertx vertx, Plant plant, LiveValues live, SpcFeed spc, SessionStore sessions, long flushMillis) {
        this.vertx = vertx;
        this.plant = plant;
        this.live = live;
        this.spc = spc;
        this.sessions = sessions;
        this.flushMillis = flushMillis;
    }

    public void serve(ServerWebSocket socket, String sessionId) {
        Runnable stopFeed = LiveSocket.serve(vertx, socket, plant, live, spc, flushMillis);
        long timer = vertx.setPeriodic(SESSION_CHECK_MILLIS, id -> sessions.get(sessionId).onComplete(ar -> {
            if (ar.failed() || ar.result() == null) {
                socket.close((short) 1008, "session ended");
            }
        }));
        socket.closeHandler(v -> {
            vertx.cancelTimer(timer);
            stopFeed.run();
        });
    }
}
