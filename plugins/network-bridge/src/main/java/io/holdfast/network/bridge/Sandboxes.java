package io.holdfast.network.bridge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A container's network plumbing: its named network namespace with {@code lo}, and a veth pair whose host end is a
 * port of the bridge and whose other end is the namespace's {@code eth0}, carrying the container's address and a
 * default route via the gateway (which leads only to the bridge). Creating undoes its own partial work on failure;
 * removing is idempotent. Creating runs {@code ip} twice, whatever it makes; the others block on {@code ip} runs too,
 * except the existence checks, which look at {@code /run/netns}.
 */
final class Sandboxes {
    static final String INTERFACE = "eth0";

    private final IpCommands ip;
    private final String bridge;
    private final Subnet subnet;
    private final int mtu;
    /** False for an internal network: its containers reach the subnet only. */
    private final boolean defaultRoute;

    Sandboxes(IpCommands ip, String bridge, Subnet subnet, int mtu) {
        this(ip, bridge, subnet, mtu, true);
    }

    Sandboxes(IpCommands ip, String bridge, Subnet subnet, int mtu, boolean defaultRoute) {
        this.ip = ip;
        this.bridge = bridge;
        this.subnet = subnet;
        this.mtu = mtu;
        this.defaultRoute = defaultRoute;
    }

    /** Whether the named namespace exists ({@link IpCommands#namespaceExists}). */
    boolean namespaceExists(String namespace) {
        return ip.namespaceExists(namespace);
    }

    /** Whether the container's namespace exists. */
    boolean exists(String containerId) {
        return namespaceExists(NetworkNames.namespace(containerId));
    }

    /**
     * Builds the container's plumbing with {@code address} and returns its settings (see {@link #settings}), in two
     * {@code ip} processes: the host's side, then the namespace's. The namespace must not exist yet. On failure
     * whatever this call created is deleted again, and only that (a link or namespace of that name that was there
     * before is left), and the exception names the {@code ip} command that failed and its output (failures of that
     * cleanup are attached as suppressed).
     */
    Map<String, String> create(String containerId, int address) throws IOException {
        String namespace = NetworkNames.namespace(containerId);
        String veth = NetworkNames.hostVeth(containerId);
        String mac = MacAddresses.of(address);
        String m = Integer.toString(mtu);
        List<String> inside = new ArrayList<>(List.of("link set lo up",
                "addr add " + subnet.cidr(address) + " dev " + INTERFACE, "link set " + INTERFACE + " up"));
        if (defaultRoute) {
            inside.add("route add default via " + Ipv4.format(subnet.gateway()) + " dev " + INTERFACE);
        }
        boolean vethWasThere = Files.exists(Path.of("/sys/class/net", veth), LinkOption.NOFOLLOW_LINKS);
        boolean namespaceWasThere = namespaceExists(namespace);
        try {
            // the peer is made directly inside the namespace, so no half-moved interface is ever left on the host
            ip.batch(List.of("netns add " + namespace,
                    "link add " + veth + " mtu " + m + " type veth peer name " + INTERFACE + " address " + mac
                            + " mtu " + m + " netns " + namespace,
                    "link set " + veth + " master " + bridge,
                    "link set " + veth + " up"));
            ip.in(namespace).batch(inside);
            return settings(containerId, address, mac);
        } catch (IOException | RuntimeException e) {
            if (!vethWasThere) {
                undo(e, () -> ip.deleteLinkIfPresent(veth));
            }
            if (!namespaceWasThere) {
                undo(e, () -> ip.deleteNamespaceIfPresent(namespace));
            }
            throw e;
        }
    }

    /**
     * The settings of plumbing that is already complete: the namespace exists and its {@code eth0} has
     * {@code address}. Empty if not (missing, or left half-built by a crash).
     */
    Optional<Map<String, String>> existing(String containerId, int address) throws IOException {
        if (!exists(containerId)) {
            return Optional.empty();
        }
        IpCommands inside = ip.in(NetworkNames.namespace(containerId));
        if (inside.link(INTERFACE).isEmpty() || !inside.ipv4Addresses(INTERFACE).contains(subnet.cidr(address))) {
            return Optional.empty();
        }
        return Optional.of(settings(containerId, address, inside.link(INTERFACE).orElseThrow(() -> new IOException(
                INTERFACE + " vanished from namespace " + NetworkNames.namespace(containerId))).mac()));
    }

    /** The IPv4 address of the container's {@code eth0}, if its namespace and interface exist and have one. */
    Optional<Integer> address(String containerId) throws IOException {
        if (!exists(containerId)) {
            return Optional.empty();
        }
        IpCommands inside = ip.in(NetworkNames.namespace(containerId));
        if (inside.link(INTERFACE).isEmpty()) {
            return Optional.empty();
        }
        return inside.ipv4Addresses(INTERFACE).stream().findFirst()
                .map(cidr -> Ipv4.parse(cidr.substring(0, cidr.indexOf('/'))));
    }

    /**
     * Deletes the host veth (which takes {@code eth0} with it at once) and then the namespace. Either may be gone
     * already; returns whether anything was there.
     */
    boolean remove(String containerId) throws IOException {
        boolean veth = ip.deleteLinkIfPresent(NetworkNames.hostVeth(containerId));
        boolean namespace = ip.deleteNamespaceIfPresent(NetworkNames.namespace(containerId));
        return veth || namespace;
    }

    /**
     * Docker's {@code NetworkSettings} names: {@code IPAddress}, {@code IPPrefixLen}, {@code Gateway},
     * {@code MacAddress} (read from {@code eth0}) and {@code SandboxKey} (the namespace's path).
     */
    private Map<String, String> settings(String containerId, int address, String mac) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("IPAddress", Ipv4.format(address));
        settings.put("IPPrefixLen", Integer.toString(subnet.prefixLength()));
        settings.put("Gateway", Ipv4.format(subnet.gateway()));
        settings.put("MacAddress", mac);
        settings.put("SandboxKey", NetworkNames.namespacePath(containerId));
        return settings;
    }

    private interface Step {
        void run() throws IOException;
    }

    private static void undo(Exception failure, Step step) {
        try {
            step.run();
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }
}
