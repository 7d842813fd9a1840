package io.holdfast.network.bridge;

import io.holdfast.spi.network.NetworkAttachment;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The containers of one Linux bridge: attach (lease an address, build the namespace and veth), detach, and restore
 * ({@link RestoreSweep}). Shared by the default {@code bridge} network and every user-defined one; each has its own
 * bridge, {@link AddressPool} and lease file. Every method blocks on {@code ip} runs and on the lease file.
 */
final class BridgeEndpoints {
    private final String network;
    private final String bridge;
    private final AddressPool pool;
    private final Sandboxes sandboxes;
    private final RestoreSweep sweep;
    /** Added to every attachment's settings, e.g. {@code NetworkID}. */
    private final Map<String, String> extraSettings;

    BridgeEndpoints(String network, IpCommands ip, String bridge, AddressPool pool, Sandboxes sandboxes,
                    Map<String, String> extraSettings) {
        this.network = network;
        this.bridge = bridge;
        this.pool = pool;
        this.sandboxes = sandboxes;
        this.sweep = new RestoreSweep(ip, bridge, pool, sandboxes);
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
        NetworkNames.check(containerId);
        boolean leased = pool.leaseOf(containerId).isPresent();
        int address = pool.allocate(containerId);
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

    /** Deletes the container's veth and namespace and frees its address; unknown containers are fine. */
    void detach(String containerId) throws IOException {
        if (!NetworkNames.valid(containerId)) {
            return; // could never have been attached
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
        Map<String, String> all = new LinkedHashMap<>(settings);
        all.putAll(extraSettings);
        return new NetworkAttachment(network, NetworkNames.namespacePath(containerId), all);
    }
}
