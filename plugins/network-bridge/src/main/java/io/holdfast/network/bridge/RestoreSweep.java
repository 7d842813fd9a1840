package io.holdfast.network.bridge;

import io.holdfast.spi.network.NetworkAttachment;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;

/**
 * What {@link io.holdfast.spi.network.NetworkBridge#restore} does at engine start. The containers the engine still
 * has keep everything: their namespaces, veths, addresses and routes are not touched, and their addresses are
 * leased again even if the lease file was lost. Everything of this bridge that belongs to none of them is deleted:
 * their leases, the host veths ({@code hf*}) among the bridge's ports and the matching {@code holdfast-*}
 * namespaces, and the namespaces of the released leases.
 *
 * <p>Connected containers (this network is a further one of theirs) are kept alike: their lease and their
 * {@code hc<13>} veth. Theirs that belong to no given container are deleted too, the veth only: the namespace is
 * their first network's, which sweeps it if the container is gone.
 *
 * <p>Only this bridge's things are swept: a {@code holdfast-*} namespace that has neither a lease here nor a veth
 * on this bridge may belong to another engine's bridge on the same host and is left alone. Blocks on {@code ip}
 * and on writing the lease file.
 */
final class RestoreSweep {
    private static final Logger LOG = Logger.getLogger(RestoreSweep.class.getName());

    private final IpCommands ip;
    private final String bridge;
    private final AddressPool pool;
    private final Sandboxes sandboxes;
    private final ConnectedInterfaces connected;

    RestoreSweep(IpCommands ip, String bridge, AddressPool pool, Sandboxes sandboxes, ConnectedInterfaces connected) {
        this.ip = ip;
        this.bridge = bridge;
        this.pool = pool;
        this.sandboxes = sandboxes;
        this.connected = connected;
    }

    /**
     * Re-leases the given containers' addresses and deletes what belongs to no given container. Fails only if the
     * lease file cannot be written; a leftover that cannot be deleted is logged and left.
     */
    void run(Map<String, NetworkAttachment> attachments) throws IOException {
        Set<String> kept = attachments.keySet();
        for (Map.Entry<String, NetworkAttachment> entry : attachments.entrySet()) {
            keepLease(entry.getKey(), entry.getValue());
        }
        Set<String> wasConnected = pool.connected();
        Map<String, Integer> released = pool.retainOnly(kept);

        Set<String> veths = new TreeSet<>();
        Set<String> namespaces = new TreeSet<>();
        for (String id : released.keySet()) {
            if (wasConnected.contains(id) && NetworkNames.valid(id)) {
                veths.add(connected.veth(id)); // its namespace is another network's
            } else if (NetworkNames.valid(id) && kept.stream().noneMatch(k -> NetworkNames.clash(k, id))) {
                veths.add(NetworkNames.hostVeth(id));
                namespaces.add(NetworkNames.namespace(id));
            }
        }
        // the kept containers' names, made once: each port and namespace is looked up, not compared with every id
        Set<String> keptNames = new HashSet<>();
        Set<String> keptConnectedVeths = new HashSet<>();
        for (String id : kept) {
            if (NetworkNames.valid(id)) {
                keptNames.add(NetworkNames.hostVeth(id));
                keptNames.add(NetworkNames.namespace(id));
                keptConnectedVeths.add(connected.veth(id));
            }
        }
        for (IpCommands.Link port : ip.portsOf(bridge)) {
            if (NetworkNames.isHostVeth(port.name()) && !keptNames.contains(port.name())) {
                veths.add(port.name());
            }
            if (NetworkNames.isConnectedVeth(port.name()) && !keptConnectedVeths.contains(port.name())) {
                veths.add(port.name()); // a connected container that is gone, or a connect cut short
            }
        }
        for (String namespace : ip.namespaces()) {
            if (!keptNames.contains(namespace) && veths.stream().anyMatch(veth -> NetworkNames.pair(namespace, veth))) {
                namespaces.add(namespace);
            }
        }

        List<String> removed = new ArrayList<>();
        for (String veth : veths) {
            delete(removed, "veth " + veth, () -> ip.deleteLinkIfPresent(veth));
        }
        for (String namespace : namespaces) {
            delete(removed, "namespace " + namespace, () -> ip.deleteNamespaceIfPresent(namespace));
        }
        LOG.info(() -> "bridge " + bridge + " restored: " + kept.size() + " container(s) kept, "
                + released.size() + " lease(s) released" + (removed.isEmpty() ? "" : ", removed " + removed));
    }

    /**
     * Leases the address the container has: from its attachment, else from its namespace, else as leased. A
     * connected container's attachment names its interface ({@link ConnectedInterfaces#INTERFACE}), so its lease is
     * recorded as a connected one even if the lease file was lost.
     */
    private void keepLease(String id, NetworkAttachment attachment) throws IOException {
        boolean isConnected = attachment == null ? pool.connected().contains(id)
                : attachment.settings().containsKey(ConnectedInterfaces.INTERFACE);
        Optional<Integer> address = Optional.empty();
        String recorded = attachment == null ? null : attachment.settings().get("IPAddress");
        if (recorded != null && !recorded.isEmpty()) {
            try {
                address = Optional.of(Ipv4.parse(recorded));
            } catch (IllegalArgumentException e) {
                LOG.warning(() -> "container " + id + " has an unreadable IPAddress \"" + recorded + "\"");
            }
        }
        if (address.isEmpty() && NetworkNames.valid(id) && !isConnected) {
            address = sandboxes.address(id);
        }
        if (address.isPresent()) {
            pool.mark(id, address.get(), isConnected);
        } else if (pool.leaseOf(id).isEmpty() && attachment != null) { // an orphan (null) may be on another network
            LOG.warning(() -> "container " + id + " on bridge " + bridge + " has no address that can be found");
        }
    }

    private interface Deletion {
        boolean run() throws IOException;
    }

    private void delete(List<String> removed, String what, Deletion deletion) {
        try {
            if (deletion.run()) {
                removed.add(what);
            }
        } catch (IOException e) {
            LOG.warning(() -> "bridge " + bridge + ": cannot delete leftover " + what + ": " + e.getMessage());
        }
    }
}
