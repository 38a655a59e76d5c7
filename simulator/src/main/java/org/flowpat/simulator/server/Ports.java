package org.flowpat.simulator.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Port 0 means "any free port": resolved here before binding, so the real port can be printed and advertised. */
public final class Ports {
    private Ports() {
    }

    /**
     * {@code port} itself, or for 0 a port that was free on {@code bindAddress} a moment ago (the OPC UA
     * endpoint descriptions must name the real port, which Milo cannot report after binding to 0).
     */
    public static int resolve(String bindAddress, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not in 0..65535");
        }
        if (port != 0) {
            return port;
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(bindAddress))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port on " + bindAddress, e);
        }
    }
}
