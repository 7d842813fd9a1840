package io.holdfast.spi.network;

import java.util.Map;

/**
 * How a container joins a network.
 *
 * @param network       the bridge's name, e.g. {@code none}
 * @param namespacePath the network namespace to join, or {@code null} for the runtime to create a new one
 * @param settings      Docker's {@code NetworkSettings} fields (e.g. {@code IPAddress}) for inspect
 * @param sharesHost    the container gets no network namespace of its own and uses the host's
 *                      ({@code --network host}); {@code namespacePath} is then {@code null}
 */
public record NetworkAttachment(String network, String namespacePath, Map<String, String> settings,
                                boolean sharesHost) {
    public NetworkAttachment {
        settings = settings == null ? Map.of() : Map.copyOf(settings);
        if (sharesHost && namespacePath != null) {
            throw new IllegalArgumentException("a container that shares the host's network namespace joins no other");
        }
    }

    /** A container with a namespace of its own: a new one ({@code namespacePath == null}) or the one given. */
    public NetworkAttachment(String network, String namespacePath, Map<String, String> settings) {
        this(network, namespacePath, settings, false);
    }

    /** A container in the host's network namespace. */
    public static NetworkAttachment host(String network) {
        return new NetworkAttachment(network, null, Map.of(), true);
    }
}
