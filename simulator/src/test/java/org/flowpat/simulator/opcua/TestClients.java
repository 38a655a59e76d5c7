package org.flowpat.simulator.opcua;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.Optional;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.identity.AnonymousProvider;
import org.eclipse.milo.opcua.sdk.client.identity.IdentityProvider;
import org.eclipse.milo.opcua.stack.core.security.DefaultClientCertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.MemoryTrustListManager;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;

/** Milo clients for the tests: plain (None endpoint) or secured with a generated client certificate. */
final class TestClients {
    static final String CLIENT_URI = "urn:flowpat:test:client";

    /** A client identity: key pair and self-signed certificate. */
    record ClientCertificate(KeyPair keyPair, X509Certificate certificate) {
        static ClientCertificate generate(String commonName) throws Exception {
            KeyPair keyPair = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
            X509Certificate certificate = new SelfSignedCertificateBuilder(keyPair)
                    .setCommonName(commonName)
                    .setApplicationUri(CLIENT_URI)
                    .addDnsName("localhost")
                    .build();
            return new ClientCertificate(keyPair, certificate);
        }
    }

    private TestClients() {
    }

    static OpcUaClient none(String endpointUrl, IdentityProvider identity) throws Exception {
        OpcUaClient client = OpcUaClient.create(endpointUrl,
                endpoints -> endpoints.stream()
                        .filter(e -> SecurityPolicy.None.getUri().equals(e.getSecurityPolicyUri()))
                        .findFirst(),
                transport -> {
                },
                config -> config.setApplicationName(LocalizedText.english("FlowPAT test client"))
                        .setApplicationUri(CLIENT_URI)
                        .setIdentityProvider(identity)
                        .setRequestTimeout(Unsigned.uint(5000)));
        return client.connect();
    }

    static OpcUaClient anonymous(String endpointUrl) throws Exception {
        return none(endpointUrl, new AnonymousProvider());
    }

    /** A client of the Basic256Sha256 SignAndEncrypt endpoint that trusts {@code serverCertificate}. */
    static OpcUaClient secured(String endpointUrl, ClientCertificate client, X509Certificate serverCertificate,
                               IdentityProvider identity) throws Exception {
        var trust = new MemoryTrustListManager();
        trust.addTrustedCertificate(serverCertificate);
        OpcUaClient opcUaClient = OpcUaClient.create(endpointUrl,
                endpoints -> endpoints.stream()
                        .filter(e -> SecurityPolicy.Basic256Sha256.getUri().equals(e.getSecurityPolicyUri())
                                && e.getSecurityMode() == MessageSecurityMode.SignAndEncrypt)
                        .findFirst()
                        .or(Optional::empty),
                transport -> {
                },
                config -> config.setApplicationName(LocalizedText.english("FlowPAT secured test client"))
                        .setApplicationUri(CLIENT_URI)
                        .setKeyPair(client.keyPair())
                        .setCertificate(client.certificate())
                        .setCertificateChain(new X509Certificate[]{client.certificate()})
                        .setCertificateValidator(new DefaultClientCertificateValidator(trust, new MemoryCertificateQuarantine()))
                        .setIdentityProvider(identity)
                        .setRequestTimeout(Unsigned.uint(5000)));
        return opcUaClient.connect();
    }
}
