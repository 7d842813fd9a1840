package io.holdfast.spi.container;

import io.holdfast.spi.network.NetworkAttachment;
import java.util.List;

/**
 * A further network a container was connected to ({@code docker network connect}), besides the one it was created
 * on: recorded in its {@link ContainerRecord} once the network's bridge has built the interface.
 *
 * <pre>{@code new NetworkConnection("backend", List.of("db"), attachment)}</pre>
 *
 * @param network    the network's name
 * @param aliases    further names the container has on that network ({@code --alias}); the other containers of the
 *                   network find it by them, as by its name
 * @param attachment what the bridge reported: the address, gateway and MAC address, and {@code Interface} (e.g.
 *                   {@code eth1})
 */
public record NetworkConnection(String network, List<String> aliases, NetworkAttachment attachment) {
    public NetworkConnection {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        if (network == null || network.isEmpty()) {
            throw new IllegalArgumentException("a connection needs a network name");
        }
    }
}
