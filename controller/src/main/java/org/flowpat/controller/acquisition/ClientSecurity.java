package org.flowpat.controller.acquisition;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import org.eclipse.milo.opcua.stack.core.security.CertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.DefaultClientCertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.FileBasedCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.FileBasedTrustListManager;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OPC UA client's application instance certificate and trust list, on disk under {@code dataDir/pki}:
 * {@code own/controller.pfx} (generated on first start), {@code trusted/certs} (server certificates the controller
 * trusts: copy a server's certificate there) and {@code rejected/} (untrusted server certificates land there, to be
 * moved to trusted by an administrator).
 */
public final class ClientSecurity implements AutoCloseable {
    public static final String APPLICATION_URI = "urn:flowpat:controller";
    private static final Logger LOG = LoggerFactory.getLogger(ClientSecurity.class);
    private static final String ALIAS = "flowpat-controller";
    // The keystore only protects a file the process owns anyway; a fixed password keeps start-up unattended.
    private static final char[] PASSWORD = "flowpat".toCharArray();

    private final Path pkiDir;
    private final KeyPair keyPair;
    private final X509Certificate certificate;
    private final FileBasedTrustListManager trustList;
    private final CertificateValidator validator;

    private ClientSecurity(Path pkiDir, KeyPair keyPair, X509Certificate certificate,
                           FileBasedTrustListManager trustList, CertificateValidator validator) {
        this.pkiDir = pkiDir;
        this.keyPair = keyPair;
        this.certificate = certificate;
        this.trustList = trustList;
        this.validator = validator;
    }

    /** Loads the client certificate from {@code dataDir/pki}, generating it on first start. */
    public static ClientSecurity load(Path dataDir) throws IOException {
        Path pki = dataDir.resolve("pki");
        Path own = pki.resolve("own");
        Files.createDirectories(own);
        Path store = own.resolve("controller.pfx");
        try {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            if (Files.exists(store)) {
                try (InputStream in = Files.newInputStream(store)) {
                    keyStore.load(in, PASSWORD);
                }
            } else {
                keyStore.load(null, PASSWORD);
                KeyPair pair = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
                X509Certificate cert = new SelfSignedCertificateBuilder(pair)
                        .setCommonName("FlowPAT controller")
                        .setOrganization("FlowPAT")
                        .setApplicationUri(APPLICATION_URI)
                        .addDnsName("localhost")
                        .addIpAddress("127.0.0.1")
                        .build();
                keyStore.setKeyEntry(ALIAS, pair.getPrivate(), PASSWORD, new X509Certificate[] {cert});
                Path tmp = own.resolve("controller.pfx.tmp");
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    keyStore.store(out, PASSWORD);
                }
                Files.move(tmp, store, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                LOG.info("generated the OPC UA client certificate {}", store);
            }
            PrivateKey key = (PrivateKey) keyStore.getKey(ALIAS, PASSWORD);
            X509Certificate cert = (X509Certificate) keyStore.getCertificate(ALIAS);
            if (key == null || cert == null) {
                throw new IOException("keystore " + store + " has no entry '" + ALIAS + "'; delete it to regenerate");
            }
            FileBasedTrustListManager trustList = FileBasedTrustListManager.createAndInitialize(pki);
            FileBasedCertificateQuarantine quarantine = FileBasedCertificateQuarantine.create(pki.resolve("rejected"));
            return new ClientSecurity(pki, new KeyPair(cert.getPublicKey(), key), cert, trustList,
                    new DefaultClientCertificateValidator(trustList, quarantine));
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot load or create the OPC UA client certificate " + store + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("cannot create the OPC UA client certificate in " + own + ": " + e.getMessage(), e);
        }
    }

    public Path pkiDir() {
        return pkiDir;
    }

    public KeyPair keyPair() {
        return keyPair;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public CertificateValidator validator() {
        return validator;
    }

    /** Trusts a server certificate (tests and tools; operators copy files into {@code pki/trusted/certs}). */
    public void trust(X509Certificate serverCertificate) {
        trustList.addTrustedCertificate(serverCertificate);
    }

    @Override
    public void close() throws IOException {
        trustList.close();
    }
}
