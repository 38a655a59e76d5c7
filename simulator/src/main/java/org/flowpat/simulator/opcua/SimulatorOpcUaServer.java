package org.flowpat.simulator.opcua;

import static org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS;
import static org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig.USER_TOKEN_POLICY_USERNAME;

import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.milo.opcua.sdk.server.EndpointConfig;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfigLimits;
import org.eclipse.milo.opcua.sdk.server.identity.AnonymousIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.identity.CompositeValidator;
import org.eclipse.milo.opcua.sdk.server.identity.UsernameIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.servicesets.impl.AccessController;
import org.eclipse.milo.opcua.sdk.server.util.HostnameUtil;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.transport.TransportProfile;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.BuildInfo;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransport;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransportConfig;
import org.flowpat.simulator.model.LineSimulation;

/**
 * The simulator's OPC UA server (Eclipse Milo). Two endpoints on one port, path {@value OpcUaOptions#PATH}:
 * SecurityPolicy None (anonymous or username; the password is still encrypted with the server certificate) for
 * local development, and Basic256Sha256 SignAndEncrypt (username only; the client certificate must be in the
 * trust list).
 */
public final class SimulatorOpcUaServer implements Closeable {
    private static final long STOP_TIMEOUT_S = 10;

    private final OpcUaOptions options;
    private final ServerPki pki;
    private final OpcUaServer server;
    private final SimulatorNamespace namespace;

    private SimulatorOpcUaServer(OpcUaOptions options, ServerPki pki, OpcUaServer server, SimulatorNamespace namespace) {
        this.options = options;
        this.pki = pki;
        this.server = server;
        this.namespace = namespace;
    }

    /** Builds and starts the server; values appear once the lines are published through {@link #namespace()}. */
    public static SimulatorOpcUaServer start(OpcUaOptions options, List<? extends LineSimulation> lines) throws Exception {
        Set<String> hostnames = hostnames(options.bindAddress());
        ServerPki pki = new ServerPki(options.pkiDir(), hostnames);
        try {
            OpcUaServerConfig config = OpcUaServerConfig.builder()
                    .setApplicationUri(pki.applicationUri())
                    .setApplicationName(LocalizedText.english("FlowPAT simulator"))
                    .setProductUri("urn:flowpat:simulator")
                    .setBuildInfo(new BuildInfo("urn:flowpat:simulator", "FlowPAT", "FlowPAT simulator",
                            OpcUaServer.SDK_VERSION, "", DateTime.now()))
                    .setEndpoints(endpoints(options, hostnames, pki))
                    .setCertificateManager(pki.certificateManager())
                    .setIdentityValidator(new CompositeValidator(AnonymousIdentityValidator.INSTANCE,
                            new UsernameIdentityValidator(c -> passwordMatches(options.users(), c.getUsername(), c.getPassword()))))
                    .setLimits(new Limits(maxSessions(lines.size())))
                    .build();
            var server = new Server(config);
            SimulatorNamespace namespace = new SimulatorNamespace(server, lines);
            server.accessController = new NotWritableAccessController(server.defaultAccessController(), namespace::isReadOnly);
            namespace.startup(); // Milo 1.1.2 does not start registered namespaces itself
            try {
                server.startup().get(STOP_TIMEOUT_S, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                namespace.shutdown();
                server.shutdown();
                throw new IOException("cannot listen for OPC UA on " + options.bindAddress() + ":" + options.port()
                        + " (port in use or address not local?): " + e.getCause().getMessage(), e);
            }
            return new SimulatorOpcUaServer(options, pki, server, namespace);
        } catch (Exception e) {
            pki.close();
            throw e;
        }
    }

    /**
     * Sessions the server admits: Milo's default of 100 silently capped scale mode (each line's controller opens its
     * own session, so lines beyond the 100th got Bad_TooManySessions); room for two per line plus tools.
     */
    static int maxSessions(int lines) {
        return 100 + 2 * lines;
    }

    /** Milo's default limits except the session count. */
    private record Limits(int maxSessions) implements OpcUaServerConfigLimits {
        @Override
        public UInteger getMaxSessions() {
            return UInteger.valueOf(maxSessions);
        }
    }

    /** Milo's server with the access controller replaced (see {@link NotWritableAccessController}). */
    private static final class Server extends OpcUaServer {
        private volatile AccessController accessController;

        Server(OpcUaServerConfig config) {
            super(config, profile -> new OpcTcpServerTransport(OpcTcpServerTransportConfig.newBuilder().build()));
        }

        AccessController defaultAccessController() {
            return super.getAccessController();
        }

        @Override
        public AccessController getAccessController() {
            AccessController replaced = accessController;
            return replaced != null ? replaced : super.getAccessController();
        }
    }

    private static Set<String> hostnames(String bindAddress) {
        var hostnames = new LinkedHashSet<String>();
        if ("0.0.0.0".equals(bindAddress)) {
            hostnames.add("127.0.0.1");
            hostnames.add(HostnameUtil.getHostname());
            hostnames.addAll(HostnameUtil.getHostnames("0.0.0.0", true, false));
        } else {
            hostnames.add(bindAddress);
        }
        return hostnames;
    }

    private static Set<EndpointConfig> endpoints(OpcUaOptions options, Set<String> hostnames, ServerPki pki) {
        var endpoints = new LinkedHashSet<EndpointConfig>();
        for (String hostname : hostnames) {
            EndpointConfig.Builder base = EndpointConfig.newBuilder()
                    .setTransportProfile(TransportProfile.TCP_UASC_UABINARY)
                    .setBindAddress(options.bindAddress())
                    .setBindPort(options.port())
                    .setHostname(hostname)
                    .setPath(OpcUaOptions.PATH)
                    .setCertificate(pki::certificate);
            endpoints.add(base.copy()
                    .setSecurityPolicy(SecurityPolicy.None)
                    .setSecurityMode(MessageSecurityMode.None)
                    .addTokenPolicies(USER_TOKEN_POLICY_ANONYMOUS, USER_TOKEN_POLICY_USERNAME)
                    .build());
            endpoints.add(base.copy()
                    .setSecurityPolicy(SecurityPolicy.Basic256Sha256)
                    .setSecurityMode(MessageSecurityMode.SignAndEncrypt)
                    .addTokenPolicies(USER_TOKEN_POLICY_USERNAME)
                    .build());
        }
        return endpoints;
    }

    private static boolean passwordMatches(Map<String, String> users, String username, String password) {
        String expected = users.get(username);
        return expected != null && password != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), password.getBytes(StandardCharsets.UTF_8));
    }

    public SimulatorNamespace namespace() {
        return namespace;
    }

    public String endpointUrl() {
        return options.endpointUrl();
    }

    public ServerPki pki() {
        return pki;
    }

    public OpcUaServer milo() {
        return server;
    }

    @Override
    public void close() throws IOException {
        try {
            namespace.shutdown();
            server.shutdown().get(STOP_TIMEOUT_S, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while stopping the OPC UA server");
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("OPC UA server did not stop cleanly: " + e.getMessage(), e);
        } finally {
            pki.close();
        }
    }
}
