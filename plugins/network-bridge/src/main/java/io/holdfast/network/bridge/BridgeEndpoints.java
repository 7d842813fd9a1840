package io.holdfast.network.bridge;

import io.holdfast.spi.network.NetworkAttachment;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The containers of one Linux bridge: attach (lease an address, build the namespace and veth), detach, connect and
 * disconnect containers whose namespace belongs to another network ({@link ConnectedInterfaces}), and restore
 * ({@link RestoreSweep}). Shared by the default {@code bridge} network and every user-defined one; each has its own
 * bridge, {@link AddressPool} and lease file. Every method blocks on {@code ip} runs and on the lease file.
 */
final class BridgeEndpoints {
    private final String network;
    private final String bridge;
    private final AddressPool pool;
    private final Sandboxes sandboxes;
    private final ConnectedInterfaces connected;
    private final RestoreSweep sweep;
    /** Added to every attachment's settings, e.g. {@code NetworkID}. */
    private final Map<String, String> extraSettings;

    BridgeEndpoints(String network, IpCommands ip, String bridge, AddressPool pool, Sandboxes sandboxes,
                    ConnectedInterfaces connected, Map<String, String> extraSettings) {
        this.network = network;
        this.bridge = bridge;
        this.pool = pool;
        this.sandboxes = sandboxes;
        this.connected = connected;
        this.sweep = new RestoreSweep(ip, bridge, pool, sandboxes, connected);
        this.extraSettings = Map.copyOf(extraSettings);
    }

    AddressPool pool() {
        return pool;
    }

    /**
     * Leases an address and builds the container's namespace and veth; if the container already has complete
     * plumbing (attached before), returns it as it is. On failure nothing is left and the lease is released.
     */
    NetworkAttachment attach(String containerId) throws IOException {
        return attach(containerId, "");
    }

