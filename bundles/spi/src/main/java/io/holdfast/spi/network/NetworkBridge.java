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
 *     and release any address it took.</li>
 * <li>{@link #detach} when the container is removed, after its process has ended; never for a running one.</li>
 * <li>{@link #restore} at every engine start, before any container is adopted or started, with the attachment of
 *     every container on this network; again when the bridge's bundle arrives or is updated later, and when the
 *     restore runs again. It must be idempotent. The engine never runs it while an {@link #attach} is in
 *     progress.</li>
 * </ol>
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
     * container on this network that the engine has a record for (see the class comment for when else). The bridge keeps their links, addresses, routes
     * and leases exactly as they are (no flush and rebuild), and releases whatever belongs to no container. Blocks
     * on netlink and disk I/O.
     *
     * <p>Orphans (containers a monitor holds that no record knows about) are listed too, with a {@code null}
     * attachment: whatever the bridge holds for them is kept, like a listed container's, until the operator decides;
     * an orphan the bridge holds nothing for is no error.
     */
    void restore(Map<String, NetworkAttachment> attachments) throws IOException;

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
