package io.holdfast.spi.network;

import java.io.IOException;
import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Connects containers to a network. Plugins register implementations with the {@link #NAME} property; a container's
 * {@code --network} picks one.
 *
 * <p>Restore contract: a bridge must never tear down or rebuild a running container's links, addresses or routes
 * when it starts; the engine calls {@link #detach} only for containers that are being removed. Methods may block on
 * netlink or disk I/O; they are not called concurrently for the same container.
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
     * Called once per engine start, before any container is adopted or started, with the attachment of every
     * container on this network that the engine has a record for. The bridge keeps their links, addresses, routes
     * and leases exactly as they are (no flush and rebuild), and releases whatever belongs to no container. Blocks
     * on netlink and disk I/O.
     */
    void restore(Map<String, NetworkAttachment> attachments) throws IOException;
}
