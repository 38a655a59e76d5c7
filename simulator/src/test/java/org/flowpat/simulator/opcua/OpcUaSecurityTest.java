package org.flowpat.simulator.opcua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.identity.AnonymousProvider;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.flowpat.config.Plants;
import org.flowpat.simulator.opcua.TestClients.ClientCertificate;
import org.flowpat.simulator.server.FakeLine;
import org.flowpat.simulator.server.Ports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Endpoint security and user identity: Basic256Sha256 SignAndEncrypt accepts a client whose certificate is in
 * pki/trusted/certs and refuses (and quarantines in pki/rejected) any other; usernames need the right password;
 * anonymous sessions exist only on the None endpoint; the application certificate survives a restart.
 */
class OpcUaSecurityTest {
    @TempDir
    static Path dataDir;

    static Path pki;
    static ClientCertificate trusted;
    static SimulatorOpcUaServer server;

    @BeforeAll
    static void start() throws Exception {
        pki = dataDir.resolve("pki");
        trusted = ClientCertificate.generate("trusted test client");
        Files.createDirectories(pki.resolve("trusted").resolve("certs"));
        Files.write(pki.resolve("trusted").resolve("certs").resolve("trusted-client.der"), trusted.certificate().getEncoded());
        server = SimulatorOpcUaServer.start(new OpcUaOptions("127.0.0.1", Ports.resolve("127.0.0.1", 0), pki,
                Map.of("operator", "demo")), List.of(new FakeLine(Plants.bundled().lines().get(0))));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    static DataValue readTime(OpcUaClient client) throws Exception {
        int ns = client.getNamespaceTable().getIndex(SimulatorNamespace.NAMESPACE_URI).intValue();
        return client.readValue(0, TimestampsToReturn.Both, new NodeId(ns, "L1.SimulatedTimeS"));
    }

    @Test
    void aTrustedClientCertificateWithTheRightPasswordGetsASignedAndEncryptedSession() throws Exception {
        OpcUaClient client = TestClients.secured(server.endpointUrl(), trusted, server.pki().certificate(),
                new UsernameProvider("operator", "demo"));
        try {
            assertTrue(readTime(client).statusCode().isGood());
        } finally {
            client.disconnect();
        }
    }

    @Test
    void anUntrustedClientCertificateIsRefusedAndLandsInRejected() throws Exception {
        ClientCertificate stranger = ClientCertificate.generate("stranger");
        assertThrows(UaException.class, () -> TestClients.secured(server.endpointUrl(), stranger,
                server.pki().certificate(), new UsernameProvider("operator", "demo")).disconnect());
        try (Stream<Path> rejected = Files.list(server.pki().rejectedDir())) {
            assertTrue(rejected.findAny().isPresent(), "the refused certificate is kept for an operator to trust");
        }
    }

    @Test
    void usernamesNeedTheRightPassword() throws Exception {
        OpcUaClient operator = TestClients.none(server.endpointUrl(), new UsernameProvider("operator", "demo"));
        try {
            assertTrue(readTime(operator).statusCode().isGood());
        } finally {
            operator.disconnect();
        }
        assertThrows(UaException.class, () -> TestClients.none(server.endpointUrl(),
                new UsernameProvider("operator", "wrong")).disconnect());
        assertThrows(UaException.class, () -> TestClients.none(server.endpointUrl(),
                new UsernameProvider("intruder", "demo")).disconnect());
    }

    @Test
    void anonymousSessionsAreOnlyOfferedWithoutSecurity() throws Exception {
        OpcUaClient anonymous = TestClients.anonymous(server.endpointUrl());
        anonymous.disconnect();
        assertThrows(UaException.class, () -> TestClients.secured(server.endpointUrl(), trusted,
                server.pki().certificate(), new AnonymousProvider()).disconnect());
    }

    @Test
    void theApplicationCertificateIsKeptAcrossRestarts() throws Exception {
        Path otherPki = dataDir.resolve("restart-pki");
        var options = new OpcUaOptions("127.0.0.1", Ports.resolve("127.0.0.1", 0), otherPki, Map.of());
        byte[] first;
        try (var s = SimulatorOpcUaServer.start(options, List.of(new FakeLine(Plants.bundled().lines().get(0))))) {
            first = s.pki().certificate().getEncoded();
        }
        assertTrue(Files.isRegularFile(otherPki.resolve("server.pfx")));
        try (var s = SimulatorOpcUaServer.start(options, List.of(new FakeLine(Plants.bundled().lines().get(0))))) {
            assertEquals(java.util.HexFormat.of().formatHex(first), java.util.HexFormat.of().formatHex(s.pki().certificate().getEncoded()));
        }
    }
}
