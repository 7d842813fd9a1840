package io.holdfast.network.bridge;

import io.holdfast.spi.network.NetworkAttachment;
import io.holdfast.spi.network.NetworkBridge;
import java.io.IOException;
import java.util.Map;

/**
 * One user-defined network as the engine sees it: a {@link NetworkBridge} named like the network, registered by
 * {@link UserNetworkRegistry}, over a Linux bridge of its own. Attachments carry the network's id as
 * {@code NetworkID}. Once {@link #retire retired} (the network is being removed) it attaches nobody. Blocks like
 * {@link BridgeEndpoints}.
 */
final class UserBridgeNetwork implements NetworkBridge {
    private final UserNetworkRecord record;
    private final BridgeEndpoints endpoints;
    private boolean retired;

    UserBridgeNetwork(UserNetworkRecord record, IpCommands ip, AddressPool pool) {
        this.record = record;
        Subnet subnet = record.subnet();
        this.endpoints = new BridgeEndpoints(record.name(), ip, record.bridge(), pool,
                new Sandboxes(ip, record.bridge(), subnet, record.mtu(), !record.internal()),
                new ConnectedInterfaces(ip, record.bridge(), subnet, record.mtu()), Map.of("NetworkID", record.id()));
    }

    UserNetworkRecord record() {
        return record;
    }

    AddressPool pool() {
        return endpoints.pool();
    }

    @Override
    public String name() {
        return record.name();
    }

    @Override
    public Map<String, String> settings() {
        Subnet subnet = record.subnet();
        return Map.of("bridge", record.bridge(), "subnet", subnet.toString(), "gateway",
                Ipv4.format(subnet.gateway()), "mtu", Integer.toString(record.mtu()));
    }

    @Override
    public synchronized NetworkAttachment attach(String containerId) throws IOException {
        return attach(containerId, "");
    }

    @Override
    public synchronized NetworkAttachment attach(String containerId, String ipv4Address) throws IOException {
        if (retired) {
            throw new IOException("network " + record.name() + " has been removed");
        }
        return endpoints.attach(containerId, ipv4Address);
    }

    @Override
    public synchronized NetworkAttachment connect(String containerId, String namespacePath, String ipv4Address)
            throws IOException {
        if (retired) {
            throw new IOException("network " + record.name() + " has been removed");
        }
        return endpoints.connect(containerId, namespacePath, ipv4Address);
    }

    @Override
    public synchronized void disconnect(String containerId) throws IOException {
        endpoints.disconnect(containerId);
    }

    @Override
    public synchronized void detach(String containerId) throws IOException {
        endpoints.detach(containerId);
    }

    @Override
    public synchronized void restore(Map<String, NetworkAttachment> attachments) throws IOException {
        endpoints.restore(attachments);
    }

    /**
     * Stops attaching, if nobody holds an address; returns whether it did. Serialised with {@link #attach}, so no
     * container can join between the check and the removal.
     */
    synchronized boolean retireIfUnused() {
        if (!pool().leases().isEmpty()) {
            return false;
        }
        retired = true;
        return true;
    }
}
