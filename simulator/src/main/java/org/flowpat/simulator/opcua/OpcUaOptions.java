package org.flowpat.simulator.opcua;

import java.nio.file.Path;
import java.util.Map;

/**
 * How the simulator's OPC UA server listens: address and (resolved, non-zero) port, where its PKI lives, and
 * the username/password pairs it accepts.
 */
public record OpcUaOptions(String bindAddress, int port, Path pkiDir, Map<String, String> users) {
    public static final String PATH = "/flowpat";

    public OpcUaOptions {
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("OPC UA port must be in 1..65535 (resolve 0 first), got " + port);
        }
        users = Map.copyOf(users);
    }

    /** The endpoint URL a local client uses. */
    public String endpointUrl() {
        String host = "0.0.0.0".equals(bindAddress) ? "127.0.0.1" : bindAddress;
        return "opc.tcp://" + host + ":" + port + PATH;
    }
}
