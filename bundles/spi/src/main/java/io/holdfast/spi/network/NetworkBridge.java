package io.holdfast.spi.network;

import java.io.IOException;
import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Connects containers to a network. Plugins register implementations with the {@link #NAME} property; a container's
 * {@code --network} picks one.
 *
 * <p>What the engine calls, in order:
 * <ol>
 * <li>{@link #attach} when a container is created, before the runtime creates it; a failure must undo its own work
 *     and release any address it took. This network is then the container's first network: it owns the
 *     container's network namespace and default route.</li>
 * <li>{@link #connect} when a container that is on another network joins this one as a further network
 *     ({@code docker network connect}): created, running or stopped, at any time after its first network's
 *     {@link #attach}. A failure must undo its own work and release any address it took.</li>
 * <li>{@link #disconnect} when a connected container leaves ({@code docker network disconnect}), running or not, and
 *     when it is removed, before its first network's {@link #detach}.</li>
 * <li>{@link #detach} when the container is removed, after its process has ended; never for a running one.</li>
 * <li>{@link #restore} at every engine start, before any container is adopted or started, with the attachment of
 *     every container on this network, its own and connected ones alike; again when the bridge's bundle arrives or
 *     is updated later, and when the restore runs again. It must be idempotent. The engine never runs it while an
 *     {@link #attach}, {@link #connect} or {@link #disconnect} is in progress.</li>
 * </ol>
 *
 * <p>Live restore of connections: the engine records a connection only after {@link #connect} returned, and forgets
 * it before it calls {@link #disconnect}. An engine killed in between lists, at the next {@link #restore}, exactly
 * the connections it recorded; whatever the bridge holds for a connection not listed (an interface, a lease) is what
 * a cut-short connect made or a cut-short disconnect left, and {@link #restore} releases it like any other leftover.
 *
 * <p>Restore contract: a bridge must never tear down, flush or rebuild a listed container's links, addresses, routes
 * or lease, neither when its component activates nor in {@link #restore}; it must never hand out an address a
 * listed container holds; it releases only what belongs to no listed container, and never touches what another
 * bridge or engine owns. Methods may block on netlink and disk I/O; they are not called concurrently for the same
 * container.
 *
 * <pre>{@code
 * @Component(property = NetworkBridge.NAME + "=none")
 * public class NoNetwork implements NetworkBridge { ... }
 * }</pre>
 */
@ConsumerType
public interface NetworkBridge {
    /** Service property carrying the bridge's name. */
    String NAME = "holdfast.network.bridge";

    /** The name {@code --network} uses. */
    String name();

    /** Prepares the container's network before it is created. */
    NetworkAttachment attach(String containerId) throws IOException;

    /** Releases what {@link #attach} took. Detaching something unknown succeeds. */
    void detach(String containerId) throws IOException;

    /**
     * Called at every engine start, before any container is adopted or started, with the attachment of every
     * container on this network that the engine has a record for, those it was attached to and those connected to it
     * (see the class comment for when else). The bridge keeps their links, addresses, routes
     * and leases exactly as they are (no flush and rebuild), and releases whatever belongs to no container. Blocks
     * on netlink and disk I/O.
     *
     * <p>Orphans (containers a monitor holds that no record knows about) are listed too, with a {@code null}
     * attachment: whatever the bridge holds for them is kept, like a listed container's, until the operator decides;
     * an orphan the bridge holds nothing for is no error.
     */
    void restore(Map<String, NetworkAttachment> attachments) throws IOException;

    /**
     * {@link #attach} with a fixed address ({@code docker run --ip}, {@code IPAMConfig.IPv4Address}); empty or
     * {@code null} means any. A bridge without fixed addresses refuses a non-empty one, as this default does.
     *
     * @throws IllegalArgumentException if the address is malformed or not one this network hands out
     * @throws IllegalStateException    if another container holds it
     */
    default NetworkAttachment attach(String containerId, String ipv4Address) throws IOException {
        if (ipv4Address == null || ipv4Address.isEmpty()) {
            return attach(containerId);
        }
        throw new IllegalArgumentException("network " + name() + " does not assign fixed addresses");
    }

    /**
     * Adds an interface on this network (the next free {@code ethN}, N &ge; 1) to the container's existing network
     * namespace {@code namespacePath}, which its first network made, with {@code ipv4Address} or, if empty or
     * {@code null}, the next free address; no default route. Connecting a container that is connected already
     * returns its attachment as it is. The settings carry {@code Interface} (e.g. {@code eth1}) besides the
     * {@link NetworkAttachment} fields {@link #attach} reports; the engine hands the attachment back at
     * {@link #restore}. Blocks on netlink and disk I/O. A bridge that cannot connect containers refuses, as this
     * default does.
     *
     * @throws IllegalArgumentException if the address is malformed or not one this network hands out, or the
     *                                  namespace is not one this bridge can join
     * @throws IllegalStateException    if the container is this network's own or another container holds the address
     */
    default NetworkAttachment connect(String containerId, String namespacePath, String ipv4Address)
            throws IOException {
        throw new IllegalArgumentException("network " + name() + " cannot connect a container that is on another "
                + "network");
    }

    /**
     * Removes the container's interface on this network and releases its address; leaves the namespace and the
     * container's other networks alone. Disconnecting a container that is not connected succeeds, so this default,
     * for bridges that never connect, does nothing. Blocks on netlink and disk I/O.
     */
    default void disconnect(String containerId) throws IOException {
    }

    /**
     * The bridge's own settings that a container's network depends on, as strings, e.g. {@code bridge},
     * {@code subnet}, {@code gateway}, {@code mtu}. Each container records them when it is created; a restore that
     * finds them changed (a new {@code bip}) does not adopt the container silently but lists it as needing
     * attention. Never blocks.
     */
    default Map<String, String> settings() {
        return Map.of();
    }
}
