package io.holdfast.spi.network;

import java.time.Instant;
import java.util.Map;

/**
 * A user-defined network as {@link UserNetworks} reports it: its record and the containers holding an address on it.
 *
 * @param id         64 hex characters
 * @param name       unique among networks; also the {@link NetworkBridge#NAME} of the bridge that serves it
 * @param driver     always {@code bridge}
 * @param bridge     the Linux bridge's name
 * @param subnet     e.g. {@code 10.77.0.0/24}
 * @param gateway    e.g. {@code 10.77.0.1}
 * @param internal   containers get no default route
 * @param labels     as created
 * @param options    as created
 * @param created    creation time
 * @param containers container id to its IPv4 address, from the network's leases
 */
public record NetworkInfo(String id, String name, String driver, String bridge, String subnet, String gateway,
                          boolean internal, Map<String, String> labels, Map<String, String> options,
                          Instant created, Map<String, String> containers) {
    public NetworkInfo {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        options = options == null ? Map.of() : Map.copyOf(options);
        containers = containers == null ? Map.of() : Map.copyOf(containers);
    }
}
