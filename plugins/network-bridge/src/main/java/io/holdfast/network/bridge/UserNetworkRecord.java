package io.holdfast.network.bridge;

import java.util.Map;

/**
 * One user-defined network on disk, {@code <data-root>/network/user/<id>.json}; see {@link UserNetworkFiles}.
 *
 * @param bip     the bridge's address with the prefix, e.g. {@code 10.77.0.1/24} (gateway and subnet)
 * @param created ISO-8601 instant
 */
record UserNetworkRecord(String id, String name, String bridge, String bip, int mtu, boolean internal,
                         Map<String, String> labels, Map<String, String> options, String created) {
    UserNetworkRecord {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        options = options == null ? Map.of() : Map.copyOf(options);
    }

    Subnet subnet() {
        return Subnet.parse(bip);
    }
}
