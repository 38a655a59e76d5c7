package org.flowpat.simulator.opcua;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.security.DefaultApplicationGroup;
import org.eclipse.milo.opcua.stack.core.security.DefaultCertificateManager;
import org.eclipse.milo.opcua.stack.core.security.DefaultServerCertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.FileBasedCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.FileBasedTrustListManager;
import org.eclipse.milo.opcua.stack.core.security.KeyStoreCertificateStore;
import org.eclipse.milo.opcua.stack.core.security.RsaSha256CertificateFactory;
import org.eclipse.milo.opcua.stack.core.util.CertificateUtil;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;

/**
 * The server's application certificate and trust list, kept on disk under {@code pkiDir}:
 * {@code server.pfx} (generated on first start), {@code trusted/certs} (client certificates an operator
 * trusts), {@code issuers/...} and {@code rejected/} (certificates of refused clients land here; move one to
 * {@code trusted/certs} to trust it).
 */
public final class ServerPki implements AutoCloseable {
    private static final Pattern IPV4 = Pattern.compile("^\\d{1,3}(\\.\\d{1,3}){3}$");
    // A simulator key store on a developer's disk: file permissions protect it, the password only satisfies PKCS#12.
    private static final char[] KEY_STORE_PASSWORD = "flowpat-simulator".toCharArray();

    private final Path pkiDir;
    private final FileBasedTrustListManager trustList;
    private final DefaultCertificateManager certificateManager;
    private final X509Certificate certificate;
    private final String applicationUri;

    /** Loads (or on first start creates) the PKI; {@code hostnames} go into a newly generated certificate. */
    public ServerPki(Path pkiDir, Set<String> hostnames) throws Exception {
        this.pkiDir = pkiDir;
        Files.createDirectories(pkiDir);
        trustList = FileBasedTrustListManager.createAndInitialize(pkiDir);
        var quarantine = FileBasedCertificateQuarantine.create(rejectedDir());
        var store = KeyStoreCertificateStore.createAndInitialize(new KeyStoreCertificateStore.Settings(
                pkiDir.resolve("server.pfx"), () -> KEY_STORE_PASSWORD.clone(), alias -> KEY_STORE_PASSWORD.clone()));
        var factory = new RsaSha256CertificateFactory() {
            @Override
            protected X509Certificate[] createRsaSha256CertificateChain(KeyPair keyPair) throws Exception {
                return new X509Certificate[]{selfSigned(keyPair, hostnames)};
            }
        };
        var validator = new DefaultServerCertificateValidator(trustList, quarantine);
        var group = DefaultApplicationGroup.createAndInitialize(trustList, store, factory, validator);
        certificateManager = new DefaultCertificateManager(quarantine, group);
        certificate = group.getCertificateChain(NodeIds.RsaSha256ApplicationCertificateType)
                .orElseThrow(() -> new IllegalStateException("no application certificate in " + pkiDir))[0];
        applicationUri = CertificateUtil.getSanUri(certificate).orElseThrow(() ->
                new IllegalStateException("application certificate in " + pkiDir + " has no application URI"));
    }

    private static X509Certificate selfSigned(KeyPair keyPair, Set<String> hostnames) throws Exception {
        var builder = new SelfSignedCertificateBuilder(keyPair)
                .setCommonName("FlowPAT simulator")
                .setOrganization("FlowPAT")
                .setApplicationUri("urn:flowpat:simulator:" + java.util.UUID.randomUUID())
                .addDnsName("localhost")
                .addIpAddress("127.0.0.1");
        for (String host : hostnames) {
            if (IPV4.matcher(host).matches()) {
                builder.addIpAddress(host);
            } else {
                builder.addDnsName(host);
            }
        }
        return builder.build();
    }

    public Path pkiDir() {
        return pkiDir;
    }

    public Path rejectedDir() {
        return pkiDir.resolve("rejected");
    }

    public Path trustedCertsDir() {
        return pkiDir.resolve("trusted").resolve("certs");
    }

    public DefaultCertificateManager certificateManager() {
        return certificateManager;
    }

    public FileBasedTrustListManager trustList() {
        return trustList;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public String applicationUri() {
        return applicationUri;
    }

    @Override
    public void close() throws IOException {
        trustList.close();
    }
}
