package io.holdfast.supervisor.containers;

import io.holdfast.spi.container.ContainerRecord;
import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.EngineException.Kind;
import io.holdfast.spi.container.NamingOptions;
import io.holdfast.spi.container.NetworkConnection;
import io.holdfast.spi.network.NetworkAttachment;
import io.holdfast.spi.network.NetworkBridge;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;

/**
 * Docker's {@code network connect} and {@code disconnect}: a container's further networks, each an interface its
 * network's bridge adds to the container's namespace, recorded in the container's record.
 *
 * <p>Why the order makes a {@code kill -9} harmless: a connection is recorded only after the bridge built it, and
 * forgotten before the bridge is asked to remove it. An engine killed in between leaves an interface and a lease
 * that no record lists, which the bridge's restore at the next start releases (the connect undone, the disconnect
 * completed). Each operation holds the container's lock and {@code restoreLock} (which the plugins' restore holds),
 * so no restore ever sees a connect half made. Blocks on the bridge ({@code ip} runs) and on saving the record.
 */
final class NetworkConnections {
    private static final Logger LOG = Logger.getLogger(NetworkConnections.class.getName());
    /** Networks with no namespace to share or none at all: Docker refuses to connect to or from them as well. */
    private static final Set<String> UNCONNECTABLE = Set.of("host", "none");

    private final ContainerTable table;
    private final Plugins plugins;
    private final Object restoreLock;

    NetworkConnections(ContainerTable table, Plugins plugins, Object restoreLock) {
        this.table = table;
        this.plugins = plugins;
        this.restoreLock = restoreLock;
    }

    ContainerRecord connect(String id, String network, List<String> aliases, String ipv4Address) {
        return locked(id, () -> {
            ContainerRecord record = table.byId(id);
            if (network.equals(record.spec().networkMode()) || record.connected().containsKey(network)) {
                throw new EngineException(Kind.FORBIDDEN, "endpoint with name " + record.name()
                        + " already exists in network " + network);
            }
            NetworkAttachment first = record.network();
            if (UNCONNECTABLE.contains(network) || first == null || first.sharesHost()
                    || first.namespacePath() == null) {
                throw new EngineException(Kind.INVALID, "container " + record.name() + " (network "
                        + record.spec().networkMode() + ") cannot be connected to network " + network + ": only a "
                        + "container with a network namespace of its own can join a further bridge network");
            }
            checkAliases(aliases);
            NetworkBridge bridge = plugins.network(network);
            NetworkAttachment attachment;
            try {
                attachment = bridge.connect(id, first.namespacePath(), ipv4Address == null ? "" : ipv4Address);
            } catch (IllegalArgumentException invalid) {
                throw new EngineException(Kind.INVALID, invalid.getMessage());
            } catch (IllegalStateException conflict) {
                throw new EngineException(Kind.CONFLICT, conflict.getMessage());
            } catch (IOException e) {
                throw new EngineException(Kind.FAILED, e.getMessage(), e);
            }
            Map<String, NetworkConnection> connections = new LinkedHashMap<>(record.connected());
            connections.put(network, new NetworkConnection(network, aliases, attachment));
            ContainerRecord connected = record.withConnected(connections);
            try {
                table.put(connected);
            } catch (RuntimeException notSaved) {
                disconnectQuietly(bridge, id, notSaved);
                throw notSaved;
            }
            return connected;
        });
    }

    /** Returns the record before the disconnect: its networks are the ones whose hosts files change. */
    ContainerRecord disconnect(String id, String network) {
        return locked(id, () -> {
            ContainerRecord record = table.byId(id);
            if (network.equals(record.spec().networkMode()) && !record.connected().containsKey(network)) {
                throw new EngineException(Kind.INVALID, "container " + record.name() + " cannot leave network "
                        + network + ", the one it was created on; only networks it was connected to can be "
                        + "disconnected (remove the container to leave its first network)");
            }
            if (!record.connected().containsKey(network)) {
                throw new EngineException(Kind.CONFLICT, "container " + record.id() + " is not connected to network "
                        + network);
            }
            Map<String, NetworkConnection> connections = new LinkedHashMap<>(record.connected());
            connections.remove(network);
            table.put(record.withConnected(connections)); // forgotten first: see the class comment
            try {
                plugins.network(network).disconnect(id);
            } catch (IOException | RuntimeException e) {
                throw new EngineException(Kind.FAILED, "container " + record.name() + " is disconnected from "
                        + network + ", but its interface is not removed yet: " + e.getMessage()
                        + "; the engine's next start removes it", e);
            }
            return record;
        });
    }

    /**
     * Disconnects a removed container from every network it was connected to, before its first network detaches
     * it; failures are logged (the bridges' restore releases what is left).
     */
    static void disconnectAll(Plugins plugins, ContainerRecord removed) {
        removed.connected().keySet().forEach(network -> {
            try {
                plugins.network(network).disconnect(removed.id());
            } catch (IOException | RuntimeException e) {
                LOG.warning(() -> "removed container " + removed.shortId() + " keeps its interface on network "
                        + network + " until the engine's next start: " + e.getMessage());
            }
        });
    }

    private static void checkAliases(List<String> aliases) {
        try {
            new NamingOptions("", "", List.of(), List.of(), List.of(), List.of(), aliases);
        } catch (IllegalArgumentException invalid) {
            throw new EngineException(Kind.INVALID, invalid.getMessage());
        }
    }

    private static void disconnectQuietly(NetworkBridge bridge, String id, RuntimeException failure) {
        try {
            bridge.disconnect(id);
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private <T> T locked(String id, java.util.function.Supplier<T> action) {
        synchronized (restoreLock) {
            ReentrantLock lock = table.lock(id);
            lock.lock();
            try {
                return action.get();
            } finally {
                lock.unlock();
            }
        }
    }
}
