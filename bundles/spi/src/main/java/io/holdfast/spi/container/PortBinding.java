package io.holdfast.spi.container;

import java.util.Locale;

/**
 * One published port: traffic to {@code hostIp:hostPort} on the host reaches {@code containerPort} of the container.
 * Docker's {@code HostConfig.PortBindings} entry ({@code "80/tcp": [{"HostIp": "127.0.0.1", "HostPort": "8080"}]}).
 *
 * <pre>{@code new PortBinding("127.0.0.1", 8080, 80, "tcp")   // -p 127.0.0.1:8080:80}</pre>
 *
 * @param hostIp        the host address to listen on; empty means every IPv4 address ({@code 0.0.0.0}), as Docker
 * @param hostPort      the host port; 0 asks for any free port, picked at each start
 * @param containerPort the container's port, 1 to 65535
 * @param protocol      {@code tcp} or {@code udp}
 */
public record PortBinding(String hostIp, int hostPort, int containerPort, String protocol) {
    public static final String TCP = "tcp";
    public static final String UDP = "udp";

    public PortBinding {
        hostIp = hostIp == null ? "" : hostIp.strip();
        protocol = protocol == null || protocol.isEmpty() ? TCP : protocol.toLowerCase(Locale.ROOT);
        if (!protocol.equals(TCP) && !protocol.equals(UDP)) {
            throw new IllegalArgumentException("port protocol \"" + protocol + "\": expected tcp or udp");
        }
        if (containerPort < 1 || containerPort > 65535) {
            throw new IllegalArgumentException("container port " + containerPort + ": expected 1 to 65535");
        }
        if (hostPort < 0 || hostPort > 65535) {
            throw new IllegalArgumentException("host port " + hostPort + ": expected 1 to 65535, or 0 for any");
        }
        if (hostIp.contains(":")) {
            throw new IllegalArgumentException("host address \"" + hostIp + "\": only IPv4 host addresses can "
                    + "publish a port");
        }
        if (!hostIp.isEmpty() && !IpLiteral.valid(hostIp)) {
            throw new IllegalArgumentException("host address \"" + hostIp + "\": expected an IPv4 address");
        }
    }

    /** Docker's key for the container side, e.g. {@code 80/tcp}. */
    public String portKey() {
        return containerPort + "/" + protocol;
    }

    /** The address the forwarder binds: {@code 0.0.0.0} when no host address was given. */
    public String bindAddress() {
        return hostIp.isEmpty() ? "0.0.0.0" : hostIp;
    }

    /** The same binding on the host port actually taken. */
    public PortBinding onHostPort(int port) {
        return new PortBinding(hostIp, port, containerPort, protocol);
    }

    @Override
    public String toString() {
        return bindAddress() + ":" + (hostPort == 0 ? "*" : Integer.toString(hostPort)) + "->" + portKey();
    }
}
