package io.holdfast.spi.network;

import java.util.Map;

/**
 * What {@code docker network create} asks for, checked by {@link UserNetworks#create}.
 *
 * <pre>{@code new NetworkRequest("backend", "bridge", "10.77.0.0/24", "", false, Map.of(), Map.of())}</pre>
 *
 * @param name     the network's name: letters, digits, {@code _ . -}, starting with a letter or digit
 * @param driver   {@code bridge} (empty means bridge); no other driver exists
 * @param subnet   an IPv4 network in CIDR notation, or empty to take the next free one from
 *                 {@code default-address-pools}
 * @param gateway  the bridge's address in {@code subnet}, or empty for the subnet's first host
 * @param internal no default route in the containers (Holdfast never routes or NATs to the outside anyway)
 * @param labels   Docker's {@code Labels}
 * @param options  driver options; only {@code com.docker.network.bridge.name} is understood
 */
public record NetworkRequest(String name, String driver, String subnet, String gateway, boolean internal,
                             Map<String, String> labels, Map<String, String> options) {
    public NetworkRequest {
        driver = driver == null || driver.isEmpty() ? "bridge" : driver;
        subnet = subnet == null ? "" : subnet;
        gateway = gateway == null ? "" : gateway;
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        options = options == null ? Map.of() : Map.copyOf(options);
    }
}
