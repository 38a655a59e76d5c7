package org.flowpat.hmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.SelfSignedCertificate;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.flowpat.config.Plants;
import org.flowpat.hmi.auth.SessionAuth;
import org.flowpat.hmi.auth.Users;
import org.junit.jupiter.api.Test;

/** Under TLS the server speaks HTTPS only and marks its cookies Secure. */
class TlsTest {

    @Test
    void httpsServerMarksCookiesSecure() throws Exception {
        Vertx vertx = Vertx.vertx();
        SelfSignedCertificate certificate = SelfSignedCertificate.create("localhost");
        try {
            HmiServer server = HmiServer.start(vertx, HmiOptions.of(Plants.bundled(), Users.demo(), 0, true)
                    .withTls(certificate.keyCertOptions())).await(10, TimeUnit.SECONDS);
            assertTrue(server.url().startsWith("https://"), server.url());
            WebClient client = WebClient.create(vertx, new WebClientOptions().setSsl(true).setTrustAll(true)
                    .setVerifyHost(false).setDefaultHost("127.0.0.1").setDefaultPort(server.port()));
            HttpResponse<Buffer> health = client.get("/api/health").send().await(10, TimeUnit.SECONDS);
            assertEquals(200, health.statusCode());
            List<String> cookies = health.headers().getAll("Set-Cookie");
            assertTrue(cookies.stream().anyMatch(c -> c.startsWith(SessionAuth.CSRF_COOKIE + "=")), cookies.toString());
            for (String cookie : cookies) {
                assertTrue(cookie.toLowerCase().contains("; secure"), "Secure flag on " + cookie);
            }
            server.close().await(10, TimeUnit.SECONDS);
        } finally {
            certificate.delete();
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }
}
