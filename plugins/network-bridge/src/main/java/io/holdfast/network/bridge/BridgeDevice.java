package io.holdfast.network.bridge;

import java.io.IOException;
import java.util.logging.Logger;

/**
 * Makes sure the Linux bridge exists, carries the gateway address and is up, without disturbing one that is already
 * there: an existing bridge keeps its ports, addresses and MTU (running containers hang off it), and gets only what
 * it lacks, the {@code bip} address and the up flag. Nothing here enables IP forwarding or NAT: containers reach
 * each other and the host, not the outside. Blocks on {@code ip}.
 */
final class BridgeDevice {
    private static final Logger LOG = Logger.getLogger(BridgeDevice.class.getName());

    private final IpCommands ip;
    private final String name;
    private final Subnet subnet;
    private final int mtu;

    BridgeDevice(IpCommands ip, String name, Subnet subnet, int mtu) {
        this.ip = ip;
        this.name = name;
        this.subnet = subnet;
        this.mtu = mtu;
    }

    /** Creates the bridge if it is missing; adds the gateway address and brings it up if needed. */
    void ensure() throws IOException {
        IpCommands.Link link = ip.link(name).orElse(null);
        if (link == null) {
            // a fixed MAC, or the bridge would take its lowest port's and change it as containers come and go,
            // leaving stale gateway entries in the containers' ARP caches
            ip.addBridge(name, MacAddresses.of(subnet.gateway()), mtu);
            LOG.info(() -> "created bridge " + name + " with mtu " + mtu);
        } else if (!"bridge".equals(link.kind())) {
            throw new IOException("network interface " + name + " exists but is a "
                    + (link.kind().isEmpty() ? "plain device" : link.kind()) + ", not a bridge; remove it or "
                    + "configure another \"bridge\"");
        } else if (link.mtu() != mtu) {
            LOG.warning(() -> "bridge " + name + " has mtu " + link.mtu() + ", not the configured " + mtu
                    + "; left as it is");
        }
        if (!ip.ipv4Addresses(name).contains(subnet.gatewayCidr())) {
            ip.addAddress(name, subnet.gatewayCidr());
        }
        if (link == null || !link.up()) {
            ip.up(name);
        }
    }
}
