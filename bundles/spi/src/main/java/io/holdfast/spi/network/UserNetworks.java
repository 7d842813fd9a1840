package io.holdfast.spi.network;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * User-defined networks ({@code docker network create}): each is a Linux bridge of its own with a subnet of its own,
 * served by a {@link NetworkBridge} registered under the network's name, so {@code --network NAME} attaches to it
 * like to any other bridge and a restore restores it like any other. The records and leases are files under the
 * data root, written atomically; the bridges live in the kernel and survive the engine.
 *
 * <p>Thread-safe; every method may block on {@code ip} runs and disk I/O. Bad input is an
 * {@link IllegalArgumentException} naming what is wrong; a name in use or a network with containers is an
 * {@link IllegalStateException}.
 *
 * <pre>{@code
 * NetworkInfo n = networks.create(new NetworkRequest("backend", "", "", "", false, Map.of(), Map.of()));
 * networks.remove(n.id());
 * }</pre>
 */
@ProviderType
public interface UserNetworks {
    /** Creates the bridge, records the network and registers its {@link NetworkBridge}. */
    NetworkInfo create(NetworkRequest request) throws IOException;

    /** Every user-defined network, by name. */
    List<NetworkInfo> list();

    /** The network with this name, full id or unique id prefix. */
    Optional<NetworkInfo> find(String ref);

    /**
     * Deletes the network: its bridge service, its Linux bridge, its record and its leases.
     *
     * @throws IllegalStateException if any container still holds an address on it
     */
    void remove(String ref) throws IOException;
}
