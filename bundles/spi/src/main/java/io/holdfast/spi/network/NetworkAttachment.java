package io.holdfast.spi.network;

import java.util.Map;

/**
 * How a container joins a network.
 *
 * @param network       the bridge's name, e.g. {@code none}
 * @param namespacePath the network namespace to join, or {@code null} for the runtime to create a new one
 * @param settings      Docker's {@code NetworkSettings} fields (e.g. {@code IPAddress}) for inspect
 */
public record NetworkAttachment(String network, String namespacePath, Map<String, String> settings) {
    public NetworkAttachment {
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }
}
