package org.flowpat.config.model;

import org.flowpat.config.validation.Validatable;
import org.flowpat.config.validation.Validation;

/**
 * How to reach the line's OPC UA server. {@code securityPolicy} is an OPC UA policy name
 * ({@code None}, {@code Basic256Sha256}, ...); {@code securityMode} is {@code None}, {@code Sign}
 * or {@code SignAndEncrypt}. Username and password are optional (anonymous when absent).
 */
public record OpcUaEndpoint(String endpoint, String securityPolicy, String securityMode, String username,
                            String password, Double publishingIntervalMs) implements Validatable {
    public OpcUaEndpoint {
        securityPolicy = securityPolicy == null ? "None" : securityPolicy;
        securityMode = securityMode == null ? "None" : securityMode;
        publishingIntervalMs = publishingIntervalMs == null ? 500.0 : publishingIntervalMs;
    }

    @Override
    public void validate(Validation v) {
        v.notBlank("endpoint", endpoint);
        v.check(endpoint == null || endpoint.startsWith("opc.tcp://"), "endpoint", "must start with opc.tcp://");
        v.check(endpoint == null || !endpoint.startsWith("opc.tcp://") || hasHost(endpoint), "endpoint",
                "'" + endpoint + "' is not a URL with a host (opc.tcp://host:port/path)");
        v.oneOf("securityPolicy", securityPolicy, "None", "Basic128Rsa15", "Basic256", "Basic256Sha256",
                "Aes128_Sha256_RsaOaep", "Aes256_Sha256_RsaPss");
        v.oneOf("securityMode", securityMode, "None", "Sign", "SignAndEncrypt");
        v.check("None".equals(securityPolicy) == "None".equals(securityMode), "securityMode",
                "must be None exactly when securityPolicy is None");
        v.check(password == null || username != null, "password", "given without a username");
        v.positive("publishingIntervalMs", publishingIntervalMs);
    }

    private static boolean hasHost(String url) {
        try {
            return java.net.URI.create(url).getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
