package org.flowpat.hmi;

import io.vertx.core.net.PemKeyCertOptions;
import java.time.Duration;
import java.util.Objects;
import org.flowpat.config.model.Plant;
import org.flowpat.hmi.auth.Users;

/**
 * How the HMI server runs.
 *
 * @param host          bind address (loopback unless the plant network needs it)
 * @param port          TCP port, 0 = any free port
 * @param plant         the plant shown
 * @param users         who may log in ({@link Users#demo()} in demo mode)
 * @param demo          demo mode: simulator fault injection is offered
 * @param tls           key and certificate for HTTPS, or null for plain HTTP (then cookies are not marked Secure)
 * @param sessionTimeout idle time after which a login ends
 * @param maxFailedLogins failed passwords in a row before a login id is locked
 * @param lockout       how long such a lock lasts
 * @param requestTimeout how long the server waits for the controller on the event bus
 */
public record HmiOptions(String host, int port, Plant plant, Users users, boolean demo, PemKeyCertOptions tls,
                         Duration sessionTimeout, int maxFailedLogins, Duration lockout, Duration requestTimeout) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;

    public HmiOptions {
        host = host == null || host.isBlank() ? DEFAULT_HOST : host;
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("HTTP port must be 0-65535, got " + port);
        }
        Objects.requireNonNull(plant, "the HMI needs a plant");
        Objects.requireNonNull(users, "the HMI needs its users (Users.demo() in demo mode)");
        sessionTimeout = sessionTimeout == null ? Duration.ofHours(8) : sessionTimeout;
        lockout = lockout == null ? Duration.ofMinutes(5) : lockout;
        maxFailedLogins = maxFailedLogins <= 0 ? 5 : maxFailedLogins;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(10) : requestTimeout;
    }

    /** Loopback, the given port, plain HTTP, default session and lockout settings. */
    public static HmiOptions of(Plant plant, Users users, int port, boolean demo) {
        return new HmiOptions(DEFAULT_HOST, port, plant, users, demo, null, null, 0, null, null);
    }

    public HmiOptions withLockout(int maxFailures, Duration duration) {
        return new HmiOptions(host, port, plant, users, demo, tls, sessionTimeout, maxFailures, duration, requestTimeout);
    }

    public HmiOptions withHost(String bindHost) {
        return new HmiOptions(bindHost, port, plant, users, demo, tls, sessionTimeout, maxFailedLogins, lockout, requestTimeout);
    }

    public HmiOptions withTls(PemKeyCertOptions keyCert) {
        return new HmiOptions(host, port, plant, users, demo, keyCert, sessionTimeout, maxFailedLogins, lockout, requestTimeout);
    }
}