    /**
     * {@link #attach(String)} with {@code ipv4Address} ({@code --ip}) when not empty.
     *
     * @throws IllegalArgumentException if the address is not an IPv4 address this subnet hands out
     * @throws IllegalStateException    if another container holds it
     */
    NetworkAttachment attach(String containerId, String ipv4Address) throws IOException {
        NetworkNames.check(containerId);
        if (pool.connected().contains(containerId)) {
            throw new IllegalStateException("container " + containerId + " is connected to network " + network
                    + " as a further network");
        }
        boolean leased = pool.leaseOf(containerId).isPresent();
        int address = pool.allocate(containerId, requested(ipv4Address), false);
        try {
            Optional<Map<String, String>> existing = sandboxes.existing(containerId, address);
            if (existing.isPresent()) {
                return attachment(containerId, existing.get());
            }
            clearLeftover(containerId, leased);
            return attachment(containerId, sandboxes.create(containerId, address));
        } catch (IOException | RuntimeException e) {
            try {
                pool.release(containerId);
            } catch (IOException releaseFailure) {
                e.addSuppressed(releaseFailure);
            }
            throw new IOException("cannot attach container " + containerId + " to bridge " + bridge + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Connects a container whose namespace is {@code namespacePath} (made by another network) to this one: leases
     * {@code ipv4Address}, or the next free address when empty, and builds its {@code ethN}. If the container is
     * connected already and its interface is complete, returns it as it is; a half-built one (a crash) is rebuilt. On
     * failure nothing is left and the lease is released.
     *
     * @throws IllegalArgumentException for a namespace path that is not {@code /run/netns/NAME} or a bad address
     * @throws IllegalStateException    if the container is this network's own (attached), or the address is taken
     */
    NetworkAttachment connect(String containerId, String namespacePath, String ipv4Address) throws IOException {
        NetworkNames.check(containerId);
        String namespace = NetworkNames.namespaceAt(namespacePath).orElseThrow(() -> new IllegalArgumentException(
                "container " + containerId + " has no network namespace of its own that network " + network
                        + " can join (" + namespacePath + ")"));
        if (pool.leaseOf(containerId).isPresent() && !pool.connected().contains(containerId)) {
            throw new IllegalStateException("endpoint for container " + containerId + " already exists in network "
                    + network);
        }
        if (!sandboxes.namespaceExists(namespace)) {
            throw new IOException("network namespace " + namespace + " of container " + containerId
                    + " does not exist");
        }
        int address = pool.allocate(containerId, requested(ipv4Address), true);
        try {
            Optional<Map<String, String>> existing = connected.existing(containerId, namespace, address);
            if (existing.isPresent()) {
                return new NetworkAttachment(network, namespacePath, withExtra(existing.get()));
            }
            connected.remove(containerId); // what a crashed connect left
            return new NetworkAttachment(network, namespacePath,
                    withExtra(connected.create(containerId, namespace, address)));
        } catch (IOException | RuntimeException e) {
            try {
                pool.release(containerId);
            } catch (IOException releaseFailure) {
                e.addSuppressed(releaseFailure);
            }
            throw new IOException("cannot connect container " + containerId + " to network " + network + ": "
                    + e.getMessage(), e);
        }
    }

    /** Deletes a connected container's interface and frees its address; one not connected is fine. */
    void disconnect(String containerId) throws IOException {
        if (!NetworkNames.valid(containerId) || (pool.leaseOf(containerId).isPresent()
                && !pool.connected().contains(containerId))) {
            return; // never connected, or this network's own container: detach is for that
        }
        try {
            connected.remove(containerId);
            pool.release(containerId);
        } catch (IOException e) {
            throw new IOException("cannot disconnect container " + containerId + " from network " + network + ": "
                    + e.getMessage(), e);
        }
    }

    /** Deletes the container's veth and namespace and frees its address; unknown containers are fine. */
    void detach(String containerId) throws IOException {
        if (!NetworkNames.valid(containerId)) {
            return; // could never have been attached
        }
        if (pool.connected().contains(containerId)) {
            disconnect(containerId); // its namespace is another network's
            return;
        }
        try {
            if (!sharesNamesWithAnother(containerId)) {
                sandboxes.remove(containerId);
            }
            pool.release(containerId);
        } catch (IOException e) {
            throw new IOException("cannot detach container " + containerId + " from bridge " + bridge + ": "
                    + e.getMessage(), e);
        }
    }

    /** See {@link RestoreSweep}. */
    void restore(Map<String, NetworkAttachment> attachments) throws IOException {
        sweep.run(attachments);
    }

    /**
     * Removes what a crashed attach of this container left (it held a lease, so the namespace is its own). A
     * namespace without a lease, or one whose name another leased container shares, is someone else's: the attach
     * fails and it is left alone.
     */
    private void clearLeftover(String containerId, boolean leased) throws IOException {
        if (sharesNamesWithAnother(containerId)) {
            throw new IOException("namespace " + NetworkNames.namespace(containerId) + " or veth "
                    + NetworkNames.hostVeth(containerId) + " belongs to another container with the same id prefix");
        }
        if (leased) {
            sandboxes.remove(containerId);
        } else if (sandboxes.exists(containerId)) {
            throw new IOException("namespace " + NetworkNames.namespace(containerId)
                    + " exists but this bridge holds no lease for it; remove it with `ip netns delete "
                    + NetworkNames.namespace(containerId) + "` if no container uses it");
        }
    }

    private boolean sharesNamesWithAnother(String containerId) {
        return pool.leases().keySet().stream().anyMatch(other -> NetworkNames.clash(containerId, other));
    }

    private NetworkAttachment attachment(String containerId, Map<String, String> settings) {
        return new NetworkAttachment(network, NetworkNames.namespacePath(containerId), withExtra(settings));
    }

    private Map<String, String> withExtra(Map<String, String> settings) {
        Map<String, String> all = new LinkedHashMap<>(settings);
        all.putAll(extraSettings);
        return all;
    }

    /** The address asked for, or null for the next free one. */
    private static Integer requested(String ipv4Address) {
        if (ipv4Address == null || ipv4Address.isEmpty()) {
            return null;
        }
        try {
            return Ipv4.parse(ipv4Address);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid IPv4 address \"" + ipv4Address + "\"");
        }
    }
}
