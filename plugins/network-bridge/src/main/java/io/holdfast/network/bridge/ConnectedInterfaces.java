package io.holdfast.network.bridge;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A container's interface on a further network ({@code docker network connect}): a veth pair whose host end
 * {@link NetworkNames#connectedVeth hc<13>} is a port of this network's bridge and whose other end is the next free
 * {@code ethN} (N &ge; 1) in the container's existing namespace, which belongs to its first network. It carries the
 * address and no route beyond the subnet: the default route stays via the first network. Creating undoes its own
 * work on failure; removing is idempotent and leaves the namespace alone. Every method blocks on {@code ip} runs.
 */
final class ConnectedInterfaces {
    /** The settings key naming the interface in the container, e.g. {@code eth1}. */
    static final String INTERFACE = "Interface";

    private final IpCommands ip;
    private final String bridge;
    private final Subnet subnet;
    private final int mtu;

    ConnectedInterfaces(IpCommands ip, String bridge, Subnet subnet, int mtu) {
        this.ip = ip;
        this.bridge = bridge;
        this.subnet = subnet;
        this.mtu = mtu;
    }

    /** The host end for {@code containerId} on this bridge. */
    String veth(String containerId) {
        return NetworkNames.connectedVeth(containerId, bridge);
    }

    /**
     * Builds the interface with {@code address} in {@code namespace} and returns its settings ({@code IPAddress},
     * {@code IPPrefixLen}, {@code Gateway}, {@code MacAddress}, {@code SandboxKey}, {@link #INTERFACE}). Fails if
     * the host veth exists; on failure whatever this call made is deleted.
     */
    Map<String, String> create(String containerId, String namespace, int address) throws IOException {
        IpCommands inside = ip.in(namespace);
        String name = nextInterface(inside);
        String veth = veth(containerId);
        boolean created = false;
        try {
            ip.addVethPair(veth, name, MacAddresses.of(address), namespace, mtu);
            created = true;
            ip.setMaster(veth, bridge);
            ip.up(veth);
            inside.addAddress(name, subnet.cidr(address));
            inside.up(name);
            return settings(namespace, name, address, inside);
        } catch (IOException | RuntimeException e) {
            if (created) {
                try {
                    ip.deleteLinkIfPresent(veth);
                } catch (IOException cleanup) {
                    e.addSuppressed(cleanup);
                }
            }
            throw e;
        }
    }

    /**
     * The settings of the container's interface on this network if it is complete: the host veth is a port of this
     * bridge and its peer in {@code namespace} has {@code address}. Empty otherwise.
     */
    Optional<Map<String, String>> existing(String containerId, String namespace, int address) throws IOException {
        Optional<IpCommands.Link> host = ip.link(veth(containerId));
        if (host.isEmpty() || !bridge.equals(host.get().master())) {
            return Optional.empty();
        }
        IpCommands inside = ip.in(namespace);
        for (IpCommands.Link link : inside.links()) {
            if (link.name().startsWith("eth") && !link.name().equals(Sandboxes.INTERFACE)
                    && inside.ipv4Addresses(link.name()).contains(subnet.cidr(address))) {
                return Optional.of(settings(namespace, link.name(), address, inside));
            }
        }
        return Optional.empty();
    }

    /** Deletes the host veth, which takes the container's end with it; whether it was there. */
    boolean remove(String containerId) throws IOException {
        return ip.deleteLinkIfPresent(veth(containerId));
    }

    /** The lowest {@code ethN}, N &ge; 1, that the namespace does not have. */
    private static String nextInterface(IpCommands inside) throws IOException {
        Set<String> taken = inside.links().stream().map(IpCommands.Link::name).collect(Collectors.toSet());
        for (int n = 1; ; n++) {
            if (!taken.contains("eth" + n)) {
                return "eth" + n;
            }
        }
    }

    private Map<String, String> settings(String namespace, String name, int address, IpCommands inside)
            throws IOException {
        IpCommands.Link link = inside.link(name).orElseThrow(() -> new IOException(name
                + " vanished from namespace " + namespace));
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("IPAddress", Ipv4.format(address));
        settings.put("IPPrefixLen", Integer.toString(subnet.prefixLength()));
        settings.put("Gateway", Ipv4.format(subnet.gateway()));
        settings.put("MacAddress", link.mac());
        settings.put("SandboxKey", NetworkNames.NETNS_DIR + namespace);
        settings.put(INTERFACE, name);
        return settings;
    }
}
