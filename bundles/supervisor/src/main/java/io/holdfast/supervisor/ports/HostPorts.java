package io.holdfast.supervisor.ports;

import io.holdfast.spi.container.PortBinding;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Host ports as the kernel sees them: whether one is free (a bind test, so a port in use is refused before the
 * container starts) and a free one for {@code -P}.
 */
final class HostPorts {
    private HostPorts() {
    }

    /** @throws PortUnavailableException if {@code binding}'s address and port cannot be bound now */
    static void checkFree(PortBinding binding) throws PortUnavailableException {
        try {
            bindAndClose(binding, binding.hostPort());
        } catch (IOException e) {
            throw new PortUnavailableException("Bind for " + binding.bindAddress() + ":" + binding.hostPort()
                    + "/" + binding.protocol() + " failed: port is already allocated (" + e.getMessage() + ")");
        }
    }

    /** A port the kernel hands out as free on {@code binding}'s address and protocol (its ephemeral range). */
    static int anyFree(PortBinding binding) throws PortUnavailableException {
        try {
            return bindAndClose(binding, 0);
        } catch (IOException e) {
            throw new PortUnavailableException("no free host port on " + binding.bindAddress() + "/"
                    + binding.protocol() + ": " + e.getMessage());
        }
    }

    private static int bindAndClose(PortBinding binding, int port) throws IOException {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(binding.bindAddress()), port);
        if (binding.protocol().equals(PortBinding.UDP)) {
            try (DatagramSocket socket = new DatagramSocket(null)) {
                socket.setReuseAddress(false);
                socket.bind(address);
                return socket.getLocalPort();
            }
        }
        try (ServerSocket socket = new ServerSocket()) {
            // as the forwarder does (socat's reuseaddr): a port whose old connections linger in TIME_WAIT is free
            socket.setReuseAddress(true);
            socket.bind(address);
            return socket.getLocalPort();
        }
    }

    /** A host port that cannot be published; the message says which and why. */
    static final class PortUnavailableException extends Exception {
        PortUnavailableException(String message) {
            super(message);
        }
    }
}
